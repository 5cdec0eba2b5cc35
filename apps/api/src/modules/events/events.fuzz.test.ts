import { createParser } from 'eventsource-parser';
import { beforeAll, vi } from 'vitest';
import { listenLocally } from '../../test/app.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { type Injector, type Schema, validatorsFor } from '../../test/fuzz/index.ts';
import { describeFuzz } from '../../test/fuzz/runner.ts';
import { createTask, newUser, type User } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * The event stream, fuzzed over real HTTP (a stream never ends, so `inject` cannot wait for it):
 * every error is a documented problem, and every stream opens with a message that validates
 * against the documented `text/event-stream` schema.
 */
const ctx = useFuzzApp({ SSE_MAX_STREAMS_PER_USER: '1000' });
let ada: User;
let base: string;
let heads: string[] = [];

beforeAll(async () => {
  base = await listenLocally(ctx.app);
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

/** Requests over HTTP, each answer's first message checked against the documented schema. */
function streamTarget() {
  const op = ctx.doc.paths['/api/v1/events']?.get as { responses: Record<string, Schema> };
  const content = op.responses['200']?.content as Record<string, { schema: Schema }>;
  const validate = validatorsFor(ctx.doc)(content['text/event-stream']?.schema ?? {});
  return { app: httpInjector(validate as (m: unknown) => boolean), doc: ctx.doc };
}

describeFuzz('schema-driven fuzzing of the event stream', {
  tags: ['events'],
  target: streamTarget,
  runs: 150,
  headers: () => ({ authorization: `Bearer ${ada.accessToken}` }),
  plan: {
    'GET /api/v1/events': {
      examples: () => ({ lastEventId: heads, 'last-event-id': heads }),
      reaches: [200, 400],
    },
  },
});
