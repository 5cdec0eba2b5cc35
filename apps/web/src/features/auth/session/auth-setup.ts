import { provideTokenSource } from '../../../api/access-token.ts';
import { createAuthMiddleware } from '../../../api/auth-middleware.ts';
import { api } from '../../../api/client.ts';
import { ensureSessionLoaded, refreshSession } from './refresh-session.ts';
import { sessionStore } from './session-store.ts';

let installed = false;

/**
 * Adds the bearer token and the refresh-once-on-401 to every call of the typed client, and lends
 * the same token and refresh to uploads, which go through XMLHttpRequest.
 */
export function installAuthMiddleware(): void {
  if (installed) return;
  installed = true;
  const source = { getAccessToken: sessionStore.getAccessToken, refresh: refreshSession };
  api.use(createAuthMiddleware(source));
  provideTokenSource(source);
}

/** What route guards need, handed to the router as context. */
export const routerAuth = {
  ensureLoaded: ensureSessionLoaded,
  isSignedIn: () => sessionStore.getSnapshot().status === 'signed-in',
};

export type RouterAuth = typeof routerAuth;
