import type { Logger } from 'pino';
import type { App } from './app.ts';

type RunOptions = {
  host: string;
  port: number;
  shutdownTimeoutMs: number;
  logger: Logger;
  /** Closed after the HTTP server has drained: database, workers… */
  onClose: () => Promise<void>;
  exit?: (code: number) => void;
};

/**
 * Listens, and on SIGTERM/SIGINT shuts down gracefully: stop accepting, let in-flight requests
 * finish, close what the app holds, exit 0. Past the deadline it exits 1 rather than hang.
 */
export async function runServer(app: App, options: RunOptions) {
  const { logger, exit = (code) => process.exit(code) } = options;
  const address = await app.listen({ host: options.host, port: options.port });
  let closing = false;

  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: options.shutdownTimeoutMs }, 'shutdown deadline passed, exiting');
      exit(1);
    }, options.shutdownTimeoutMs);
    deadline.unref();
    try {
      // Idle and unused connections are closed as they appear (platform/http/connections.ts).
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
  return address;
}
