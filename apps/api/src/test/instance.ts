import path from 'node:path';
import type { App } from '../app.ts';
import type { Database } from '../platform/db/database.ts';
import { buildTestApp } from './app.ts';
import { withDataDir } from './data-dir.ts';

/**
 * The app over an embedded data directory, its files in the directory's own store as `serve`
 * keeps them there: to arrange through the API what a CLI process then reads, or to read through
 * the API what one wrote. Closed (with the directory's lock) when `work` is done.
 */
export function withInstanceApp<T>(
  dir: string,
  work: (ctx: { app: App; database: Database }) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  return withDataDir(dir, async ({ database }) => {
    const { app } = await buildTestApp(database, {
      DATA_DIR: dir,
      FILES_DIR: path.join(dir, 'files'),
      ...env,
    });
    try {
      return await work({ app, database });
    } finally {
      await app.close();
    }
  });
}
