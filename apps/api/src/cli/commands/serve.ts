import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { assertServable } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateUp } from '../../platform/db/migrator.ts';
import { EMBEDDED_V8_FLAGS } from '../../platform/db/pglite.ts';
import { runCommand } from '../context.ts';

/** How long start-up waits for Redis before serving without it. */
const REDIS_START_WAIT_MS = 2_000;

/** Redis (cluster mode), waited for briefly; ioredis is loaded only by a process that uses it. */
async function connectRedis(url: string, logger: Logger) {
  const { openRedis, settled } = await import('../../platform/cache/redis-client.ts');
  const redis = openRedis(url, logger);
  if (!(await settled(redis, REDIS_START_WAIT_MS))) {
    logger.warn('Redis unreachable at start: serving with per-process fallbacks');
  }
  return redis;
}

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Serve the API (and the built web app). Embedded mode migrates on start.')
    .action(() =>
      runCommand(async ({ config, logger }) => {
        assertServable(config);
        // The small server's young generation (pglite.ts).
        if (config.mode === 'embedded') setFlagsFromString(EMBEDDED_V8_FLAGS);
        const {
          buildApp,
          createPasswordService,
          issueFirstAdminLink,
          listenForOperators,
          createBackupService,
          runServer,
          seedDemo,
          serveOverSocket,
        } = await import('./serve-dependencies.ts');
        const database = await openDatabase(config, logger);
        const redis = config.redis.url ? await connectRedis(config.redis.url, logger) : undefined;
        let operators: { close(): Promise<void> } | undefined;
        const close = async () => {
          await operators?.close();
          await redis?.quit().catch(() => redis.disconnect());
          await database.close();
        };
        try {
          if (config.mode === 'embedded') {
            const applied = await migrateUp(database.db);
            if (applied.length > 0) logger.info({ applied }, 'migrations applied');
          }
          if (config.demoSeed) {
            const demo = await seedDemo(database.db, createPasswordService().hash);
            if (demo) {
              logger.info(
                { email: demo.email },
                `Demo workspace created. Sign in at ${config.auth.appUrl} as ${demo.email} with the password ${demo.password}`,
              );
            }
          }
          const app = await buildApp(config, { database, logger, ...(redis ? { redis } : {}) });
          const address = await runServer(app, {
            host: config.http.host,
            port: config.http.port,
            drainDelayMs: config.http.drainDelayMs,
            shutdownTimeoutMs: config.http.shutdownTimeoutMs,
            logger,
            onClose: close,
          });
          logger.info({ address, mode: config.mode }, `TaskFlow is serving on ${address}`);
          if (config.mode === 'embedded' && database.pglite) {
            // Operator commands while this process holds the data directory: `taskflow backup`
            // asks it to back up; the others reach the database through it.
            const backups = createBackupService({ database, config, logger });
            const sockets = await Promise.all([
              listenForOperators(config.db.dataDir, backups, logger),
              serveOverSocket(database.pglite, database.db, config.db.dataDir, logger),
            ]);
            operators = {
              close: async () => void (await Promise.all(sockets.map((s) => s.close()))),
            };
          }
          // Cluster mode prints no link: its operators use `taskflow users set-role`.
          const setup = config.mode === 'embedded' && (await issueFirstAdminLink(database.db));
          if (setup) {
            logger.info(
              `No administrator yet: open ${config.auth.appUrl}/setup/${setup.token} to create the first one (the link works once, until ${setup.expiresAt.toISOString()})`,
            );
          }
        } catch (error) {
          await close();
          throw error;
        }
      }),
    );
}
