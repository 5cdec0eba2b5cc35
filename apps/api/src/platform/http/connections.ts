import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const SWEEP_MS = 100;

declare module 'fastify' {
  interface FastifyInstance {
    /** True once shutdown has begun: `/ready` fails and connections close after each response. */
    readonly draining: boolean;
    /** The first step of a graceful shutdown (`server.ts`): still serving, but leaving. */
    startDraining(): void;
  }
}

type Options = {
  /**
   * Once the server closes, how long a request still being received (a slow or stalled upload)
   * may go on before its connection is cut. Its client gets no answer and may retry.
   */
  receivingGraceMs: number;
};

/**
 * Connections during a graceful shutdown.
 *
 * While draining (before the server stops accepting), every response says `Connection: close`,
 * so keep-alive clients and balancers open their next connection elsewhere rather than have it
 * cut under them later.
 *
 * Once closing, Node closes only connections that are idle after a request: a connection opened
 * and never used (a browser's preconnect, a client's spare) would hold the shutdown until its
 * headers timeout. Such connections and the idle ones are closed every 100 ms. A connection
 * carrying a request whose body is complete is left to finish; one still receiving its request
 * after `receivingGraceMs` is cut, so a stalled client cannot hold the process.
 */
export const connectionDraining = fp(
  async (app: FastifyInstance, { receivingGraceMs }: Options) => {
    let draining = false;
    app.decorate('draining', {
      getter: () => draining,
    });
    app.decorate('startDraining', () => {
      draining = true;
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (draining) reply.header('connection', 'close');
      done(null, payload);
    });

    const unused = new Set<Socket>();
    /** Each connection's latest request: `complete` once its whole body has arrived. */
    const latest = new Map<Socket, IncomingMessage>();
    app.server.on('connection', (socket: Socket) => {
      unused.add(socket);
      socket.once('close', () => {
        unused.delete(socket);
        latest.delete(socket);
      });
    });
    app.server.on('request', (request: IncomingMessage) => {
      unused.delete(request.socket);
      latest.set(request.socket, request);
    });

    let sweep: NodeJS.Timeout | undefined;
    let cut: NodeJS.Timeout | undefined;
    const closeWaiting = () => {
      for (const socket of unused) socket.destroy();
      app.server.closeIdleConnections();
    };
    app.addHook('preClose', async () => {
      draining = true;
      closeWaiting();
      sweep = setInterval(closeWaiting, SWEEP_MS);
      sweep.unref();
      cut = setTimeout(() => {
        for (const [socket, request] of latest) if (!request.complete) socket.destroy();
      }, receivingGraceMs);
      cut.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
  },
  { name: 'connection-draining' },
);
