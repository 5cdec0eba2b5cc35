import { EventsHeaders, EventsQuery, type ProblemDetails, StreamMessage } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { drainedOrClosed } from '../../platform/http/drain.ts';
import { bearer, withProblems } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/index.ts';
import type { Subscriber } from './event-bus.ts';
import type { EventStreams, StreamOutput } from './events.service.ts';
import { heartbeatFrame, retryFrame } from './sse.ts';

/** An open stream, as the module keeps it: for heartbeats, expiry and shutdown. */
export type OpenStream = {
  sub?: Subscriber;
  sessionId: string;
  /** When the access token that opened it expires (ms); the stream ends then. */
  expiresAt: number;
  /** When its next heartbeat is due (ms): each stream beats on its own schedule, not all at once. */
  nextBeatAt: number;
  out: StreamOutput;
  /** Ends the stream; with `retryMs`, tells the client when to reconnect first. */
  end(retryMs?: number): void;
};

type Options = {
  streams: EventStreams;
  guards: Guards;
  open: Set<OpenStream>;
  /** The reconnection delay announced to clients. */
  retryMs: number;
  /** A client further behind than this is dropped; it reconnects and replays. */
  maxBufferBytes: number;
  heartbeatMs: number;
};

const description = `A Server-Sent Events stream of the caller’s workspaces and notifications.

Every message has \`id:\` (its outbox id), \`event:\` (its type) and \`data:\` (its JSON, one of the schemas below). The first message is \`ready\`, after a replay of the events after \`Last-Event-ID\` (header, or \`lastEventId\` on a first connection) in order, each once. If those events cannot be replayed (pruned after the retention window, or too many), the first message is \`reset\` instead: refetch, then carry on. Comment lines keep idle streams open; \`retry:\` says when to reconnect. The stream ends when the access token expires or the server shuts down: reconnect with \`Last-Event-ID\` and a fresh token to lose nothing.`;

/** `GET /api/v1/events`: the live stream. */
export async function eventsRoutes(instance: FastifyInstance, options: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { streams, guards, open } = options;

  app.get(
    '/api/v1/events',
    {
      preHandler: guards.authenticated,
      schema: {
        operationId: 'streamEvents',
        summary: 'Live updates: the events of the caller’s workspaces, with replay',
        description,
        tags: ['events'],
        security: bearer,
        querystring: EventsQuery,
        headers: EventsHeaders,
        response: {
          ...withProblems({}, [401, 503]),
          200: {
            description: 'The stream (`text/event-stream`)',
            content: { 'text/event-stream': { schema: StreamMessage } },
          },
        } as unknown as Record<number, typeof ProblemDetails>,
      },
    },
    async (request, reply) => {
      const claims = request.auth;
      if (!claims) return;
      streams.admit(claims.sub);
      const lastEventId = request.headers['last-event-id'] ?? request.query.lastEventId;

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies (nginx) must pass each message on at once.
        'x-accel-buffering': 'no',
      });
      res.write(retryFrame(options.retryMs));

      let ended = false;
      const out: StreamOutput = {
        write(frame) {
          if (ended || res.destroyed) return false;
          res.write(frame);
          return res.writableLength <= options.maxBufferBytes;
        },
        backlogged: () => res.writableNeedDrain,
        async drained() {
          if (ended || res.destroyed) return false;
          if (!res.writableNeedDrain) return true;
          await drainedOrClosed(res);
          return !ended && !res.destroyed;
        },
      };
      const stream: OpenStream = {
        sessionId: claims.sid,
        expiresAt: (claims.exp ?? Number.POSITIVE_INFINITY) * 1000,
        nextBeatAt: Date.now() + options.heartbeatMs,
        out,
        end(retryMs) {
          if (ended) return;
          if (retryMs !== undefined && !res.destroyed) res.write(retryFrame(retryMs));
          ended = true;
          res.end();
        },
      };
      open.add(stream);
      res.once('close', () => {
        ended = true;
        open.delete(stream);
        if (stream.sub) streams.close(stream.sub);
      });
      try {
        stream.sub = await streams.open(claims.sub, lastEventId, out);
        if (ended && stream.sub) streams.close(stream.sub);
        if (!stream.sub) stream.end();
      } catch (err) {
        request.log.error({ err }, 'opening the event stream failed');
        stream.end(options.retryMs);
      }
    },
  );
}

/**
 * Keeps idle streams open through proxies, and ends those whose session or token has ended.
 * Called often (every second); each stream is visited when its own heartbeat is due, so that
 * thousands of streams do not all beat at the same instant (and delay an event behind them).
 */
export function sweepStreams(
  open: Set<OpenStream>,
  isLive: (sessionId: string) => Promise<boolean>,
  heartbeatMs: number,
  now = Date.now(),
) {
  for (const stream of open) {
    if (now >= stream.expiresAt) {
      stream.end(0);
      continue;
    }
    if (now < stream.nextBeatAt) continue;
    stream.nextBeatAt = now + heartbeatMs;
    if (!stream.out.write(heartbeatFrame)) {
      stream.end();
      continue;
    }
    isLive(stream.sessionId).then(
      (live) => live || stream.end(),
      () => undefined,
    );
  }
}
