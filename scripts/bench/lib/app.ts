/**
 * TaskFlow as the bench reaches it: its CLI (`taskflow migrate up`, `seed`, `serve`, `worker`) and
 * its HTTP API. Nothing here imports the app's code, so the bench measures what users run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase, dropDatabase } from '../../cluster/database.ts';
import type { Cleanups } from './cleanups.ts';

export const root = path.resolve(import.meta.dirname, '../../..');
/** `taskflow`, as `npm start` and the Dockerfile run it. */
export const cli = path.join(root, 'apps/api/src/cli/main.ts');
/** The PostgreSQL server where benchmarks create (and drop) their databases. */
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

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

/** An embedded data directory or a PostgreSQL database. */
export type Target = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };

const targetEnv = (target: Target): Record<string, string> =>
  target.kind === 'embedded' ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url };

/** Runs `taskflow <args>` to its end; its standard output, or an error with its stderr. */
export function runCli(args: string[], env: Record<string, string>, input?: string): string {
  const run = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    ...(input === undefined ? {} : { input }),
  });
  if (run.status !== 0) {
    throw new Error(`taskflow ${args[0]} failed: ${(run.stderr || run.stdout).slice(-2000)}`);
  }
  return run.stdout;
}

/**
 * The demo workspace `taskflow seed` made, and how its members sign in; for the task benchmarks,
 * also its copy whose tasks have comments and files (lib/counted-workspace.ts).
 */
export type Fixture = {
  workspaceId: string;
  emails: string[];
  password: string;
  countedWorkspaceId?: string;
};

/**
 * Migrates the target as an operator does (`taskflow migrate up`), then `taskflow seed`: `users`
 * verified members (the first one the owner) of one workspace holding `tasks` tasks.
 */
export function seed(target: Target, users: number, tasks: number): Fixture {
  const env = targetEnv(target);
  runCli(['migrate', 'up'], env);
  const out = runCli(['seed', '--users', String(users), '--tasks', String(tasks), '--json'], env);
  const seeded = JSON.parse(out) as {
    created: boolean;
    workspace?: { id: string };
    users?: { email: string }[];
    password?: string;
  };
  if (!seeded.created || !seeded.workspace || !seeded.users || !seeded.password) {
    throw new Error(`taskflow seed made nothing: ${out.slice(0, 200)}`);
  }
  return {
    workspaceId: seeded.workspace.id,
    emails: seeded.users.map((u) => u.email),
    password: seeded.password,
  };
}

/** A new data directory, removed by `cleanups`. */
export function scratchDir(prefix: string, cleanups: Cleanups): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.add(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new PostgreSQL database on the bench's server, dropped by `cleanups`. */
export async function scratchDatabase(prefix: string, cleanups: Cleanups): Promise<string> {
  const database = await createScratchDatabase(adminUrl, prefix);
  cleanups.add(() => dropDatabase(adminUrl, database.name));
  return database.url;
}

/** Signs a member in over HTTP: the access token. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The bearer header of the fixture's first member (the workspace's owner). */
export async function ownerHeaders(base: string, fixture: Fixture) {
  const token = await signIn(base, fixture.emails[0] ?? '', fixture.password);
  return { authorization: `Bearer ${token}` };
}

export const isObject = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null;

/** GETs a JSON body, failing unless 2xx and `expect` holds. */
export async function getJson(
  url: string,
  headers: Record<string, string>,
  expect: (body: unknown) => boolean,
  init: RequestInit = {},
): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...headers },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !expect(body)) {
    throw new Error(`first response of ${url} was ${response.status} ${text.slice(0, 200)}`);
  }
  return body;
}
