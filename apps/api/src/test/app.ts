import { Writable } from 'node:stream';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { createLogger } from '../platform/logger.ts';

/** Collects every log line the app writes, parsed. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, raw, stream };
}

/** The real app, as `serve` builds it, over a test database; env entries override defaults. */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  logs = captureLogs(),
) {
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent', ...env });
  const app = await buildApp(config, { database, logger: createLogger('debug', logs.stream) });
  return { app, logs, config };
}
