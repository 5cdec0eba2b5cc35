import { chmod, rm } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';
import { pgSocketPath } from './pglite.ts';

/** The longest Unix socket path Linux accepts (`sun_path` is 108 bytes, with its NUL). */
const MAX_SOCKET_PATH = 107;

const SYNC = 0x53;
const QUERY = 0x51;
const TERMINATE = 0x58;
const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;

/** A connection's first message has no type byte: its length, then the protocol's number. */
function isStartup(message: Uint8Array) {
  if (message.length < 8) return false;
  const code = new DataView(message.buffer, message.byteOffset, 8).getInt32(4);
  return code === PROTOCOL_3 || code === SSL_REQUEST;
}

/** After this message PostgreSQL says ReadyForQuery: a client's exchange may end here. */
const endsExchange = (message: Uint8Array) =>
  isStartup(message) || message[0] === SYNC || message[0] === QUERY || message[0] === TERMINATE;

/**
 * The server's PGlite as the socket server uses it, sharing the one connection with the
 * server's own queries. The socket server locks PGlite per message; the server's transactions
 * span many, and only Kysely's connection queue (which pg-boss shares) keeps them whole. So a
 * socket client's message first takes that connection and keeps it until the client's exchange
 * is over (its `Sync` or simple query answered, outside a transaction): neither side's
 * statements ever land inside the other's transaction. `isInTransaction` reports that hold, so
 * the socket server serves the holding client alone meanwhile.
 */
function sharedWithKysely(pglite: PGlite, db: Kysely<DB>) {
  let held: Promise<() => void> | undefined;
  const hold = () => {
    held ??= new Promise((resolve, reject) => {
      db.connection()
        .execute(() => new Promise<void>((release) => resolve(release)))
        .catch(reject);
    });
    return held;
  };
  const letGo = async () => {
    const release = held;
    held = undefined;
    (await release)?.();
  };
  return {
    waitReady: pglite.waitReady,
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      await hold();
      return pglite.runExclusive(fn);
    },
    async execProtocolRawStream(
      message: Uint8Array,
      options: Parameters<PGlite['execProtocolRawStream']>[1],
    ) {
      try {
        return await pglite.execProtocolRawStream(message, options);
      } finally {
        if (endsExchange(message) && !pglite.isInTransaction()) await letGo();
      }
    },
    isInTransaction: () => held !== undefined,
    /** Called with ROLLBACK when a client leaves mid-exchange. */
    async exec(query: string) {
      try {
        if (pglite.isInTransaction()) await pglite.exec(query);
      } finally {
        await letGo();
      }
    },
  };
}

/**
 * Serves the embedded database over the PostgreSQL protocol on a Unix socket in the data
 * directory (owner only), for `taskflow` commands run while this server holds the directory.
 */
export async function serveOverSocket(
  pglite: PGlite,
  db: Kysely<DB>,
  dataDir: string,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const socket = pgSocketPath(dataDir);
  // The server holds the data directory's lock: a socket file here was left by a dead one.
  await rm(socket, { force: true });
  const server = new PGLiteSocketServer({
    db: sharedWithKysely(pglite, db) as unknown as PGlite,
    path: socket,
    maxConnections: 8,
    // A client that stops mid-exchange holds the database: it is cut after this long.
    idleTimeout: 30_000,
  });
  try {
    if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
      throw new Error(`${socket} is longer than a Unix socket's name may be`);
    }
    // The socket server reports a failure to listen as an event, not as start()'s rejection.
    const failed = new Promise<never>((_, reject) =>
      server.addEventListener('error', (event) => reject((event as CustomEvent).detail), {
        once: true,
      }),
    );
    await Promise.race([server.start(), failed]);
    await chmod(socket, 0o600);
  } catch (err) {
    logger.warn(
      { err, socket },
      'database socket unavailable: operator commands need the server stopped',
    );
    return { close: async () => undefined };
  }
  return {
    async close() {
      await server.stop();
      await rm(socket, { force: true });
    },
  };
}
