import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { App } from './app.ts';

const PARENT_CHECK_MS = 500;

type RunOptions = {
  host: string;
  port: number;
  /** How long to keep serving after SIGTERM while `/ready` fails, so balancers stop sending. */
  drainDelayMs: number;
  shutdownTimeoutMs: number;
  logger: Logger;
  /** Closed after the HTTP server has drained: database, workers… */
  onClose: () => Promise<void>;
  exit?: (code: number) => void;
};

/**
 * Listens, and on SIGTERM/SIGINT shuts down gracefully:
 * 1. `/ready` answers 503 at once and responses close their connections, while requests are
 *    still served for `drainDelayMs` (a balancer's health check sees the failure meanwhile);
 * 2. the server stops accepting and closes idle connections; requests in flight finish, event
 *    streams end with a retry hint, a request still being received is cut after a grace;
 * 3. jobs, pools and the database close; the process exits 0.
 * Past `shutdownTimeoutMs` it exits 1 rather than hang (work outlasted it). The same happens
 * when the parent process exits without passing the signal on.
 */
export async function runServer(app: App, options: RunOptions) {
  const { logger, exit = (code) => process.exit(code) } = options;
  const address = await app.listen({ host: options.host, port: options.port });
  let closing = false;

  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: options.shutdownTimeoutMs }, 'shutdown deadline passed, exiting');
      exit(1);
    }, options.shutdownTimeoutMs);
    deadline.unref();
    app.startDraining();
    logger.info({ signal, drainDelayMs: options.drainDelayMs }, 'draining: /ready now fails');
    try {
      await sleep(options.drainDelayMs);
      logger.info('shutting down: no new connections');
      await app.close();
      await options.onClose();
      clearTimeout(deadline);
      logger.info('shutdown complete');
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // Started through a wrapper that does not pass signals on (`npx`, `npm run`): when it is
  // stopped, this process is left to another parent; it then shuts down as if signalled.
  const parent = process.ppid;
  const orphaned = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(orphaned);
    logger.warn({ parent }, 'the parent process has exited');
    void shutdown('SIGTERM');
  }, PARENT_CHECK_MS);
  orphaned.unref();
  return address;
}
