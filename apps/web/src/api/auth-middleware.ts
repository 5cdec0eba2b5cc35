import type { Middleware } from 'openapi-fetch';
import { bearer, type TokenSource, tokenAfterRefusal } from './access-token.ts';
import { ApiError } from './api-error.ts';

/** Sign-in, refresh, sign-out…: authenticated by cookie or not at all, never by bearer token. */
const AUTH_PATH_PREFIX = '/api/v1/auth/';

/**
 * Adds the bearer token and, when the API answers 401, refreshes once and sends the request
 * again once. The auth endpoints themselves are never retried, so a failing refresh cannot loop.
 */
export function createAuthMiddleware(source: TokenSource) {
  // fetch consumes the body, so a copy of each request is kept for a possible retry.
  const copies = new WeakMap<Request, { copy: Request; token: string }>();

  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      if (schemaPath.startsWith(AUTH_PATH_PREFIX)) return undefined;
      const token = source.getAccessToken();
      if (!token) return undefined;
      request.headers.set('Authorization', bearer(token));
      copies.set(request, { copy: request.clone(), token });
      return request;
    },

    async onResponse({ request, response }) {
      const sent = copies.get(request);
      copies.delete(request);
      if (response.status !== 401 || !sent) return undefined;

      const token = await tokenAfterRefusal(sent.token, source);
      if (!token) return undefined;
      sent.copy.headers.set('Authorization', bearer(token));
      try {
        return await globalThis.fetch(sent.copy);
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw error;
        throw ApiError.network(sent.copy, error);
      }
    },
  };
  return middleware;
}
