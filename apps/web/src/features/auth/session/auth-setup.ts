import { createAuthMiddleware } from '../../../api/auth-middleware.ts';
import { api } from '../../../api/client.ts';
import { ensureSessionLoaded, refreshSession } from './refresh-session.ts';
import { sessionStore } from './session-store.ts';

let installed = false;

/** Adds the bearer token and the refresh-once-on-401 to every call of the typed client. */
export function installAuthMiddleware(): void {
  if (installed) return;
  installed = true;
  api.use(
    createAuthMiddleware({ getAccessToken: sessionStore.getAccessToken, refresh: refreshSession }),
  );
}

/** What route guards need, handed to the router as context. */
export const routerAuth = {
  ensureLoaded: ensureSessionLoaded,
  isSignedIn: () => sessionStore.getSnapshot().status === 'signed-in',
};

export type RouterAuth = typeof routerAuth;
