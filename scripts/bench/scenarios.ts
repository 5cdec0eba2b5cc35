/**
 * The scenarios, run one after another in this order. To add one, append it to `scenarios`:
 * how to start its server, which path to load, and how to recognize a correct response.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { rowsResponse } from './rows.ts';
import type { ServerKind } from './servers.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type Launch = {
  args: string[];
  env?: Record<string, string>;
  /** Directories to delete once the server has stopped. */
  cleanup?: string[];
};

export type Scenario = {
  id: string;
  name: string;
  /** What the scenario measures, for the Notes of the report. */
  note: string;
  path: string;
  /** Polled until it answers 200 before anything else. */
  readyPath: string;
  readyTimeoutMs: number;
  launch: (port: number) => Launch;
  /** True when the parsed body of the first response is the expected one. */
  expect: (body: unknown) => boolean;
};

function micro(kind: ServerKind): (port: number) => Launch {
  return (port) => ({ args: [path.join(root, 'scripts/bench/servers.ts'), kind, String(port)] });
}

const sameRows = (body: unknown) => isDeepStrictEqual(body, rowsResponse);

function isMeta(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const meta = body as Record<string, unknown>;
  return (
    meta.name === 'TaskFlow' &&
    typeof meta.version === 'string' &&
    meta.mode === 'embedded' &&
    typeof meta.serverTime === 'string' &&
    !Number.isNaN(Date.parse(meta.serverTime))
  );
}

export const scenarios: Scenario[] = [
  {
    id: 'hello',
    name: 'bare Fastify hello',
    note: '`fastify()` with one `GET /hello` route answering `{ hello: "world" }`: no logger, no plugins, no schema. The ceiling of the framework on this machine.',
    path: '/hello',
    readyPath: '/hello',
    readyTimeoutMs: 15_000,
    launch: micro('hello'),
    expect: (body) => isDeepStrictEqual(body, { hello: 'world' }),
  },
  {
    id: 'rows-zod',
    name: 'GET /rows, zod serializer',
    note: "`GET /rows` returning 20 fixed rows of 8 fields, response schema in zod, serialized by fastify-type-provider-zod's `serializerCompiler` (it parses every response with zod, then `JSON.stringify`).",
    path: '/rows',
    readyPath: '/rows',
    readyTimeoutMs: 15_000,
    launch: micro('rows-zod'),
    expect: sameRows,
  },
  {
    id: 'rows-fast',
    name: 'GET /rows, fast serializer',
    note: "The same route and zod schema, serialized by TaskFlow's `fastSerializerCompiler` (`apps/api/src/platform/http/serializer.ts`): the zod schema compiled to JSON Schema for fast-json-stringify. Both rows servers set fastify-type-provider-zod's `validatorCompiler`; the route has no request schema, so only the serializer differs.",
    path: '/rows',
    readyPath: '/rows',
    readyTimeoutMs: 15_000,
    launch: micro('rows-fast'),
    expect: sameRows,
  },
  {
    id: 'meta',
    name: 'full stack GET /api/v1/meta',
    note: 'The real app started as users start it, `node apps/api/src/cli/main.ts serve`, embedded mode on a fresh data directory: every plugin, hook, logger (level warn) and the zod contract on the route; the route itself touches no database.',
    path: '/api/v1/meta',
    readyPath: '/ready',
    readyTimeoutMs: 90_000,
    launch: (port) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-'));
      return {
        args: [path.join(root, 'apps/api/src/cli/main.ts'), 'serve'],
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          // The highest value the config accepts; the default (300/min) would answer 429s.
          RATE_LIMIT_MAX: '1000000',
          WEB_DIST_DIR: path.join(dataDir, 'no-web-dist'),
        },
        cleanup: [dataDir],
      };
    },
    expect: isMeta,
  },
];
