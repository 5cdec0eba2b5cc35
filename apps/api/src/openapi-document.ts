import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openOfflineDatabase } from './platform/db/database.ts';
import { createLogger } from './platform/logger.ts';

/**
 * The OpenAPI document of the current route table, built without a database or a listener.
 * Independent of the environment, so the committed document is the same on every machine.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const database = openOfflineDatabase();
  const app = await buildApp(loadConfig({}), { database, logger: createLogger('silent') });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
