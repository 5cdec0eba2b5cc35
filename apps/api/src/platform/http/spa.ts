import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './problem.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NEVER = 'no-store';
/** What a browser or crawler asks for by file name; a client route never ends so. */
const fileExtension =
  /\.(?:ico|png|jpe?g|gif|svg|webp|txt|xml|json|webmanifest|m?js|css|map|woff2?)$/i;

/**
 * Serves the built web app: hashed assets are cached for a year, index.html never, and any GET
 * outside /api that does not name a file falls back to index.html so client routes survive a
 * reload; a path with a file extension the build does not have answers 404.
 * Without a build (tests, API-only deployments) unknown routes simply answer 404 problem+json.
 */
export const spa = fp(
  async (app: FastifyInstance, opts: { distDir: string }) => {
    const hasBuild = existsSync(path.join(opts.distDir, 'index.html'));
    if (hasBuild) {
      await app.register(fastifyStatic, {
        root: opts.distDir,
        index: false,
        wildcard: true,
        setHeaders: (reply, filePath) => {
          const inAssets = filePath.startsWith(path.join(opts.distDir, 'assets') + path.sep);
          reply.header('cache-control', inAssets ? IMMUTABLE : NEVER);
        },
      });
    }
    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', NEVER).sendFile('index.html', opts.distDir);

    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      hasBuild ? sendIndex(reply) : reply.callNotFound(),
    );

    app.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      const isApi = url === '/api' || url.startsWith('/api/');
      // A file the build does not have (`/favicon.ico`, `/assets/…`) is missing, not a page.
      const isFile = url.startsWith('/assets/') || fileExtension.test(url);
      const wantsPage = request.method === 'GET' || request.method === 'HEAD';
      if (hasBuild && wantsPage && !isApi && !isFile) return sendIndex(reply);
      return sendProblem(request, reply, 'ROUTE_NOT_FOUND', {
        detail: `No route for ${request.method} ${url}`,
      });
    });
  },
  { name: 'spa' },
);
