import type { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';

/**
 * Calls `onNotify` with the payload of every NOTIFY of `channel` (committed by any process), and
 * with `undefined` whenever notifications may have been missed (a reconnection): then the
 * listener must assume anything may have happened. Resolves once registered; returns the way to
 * stop.
 */
export type Listen = (
  channel: string,
  onNotify: (payload: string | undefined) => void,
) => Promise<() => Promise<void>>;
type Listener = Parameters<Listen>[1];

export const noListening: Listen = async () => async () => undefined;

/**
 * PGlite: its one connection carries the LISTEN (sent through Kysely's queue, so that it never
 * lands inside another request's transaction) and reports notifications after each statement.
 */
export function listenOnPglite(pglite: PGlite, db: Kysely<DB>): Listen {
  return async (channel, onNotify) => {
    const off = pglite.onNotification((name, payload) => {
      if (name === channel) onNotify(payload);
    });
    await sql`listen ${sql.id(channel)}`.execute(db);
    return async () => {
      off();
      await sql`unlisten ${sql.id(channel)}`.execute(db).catch(() => undefined);
    };
  };
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 30_000;

/**
 * PostgreSQL: one dedicated connection per process (outside the pool: a pooled connection would
 * lose its LISTEN when recycled). It connects in the background and reconnects with backoff;
 * after each (re)connection every listener is called once, for what it may have missed.
 */
export function listenOnPostgres(url: string, connectionTimeoutMs: number, logger?: Logger) {
  const channels = new Map<string, Set<Listener>>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let retryMs = RETRY_MIN_MS;
  let closed = false;

  const callAll = () => {
    for (const callbacks of channels.values())
      for (const callback of callbacks) callback(undefined);
  };

  function lost(c: pg.Client, error?: Error) {
    if (client !== c) return;
    client = undefined;
    c.end().catch(() => undefined);
    if (closed) return;
    logger?.warn({ err: error }, 'LISTEN connection lost; reconnecting');
    schedule();
  }

  function schedule() {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }

  function connect(): Promise<void> {
    connecting ??= (async () => {
      const c = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: connectionTimeoutMs,
        application_name: 'taskflow-listen',
      });
      c.on('notification', (message) => {
        for (const callback of channels.get(message.channel) ?? []) callback(message.payload);
      });
      c.on('error', (error) => lost(c, error));
      c.on('end', () => lost(c));
      try {
        await c.connect();
        for (const channel of channels.keys())
          await c.query(`listen ${c.escapeIdentifier(channel)}`);
        if (closed) {
          await c.end();
          return;
        }
        client = c;
        retryMs = RETRY_MIN_MS;
        callAll();
      } catch (error) {
        c.end().catch(() => undefined);
        logger?.warn({ err: error }, 'LISTEN connection failed; retrying');
        schedule();
      }
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  const listen: Listen = async (channel, onNotify) => {
    let callbacks = channels.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      channels.set(channel, callbacks);
      if (client) await client.query(`listen ${client.escapeIdentifier(channel)}`);
    }
    callbacks.add(onNotify);
    if (!client && !connecting && !timer) await connect();
    return async () => {
      callbacks.delete(onNotify);
    };
  };

  return {
    listen,
    async close() {
      closed = true;
      clearTimeout(timer);
      await connecting;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
