import type pg from 'pg';

/** Thrown instead of queueing once `DB_POOL_MAX_WAITING` requests already wait for a connection. */
export class PoolBusyError extends Error {
  constructor(waiting: number) {
    super(`database pool busy: ${waiting} requests already waiting for a connection`);
    this.name = 'PoolBusyError';
  }
}

// Class 08: connection exceptions; 53300: too many connections; 57P01–57P03: the server is
// shutting down or starting; 57014: statement timeout (the database is too slow to answer now).
const unavailableStates = /^(08...|53300|57P0[1-3]|57014)$/;
const unavailableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
]);
const unavailableMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
  'Connection is closed',
];

/**
 * Whether a failure means "the database cannot answer now" (overload, restart, network) rather
 * than a bug: the request is refused with 503 and `Retry-After`, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof PoolBusyError) return true;
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (unavailableStates.test(code) || unavailableErrnos.has(code))) {
    return true;
  }
  if (unavailableMessages.some((m) => error.message.includes(m))) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}

/**
 * The pool Kysely draws from, with a bounded wait: past `maxWaiting` queued requests a new one
 * fails at once (503) instead of adding to a queue that only grows under overload.
 */
export function boundedPool(pool: pg.Pool, maxWaiting: number) {
  return {
    connect() {
      if (pool.waitingCount >= maxWaiting) {
        return Promise.reject(new PoolBusyError(pool.waitingCount));
      }
      return pool.connect();
    },
    end: () => pool.end(),
    options: pool.options,
  };
}
