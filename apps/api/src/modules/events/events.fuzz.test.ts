import { createParser } from 'eventsource-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import {
  fuzzOperation,
  type Injector,
  listOperations,
  loadOpenApiDocument,
  type OpenApiDocument,
  operationKey,
  type Schema,
  validatorsFor,
} from '../../test/fuzz/index.ts';
import { createTask, newUser, type User } from '../../test/workspaces.ts';

/**
 * The event stream, fuzzed over real HTTP (a stream never ends, so `inject` cannot wait for it):
 * every error is a documented problem, and every stream opens with a message that validates
 * against the documented `text/event-stream` schema.
 */
const ctx = useTestApp({ RATE_LIMIT_MAX: '1000000', SSE_MAX_STREAMS_PER_USER: '1000' });
let doc: OpenApiDocument;
let ada: User;
let base: string;
let heads: string[] = [];

beforeAll(async () => {
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
  doc = await loadOpenApiDocument(ctx.app);
  ada = await newUser(ctx.app, ctx.database, 'ada@example.com');
  for (let i = 0; i < 5; i++) await createTask(ada, ada.personalId, { title: `T${i}` });
  heads = ['0', '1', '3', '999999'];
});

/** The first message of a stream, checked against the document; the stream is then dropped. */
async function firstMessage(response: Response, validate: (m: unknown) => boolean) {
  const controller = new AbortController();
  let first: string | undefined;
  const parser = createParser({
    onEvent(event) {
      first ??= event.data;
    },
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  while (first === undefined && reader) {
    const chunk = await reader.read();
    if (chunk.done) break;
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  await reader?.cancel();
  controller.abort();
  if (first === undefined) throw new Error('the stream ended before its first message');
  if (!validate(JSON.parse(first))) throw new Error(`undocumented first message: ${first}`);
  return first;
}

function httpInjector(validate: (m: unknown) => boolean): Injector {
  return {
    inject: (async (options: {
      method: string;
      url: string;
      headers?: Record<string, string>;
      cookies?: Record<string, string>;
      payload?: string;
    }) => {
      const cookie = Object.entries(options.cookies ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const response = await fetch(`${base}${options.url}`, {
        method: options.method,
        headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
        // fetch sends no body with GET (the fuzzer sometimes adds one; inject would).
        ...(options.payload === undefined || options.method === 'GET'
          ? {}
          : { body: options.payload }),
      });
      const headers = Object.fromEntries(response.headers);
      const body =
        response.status === 200 ? await firstMessage(response, validate) : await response.text();
      return { statusCode: response.status, headers, body };
    }) as unknown as Injector['inject'],
  };
}

describe('schema-driven fuzzing of the event stream', () => {
  it('covers every operation the document tags events', () => {
    expect(listOperations(doc, ['events']).map(operationKey)).toEqual(['GET /api/v1/events']);
  });

  it('GET /api/v1/events answers every generated request as documented', async () => {
    const op = doc.paths['/api/v1/events']?.get as { responses: Record<string, Schema> };
    const content = op.responses['200']?.content as Record<string, { schema: Schema }>;
    const validate = validatorsFor(doc)(content['text/event-stream']?.schema ?? {});
    const report = await fuzzOperation(httpInjector(validate as (m: unknown) => boolean), doc, {
      method: 'GET',
      path: '/api/v1/events',
      runs: 150,
      headers: () => ({ authorization: `Bearer ${ada.accessToken}` }),
      examples: { lastEventId: heads, 'last-event-id': heads },
    });
    expect(Object.keys(report.statuses).map(Number)).toEqual(expect.arrayContaining([200, 400]));
  }, 120_000);
});
