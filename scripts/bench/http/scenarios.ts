/**
 * The load scenarios of the Results table: how to start each one's server, which request to load,
 * and how to recognize a correct first response. The framework's ceiling (bare hello), the
 * serializers on fixed rows, and the real app started as users start it.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { appEnv, cli, type Fixture, isObject, runCli, scratchDir } from '../lib/app.ts';
import type { Cleanups } from '../lib/cleanups.ts';
import type { ServerKind } from './micro-server.ts';
import { rowsResponse } from './rows.ts';

export type Launch = { args: string[]; env?: Record<string, string>; fixture?: Fixture };
/** The request under load, once the server is up: its path and headers (e.g. a bearer token). */
export type Prepared = { path: string; headers?: Record<string, string> };

export type Scenario = {
  id: string;
  name: string;
  /** What the scenario measures, for the Notes of the report. */
  note: string;
  /** Polled until it answers 200 before anything else. */
  readyPath: string;
  readyTimeoutMs: number;
  /** Scenarios naming the same server share one process (launched by the first of them). */
  server: string;
  launch: (port: number, cleanups: Cleanups) => Launch | Promise<Launch>;
  prepare: (base: string, launch: Launch) => Promise<Prepared>;
  /** True when the parsed body of the first response is the expected one. */
  expect: (body: unknown) => boolean;
  /** The request's method and body; a GET without a body when absent. Any 2xx is a success. */
  request?: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> };
};

export const at = (requestPath: string) => async (): Promise<Prepared> => ({ path: requestPath });

const microServer = path.join(import.meta.dirname, 'micro-server.ts');
const micro =
  (kind: ServerKind) =>
  (port: number): Launch => ({ args: [microServer, kind, String(port)] });

const sameRows = (body: unknown) => isDeepStrictEqual(body, rowsResponse);

function isMeta(body: unknown): boolean {
  return (
    isObject(body) &&
    body.name === 'TaskFlow' &&
    typeof body.version === 'string' &&
    body.mode === 'embedded' &&
    typeof body.serverTime === 'string' &&
    !Number.isNaN(Date.parse(body.serverTime))
  );
}

const benchUser = { email: 'bench@example.com', password: 'bench sign-in passphrase' };
const admin: Fixture = { workspaceId: '', emails: [benchUser.email], password: benchUser.password };

/** The real app, as users start it, on a fresh embedded data directory with a verified admin. */
function fullStack(port: number, cleanups: Cleanups): Launch {
  const dataDir = scratchDir('taskflow-bench-', cleanups);
  const env = appEnv(port, dataDir);
  runCli(
    ['create-admin', '--email', benchUser.email, '--name', 'Bench'],
    env,
    `${benchUser.password}\n`,
  );
  return { args: [cli, 'serve'], env, fixture: admin };
}

const signInRequest = {
  method: 'POST' as const,
  body: JSON.stringify(benchUser),
  headers: { 'content-type': 'application/json' },
};

/** Signs the bench user in: the bearer header of the requests under load. */
async function bearer(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, signInRequest);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

const micros = { readyTimeoutMs: 15_000 };
const app = {
  readyPath: '/ready',
  readyTimeoutMs: 90_000,
  server: 'full-stack',
  launch: fullStack,
};

export const scenarios: Scenario[] = [
  {
    id: 'hello',
    name: 'bare Fastify hello',
    note: '`fastify()` with one `GET /hello` route answering `{ hello: "world" }`: no logger, no plugins, no schema. The ceiling of the framework on this machine.',
    ...micros,
    readyPath: '/hello',
    server: 'hello',
    launch: micro('hello'),
    prepare: at('/hello'),
    expect: (body) => isDeepStrictEqual(body, { hello: 'world' }),
  },
  {
    id: 'rows-zod',
    name: 'GET /rows, zod serializer',
    note: "`GET /rows` returning 20 fixed rows of 8 fields, response schema in zod, serialized by fastify-type-provider-zod's `serializerCompiler` (it parses every response with zod, then `JSON.stringify`).",
    ...micros,
    readyPath: '/rows',
    server: 'rows-zod',
    launch: micro('rows-zod'),
    prepare: at('/rows'),
    expect: sameRows,
  },
  {
    id: 'rows-fast',
    name: 'GET /rows, fast serializer',
    note: "The same route and zod schema, serialized as TaskFlow's `fastSerializerCompiler` does: the zod schema compiled to JSON Schema for fast-json-stringify (`scripts/bench/http/fast-serializer.ts`). Both rows servers set fastify-type-provider-zod's `validatorCompiler`; the route has no request schema, so only the serializer differs.",
    ...micros,
    readyPath: '/rows',
    server: 'rows-fast',
    launch: micro('rows-fast'),
    prepare: at('/rows'),
    expect: sameRows,
  },
  {
    id: 'meta',
    name: 'full stack GET /api/v1/meta',
    note: 'The real app started as users start it, `taskflow serve`, embedded mode on a fresh data directory: every plugin, hook, logger (level warn) and the zod contract on the route; the route itself touches no database.',
    ...app,
    prepare: at('/api/v1/meta'),
    expect: isMeta,
  },
  {
    id: 'me',
    name: 'full stack GET /api/v1/me (authenticated)',
    note: 'The same app, with a bearer token: the JWT (EdDSA) verified once per token then cached until its expiry, the session liveness check and the profile served from in-process caches (30 s), as in production.',
    ...app,
    prepare: async (base) => ({ path: '/api/v1/me', headers: await bearer(base) }),
    expect: (body) => isObject(body) && body.email === benchUser.email,
  },
  {
    id: 'sign-in',
    name: 'full stack POST /api/v1/auth/sign-in',
    note: 'Sign-in with a valid password: one argon2id verification (m=19456 KiB, t=2, p=1; at most 4 at once), a session and refresh token written, an audit row, a JWT signed. Requests per second here are argon2 hashes per second.',
    ...app,
    prepare: at('/api/v1/auth/sign-in'),
    request: signInRequest,
    expect: (body) => isObject(body) && typeof body.accessToken === 'string',
  },
];
