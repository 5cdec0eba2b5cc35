import type { Middleware } from 'openapi-fetch';
import { ApiError } from './api-error.ts';

/** Sign-in, refresh, sign-out…: authenticated by cookie or not at all, never by bearer token. */
const AUTH_PATH_PREFIX = '/api/v1/auth/';

interface AuthMiddlewareOptions {
  /** The access token held in memory, or null when signed out. */
  getAccessToken(): string | null;
  /**
   * Gets a new access token; resolves false when there is no session left. Concurrent callers
   * must share one refresh: the refresh cookie rotates, so two refreshes with it would collide.
   */
  refresh(): Promise<boolean>;
}

const bearer = (token: string) => `Bearer ${token}`;

/**
 * Adds the bearer token and, when the API answers 401, refreshes once and sends the request
 * again once. The auth endpoints themselves are never retried, so a failing refresh cannot loop.
 */
export function createAuthMiddleware({ getAccessToken, refresh }: AuthMiddlewareOptions) {
  // fetch consumes the body, so a copy of each request is kept for a possible retry.
  const copies = new WeakMap<Request, { copy: Request; token: string }>();

  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      if (schemaPath.startsWith(AUTH_PATH_PREFIX)) return undefined;
      const token = getAccessToken();
      if (!token) return undefined;
      request.headers.set('Authorization', bearer(token));
      copies.set(request, { copy: request.clone(), token });
      return request;
    },

    async onResponse({ request, response }) {
      const sent = copies.get(request);
      copies.delete(request);
      if (response.status !== 401 || !sent) return undefined;

      // Another request may have refreshed while this one was in flight: then just resend.
      const current = getAccessToken();
      const fresh = current !== null && current !== sent.token;
      if (!fresh && !(await refresh().catch(() => false))) return undefined;

      const token = getAccessToken();
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
