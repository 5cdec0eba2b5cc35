import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Request bodies: JSON only. An empty JSON body is no body — a client library may label a DELETE
 * or a body-less POST `application/json` — so the route's schema decides: fine where the body is
 * absent or optional, a validation error where it is required. Fastify's `text/plain` parser is
 * removed, so plain text gets 415 like every other type that is not JSON (multipart uploads have
 * their own parser, on their own routes).
 */
export const bodyParsers = fp(
  async (app: FastifyInstance) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (body === '') done(null, undefined);
      else parseJson(request, body as string, done);
    });
  },
  { name: 'body-parsers' },
);
