/**
 * The scenarios, run one after another in this order. To add one, append it to `scenarios`:
 * how to start its server, which path to load, and how to recognize a correct response.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { rowsResponse } from './rows.ts';
import type { ServerKind } from './servers.ts';
import { benchUser } from './task-fixture.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type Launch = {
  args: string[];
  env?: Record<string, string>;
  /** Directories to delete once the server has stopped. */
  cleanup?: string[];
  /** Run once the server has stopped (e.g. drop its database). */
  teardown?: () => Promise<void>;
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
  launch: (port: number) => Launch | Promise<Launch>;
  /** Scenarios naming the same server share one process (launched by the first of them). */
  server?: string;
  /** True when the parsed body of the first response is the expected one. */
  expect: (body: unknown) => boolean;
  /** The request under load; a GET of `path` without a body when absent. Any 2xx is a success. */
  request?: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> };
  /** Extra headers obtained once the server is up (e.g. a bearer token). */
  prepare?: (base: string) => Promise<Record<string, string>>;
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

export const cli = path.join(root, 'apps/api/src/cli/main.ts');

/** How the bench runs the real app: quiet, no web app, limits the load never reaches. */
export function appEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The highest values the config accepts; the defaults would answer 429s under load.
    RATE_LIMIT_MAX: '1000000',
    AUTH_IP_RATE_LIMIT: '100000',
    AUTH_ACCOUNT_RATE_LIMIT: '10000',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-dist'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
}

/** The real app, as users start it, on a fresh embedded data directory with a verified user. */
function fullStack(port: number): Launch {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-'));
  const env = appEnv(port, dataDir);
  const admin = spawnSync(
    process.execPath,
    [cli, 'create-admin', '--email', benchUser.email, '--name', 'Bench'],
    { env: { ...process.env, ...env }, input: `${benchUser.password}\n`, encoding: 'utf8' },
  );
  if (admin.status !== 0) throw new Error(`create-admin failed: ${admin.stderr}`);
  return { args: [cli, 'serve'], env, cleanup: [dataDir] };
}

const signInRequest = {
  method: 'POST' as const,
  body: JSON.stringify(benchUser),
  headers: { 'content-type': 'application/json' },
};

/** Signs the bench user in: the bearer header of the requests under load. */
export async function bearer(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, signInRequest);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

export const isObject = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null;

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
    launch: fullStack,
    expect: isMeta,
  },
  {
    id: 'me',
    name: 'full stack GET /api/v1/me (authenticated)',
    note: 'The same app, with a bearer token: the JWT (EdDSA) verified once per token then cached until its expiry, the session liveness check and the profile served from in-process caches (30 s), as in production.',
    path: '/api/v1/me',
    readyPath: '/ready',
    readyTimeoutMs: 90_000,
    launch: fullStack,
    prepare: bearer,
    expect: (body) => isObject(body) && body.email === benchUser.email,
  },
  {
    id: 'sign-in',
    name: 'full stack POST /api/v1/auth/sign-in',
    note: 'Sign-in with a valid password: one argon2id verification (m=19456 KiB, t=2, p=1; at most 4 at once), a session and refresh token written, an audit row, a JWT signed. Requests per second here are argon2 hashes per second.',
    path: '/api/v1/auth/sign-in',
    readyPath: '/ready',
    readyTimeoutMs: 90_000,
    launch: fullStack,
    request: signInRequest,
    expect: (body) => isObject(body) && typeof body.accessToken === 'string',
  },
];
