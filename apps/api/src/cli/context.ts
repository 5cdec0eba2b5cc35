import { existsSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase, openPostgresDatabase } from '../platform/db/database.ts';
import { DataDirInUseError } from '../platform/db/lock.ts';
import { migrateUp } from '../platform/db/migrator.ts';
import { pgSocketPath } from '../platform/db/pglite.ts';
import { DomainError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { OperatorError } from '../platform/operator-error.ts';

/** Reads the environment once; a bad one ends the command with every problem named. */
function loadConfigOrExit(): Config {
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

type CommandOptions = {
  /**
   * Where log lines go. Long-running commands (`serve`, `worker`) log to stdout, as services do;
   * operator commands keep stdout for their answer (a table, or one JSON document with `--json`)
   * and log to stderr, where a failure is then said once, plainly.
   */
  logs?: 'stdout' | 'stderr';
};

/** Runs a command body; any failure is reported once, plainly, and the process exits 1. */
export async function runCommand(
  body: (ctx: { config: Config; logger: Logger }) => Promise<void>,
  { logs = 'stdout' }: CommandOptions = {},
) {
  const config = loadConfigOrExit();
  const logger =
    logs === 'stderr'
      ? createLogger(config.log.level, pino.destination({ fd: 2, sync: true }))
      : createLogger(config.log.level);
  try {
    await body({ config, logger });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An operator's mistake (or a refused request) needs its message; a bug, its stack, in the log.
    const expected = error instanceof OperatorError || error instanceof DomainError;
    // An expected failure is said once, on stderr, and not also as a log line beside it.
    if (!expected) {
      if (logs === 'stderr') logger.debug({ err: error }, message);
      else logger.fatal({ err: error }, message);
    }
    process.stderr.write(`taskflow: ${message}\n`);
    process.exit(1);
  }
}

/**
 * A running embedded server holds the data directory: its database, through the server's
 * socket (platform/db/socket-server.ts), as if it were PostgreSQL.
 */
function throughRunningServer(error: unknown, config: Config, logger?: Logger): Database {
  const dir = config.db.dataDir;
  if (!(error instanceof DataDirInUseError) || !existsSync(pgSocketPath(dir))) throw error;
  logger?.debug({ pid: error.pid }, 'the server holds the data directory: using its socket');
  const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
  return openPostgresDatabase(url, config.db, undefined, logger);
}

/** The database of an operator command: the data directory, or the server that holds it. */
export const openCommandDatabase = (config: Config, logger?: Logger) =>
  openDatabase(config, logger).catch((error: unknown) =>
    throughRunningServer(error, config, logger),
  );

/** The database of a command; embedded mode applies pending migrations first, as `serve` does. */
export async function openMigrated(config: Config, logger: Logger): Promise<Database> {
  const database = await openCommandDatabase(config, logger);
  if (config.mode === 'embedded') {
    try {
      await migrateUp(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
