import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromRoot } from './support/paths.ts';
import { createDatabase } from './support/postgres.ts';
import { freePort, runToEnd, start, stop, waitForStatus } from './support/process.ts';
import { type ReplayedImage, replayFinalStage } from './support/replay.ts';

/**
 * The image, without a container runtime: the final stage of deploy/Dockerfile replayed into a
 * directory, then its processes started there as Compose starts them. A file the image forgets,
 * or a dev dependency needed at run time, fails here. On PostgreSQL when TEST_DATABASE_URL is
 * set (a database of its own, migrated as the compose `migrate` service does), else embedded.
 */
const compose = parse(readFileSync(fromRoot('deploy/compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command: string[] }>;
};
const commandOf = (service: string) => {
  const command = compose.services[service]?.command;
  if (!command) throw new Error(`compose.yaml has no command for ${service}`);
  return command;
};

const READY_WITHIN_MS = 90_000;
const STOP_WITHIN_MS = 30_000;
const scratch = mkdtempSync(path.join(tmpdir(), 'taskflow-image-'));
let image: ReplayedImage;
let database: Record<string, string>;
let dropDatabase: (() => Promise<void>) | undefined;

/** What every process of the image sees: the image's ENV, the database, and a free port. */
const envFor = (port: number) => ({
  PATH: process.env.PATH ?? '',
  ...image.env,
  ...database,
  PORT: String(port),
  PUBLIC_URL: `http://localhost:${port}`,
  // apps/api/src/server.embedded.test.ts covers the drain; here it would only add seconds.
  DRAIN_DELAY_MS: '0',
  LOG_LEVEL: 'warn',
});

beforeAll(async () => {
  image = await replayFinalStage(path.join(scratch, 'image'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const created = await createDatabase(adminUrl);
    dropDatabase = created.drop;
    database = { DATABASE_URL: created.url };
    const redisUrl = process.env.TEST_REDIS_URL;
    // Keys of their own on a Redis that other test runs share.
    if (redisUrl)
      Object.assign(database, { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `image-${process.pid}:` });
    const migrated = await runToEnd(commandOf('migrate'), image.workdir, envFor(0));
    expect(migrated.code, migrated.output).toBe(0);
  } else {
    database = { DATA_DIR: path.join(scratch, 'data') };
  }
}, 180_000);

afterAll(async () => {
  await dropDatabase?.();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the image, replayed', () => {
  it('holds the production dependencies, linked workspaces and no dev tools', () => {
    const modules = path.join(image.workdir, 'node_modules');
    for (const present of ['fastify', 'pg', 'pg-boss', '@taskflow/contract/src/index.ts']) {
      expect(existsSync(path.join(modules, present)), present).toBe(true);
    }
    for (const absent of ['node', 'vitest', 'typescript', 'vite', 'react', '@playwright/test']) {
      expect(existsSync(path.join(modules, absent)), absent).toBe(false);
    }
    expect(existsSync(path.join(image.workdir, 'apps/web/dist/index.html'))).toBe(true);
  });

  it('serves: ready, with the web app and the API document, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = start(image.cmd, image.workdir, envFor(port));
    const base = `http://127.0.0.1:${port}`;
    try {
      const ready = await waitForStatus(`${base}/ready`, 200, server, READY_WITHIN_MS);
      expect(ready, server.output()).toBe(200);
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
    } finally {
      const code = await stop(server, STOP_WITHIN_MS);
      expect(code, server.output()).toBe(0);
    }
  }, 150_000);

  it('runs the worker: /health on its metrics port, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const command = commandOf('worker');
    const at = command.indexOf('--metrics-port');
    expect(at).toBeGreaterThan(0);
    const argv = command.map((word, i) => (i === at + 1 ? String(port) : word));
    const worker = start(argv, image.workdir, envFor(await freePort()));
    try {
      const health = await waitForStatus(
        `http://127.0.0.1:${port}/health`,
        200,
        worker,
        READY_WITHIN_MS,
      );
      expect(health, worker.output()).toBe(200);
    } finally {
      const code = await stop(worker, STOP_WITHIN_MS);
      expect(code, worker.output()).toBe(0);
    }
  }, 150_000);
});
