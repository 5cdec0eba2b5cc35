import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { Config } from '../../config.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

/** The security headers helmet would set, computed once: none of them varies per request. */
function securityHeaders(https: boolean, fileOrigins: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Attached files may be served from a storage bucket (previews, thumbnails, uploads).
        imgSrc: ["'self'", 'data:', ...fileOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...fileOrigins],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  middleware({} as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Security headers and the request id on every response, in one hook. Running helmet per
 * request cost over a third of the throughput of a small route (docs/benchmarks.md).
 */
export const responseHeaders = fp(
  async (
    app: FastifyInstance,
    { http, fileOrigins = [] }: { http: Config['http']; fileOrigins?: string[] },
  ) => {
    const headers = securityHeaders(http.https, fileOrigins);
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers);
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  },
  { name: 'response-headers' },
);
