import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Guards, SessionCache } from '../auth/index.ts';
import { createEventBus, type EventBus } from './event-bus.ts';
import { createEventsRepository } from './events.repository.ts';
import { eventsRoutes, type OpenStream, sweepStreams } from './events.routes.ts';
import { createEventStreams } from './events.service.ts';
import { stampCommitted } from './outbox.ts';

const EVENTS_CHANNEL = 'taskflow_events';
/** How often streams are looked at for their heartbeat, expiry and session. */
const SWEEP_MS = 1_000;

type Deps = {
  database: Database;
  guards: Guards;
  sessions: SessionCache;
  logger: Logger;
  settings: Config['events'];
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's fan-out of outbox events (tests and the bench read its size). */
    eventBus: EventBus;
  }
}

/**
 * Live updates: the outbox read once per wake-up and fanned out to this process's streams.
 * NOTIFY (sent by the trigger on `events` when a stamp commits, decision 0036) is the wake-up in
 * both modes; a slow poll stamps what a writer left and covers a notification lost with a dropped
 * connection. Old events are pruned by a job
 * (`maintenance.prune-events`). Streams end with a retry hint on
 * shutdown, so clients reconnect to another instance and replay what they missed.
 */
export const eventsModule = fp(
  async (app: FastifyInstance, deps: Deps) => {
    const { settings, logger } = deps;
    const repo = createEventsRepository(deps.database.db);
    const bus = createEventBus({ repo, logger });
    const stamp = () => stampCommitted(deps.database.db);
    const streams = createEventStreams({
      repo,
      bus,
      maxStreamsPerUser: settings.maxStreamsPerUser,
      stamp,
    });
    /**
     * The poll: events whose writer stopped between its commit and its stamp (a crash, a lost
     * connection) are numbered here, then read.
     */
    const poll = async () => {
      try {
        if (await repo.unstamped()) await stamp();
      } catch (err) {
        logger.warn({ err }, 'stamping the event outbox failed; the next poll retries');
      }
      await bus.wake();
    };
    const open = new Set<OpenStream>();
    app.decorate('eventBus', bus);

    await app.register(eventsRoutes, {
      streams,
      guards: deps.guards,
      open,
      retryMs: settings.retryMs,
      maxBufferBytes: settings.maxBufferBytes,
      heartbeatMs: settings.heartbeatMs,
    });

    // A revoked session's streams end now, not at their next heartbeat's session check.
    const offRevoke = deps.sessions.onRevoke((sessionId) => {
      for (const stream of open) if (stream.sessionId === sessionId) stream.end();
    });
    app.addHook('onClose', async () => offRevoke());

    let unlisten: (() => Promise<void>) | undefined;
    const timers: NodeJS.Timeout[] = [];
    app.addHook('onReady', async () => {
      unlisten = await deps.database.listen(EVENTS_CHANNEL, () => void bus.wake());
      await poll();
      if (!(await bus.start())) logger.warn('event outbox unreachable; live updates wait for it');
      timers.push(
        setInterval(() => void poll(), settings.pollMs),
        setInterval(
          () => sweepStreams(open, deps.sessions.isLive, settings.heartbeatMs),
          Math.min(SWEEP_MS, settings.heartbeatMs),
        ),
      );
      for (const timer of timers) timer.unref();
    });

    // Before the server stops accepting: streams never end on their own, and would hold it.
    app.addHook('preClose', async () => {
      for (const stream of open)
        stream.end(settings.retryMs / 2 + Math.random() * settings.retryMs);
    });
    app.addHook('onClose', async () => {
      for (const timer of timers) clearInterval(timer);
      await unlisten?.();
    });
  },
  { name: 'events' },
);
