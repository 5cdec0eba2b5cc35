/**
 * The tests of a fuzz file: one per planned operation, each sending generated requests and
 * checking that the run reached the statuses it should, and one that the plan names every
 * operation the document carries under the file's tags, so a new route cannot go unfuzzed.
 */
import { describe, expect, it } from 'vitest';
import {
  type Examples,
  type FuzzOptions,
  type Injector,
  listOperations,
  type OpenApiDocument,
  operationKey,
} from './document.ts';
import { fuzzOperation } from './index.ts';

export type PlannedOperation = {
  /** Real values to mix in, read when the operation's test starts (after the file's setup). */
  examples?: () => Examples;
  /** Statuses the run must have produced, so the generator is known to reach them. */
  reaches: number[];
  /** Sent with every request instead of the suite's headers. */
  headers?: () => Record<string, string>;
  afterEach?: FuzzOptions['afterEach'];
};

type FuzzSuite = {
  /** The document's tags whose operations the plan must cover, no more and no less. */
  tags: readonly string[];
  /** Where requests go and the document they are held to, read when each test starts. */
  target: () => { app: Injector; doc: OpenApiDocument };
  /** Runs per operation (at least 100). */
  runs: number;
  headers?: () => Record<string, string>;
  /** By "METHOD /path" as in the document, in run order. */
  plan: Record<string, PlannedOperation>;
};

export function describeFuzz(title: string, suite: FuzzSuite) {
  describe(title, () => {
    it(`covers every operation the document tags ${suite.tags.join(' or ')}`, () => {
      const documented = listOperations(suite.target().doc, suite.tags).map(operationKey);
      expect(Object.keys(suite.plan).sort()).toEqual(documented.sort());
    });

    for (const [key, planned] of Object.entries(suite.plan)) {
      const [method = '', path = ''] = key.split(' ');
      it(`${key} answers every generated request as documented`, async () => {
        const { app, doc } = suite.target();
        const report = await fuzzOperation(app, doc, {
          method,
          path,
          runs: suite.runs,
          headers: planned.headers ?? suite.headers,
          examples: planned.examples?.(),
          afterEach: planned.afterEach,
        });
        expect(Object.keys(report.statuses).map(Number)).toEqual(
          expect.arrayContaining(planned.reaches),
        );
      }, 120_000);
    }
  });
}
