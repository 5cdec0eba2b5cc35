import type { Command } from 'commander';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateUp } from '../../platform/db/migrator.ts';
import { runServer } from '../../server.ts';
import { runCommand } from '../context.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Serve the API (and the built web app). Embedded mode migrates on start.')
    .action(() =>
      runCommand(async ({ config, logger }) => {
        const database = await openDatabase(config);
        try {
          if (config.mode === 'embedded') {
            const applied = await migrateUp(database.db);
            if (applied.length > 0) logger.info({ applied }, 'migrations applied');
          }
          const app = await buildApp(config, { database, logger });
          const address = await runServer(app, {
            host: config.http.host,
            port: config.http.port,
            shutdownTimeoutMs: config.http.shutdownTimeoutMs,
            logger,
            onClose: () => database.close(),
          });
          logger.info({ address, mode: config.mode }, `TaskFlow is serving on ${address}`);
        } catch (error) {
          await database.close();
          throw error;
        }
      }),
    );
}
