import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const SWEEP_MS = 100;

/**
 * Closing the server waits for every connection to end, but Node closes only those that are
 * idle after a request: a connection opened and never used (a browser's preconnect, a client's
 * spare) would hold a shutdown until its headers timeout. While closing, such connections and
 * the idle ones are closed every 100 ms; a connection carrying a request is left to finish.
 */
export const connectionDraining = fp(
  async (app: FastifyInstance) => {
    const unused = new Set<Socket>();
    app.server.on('connection', (socket: Socket) => {
      unused.add(socket);
      socket.once('close', () => unused.delete(socket));
    });
    app.server.on('request', (request) => unused.delete(request.socket));

    let sweep: NodeJS.Timeout | undefined;
    const closeWaiting = () => {
      for (const socket of unused) socket.destroy();
      app.server.closeIdleConnections();
    };
    app.addHook('preClose', async () => {
      closeWaiting();
      sweep = setInterval(closeWaiting, SWEEP_MS);
      sweep.unref();
    });
    app.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'connection-draining' },
);
