import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../platform/logger.ts';
import { OperatorError } from '../platform/operator-error.ts';

/** Reads the environment once; a bad one ends the command with every problem named. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`taskflow: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Runs a command body; any failure is logged once, plainly, and the process exits 1. */
export async function runCommand(body: (ctx: { config: Config; logger: Logger }) => Promise<void>) {
  const config = loadConfigOrExit();
  const logger = createLogger(config.log.level);
  try {
    await body({ config, logger });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof OperatorError) logger.fatal(message);
    else logger.fatal({ err: error }, message);
    process.stderr.write(`taskflow: ${message}\n`);
    process.exit(1);
  }
}
