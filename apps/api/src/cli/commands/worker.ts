import type { Command } from 'commander';
import { assertServable } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { runCommand } from '../context.ts';

/** `taskflow worker`: runs background jobs and cron schedules until SIGTERM/SIGINT. */
export function registerWorker(program: Command) {
  program
    .command('worker')
    .description(
      'Run background jobs and their schedules (cluster mode: as many as you like; embedded mode runs jobs in `serve`)',
    )
    .option('--metrics-port <port>', 'serve GET /metrics (METRICS_TOKEN) on this port', (v) =>
      Number.parseInt(v, 10),
    )
    .action((opts: { metricsPort?: number }) =>
      runCommand(async ({ config, logger }) => {
        assertServable(config);
        const [{ createMailer }, { createJobSystem }, { startMetricsServer }] = await Promise.all([
          import('../../app.ts'),
          import('../../job-system.ts'),
          import('../../platform/metrics/metrics-server.ts'),
        ]);
        const database = await openDatabase(config, logger);
        const mailer = createMailer(config, { database, logger });
        const jobs = createJobSystem(
          { database, mailer, logger, config },
          { migrate: config.mode === 'embedded', supervise: true },
        );
        try {
          await jobs.queue.start({ work: true });
        } catch (error) {
          await database.close();
          throw error;
        }
        const metrics =
          opts.metricsPort === undefined
            ? undefined
            : await startMetricsServer(opts.metricsPort, config.http.host, config.metrics.token);
        logger.info(
          { types: jobs.queue.definitions().map((d) => d.type), pid: process.pid },
          'TaskFlow worker is running',
        );

        let stopping = false;
        const stop = async (signal: NodeJS.Signals) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, 'worker stopping: finishing running jobs');
          const deadline = setTimeout(() => {
            logger.error('worker stop deadline passed, exiting');
            process.exit(1);
          }, config.http.shutdownTimeoutMs + 1_000);
          deadline.unref();
          await jobs.queue.stop(config.http.shutdownTimeoutMs);
          metrics?.close();
          mailer.close?.();
          await database.close();
          logger.info('worker stopped');
          process.exit(0);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      }),
    );
}
