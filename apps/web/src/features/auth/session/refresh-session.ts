import { ApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { csrfHeaders } from '../../../api/csrf.ts';
import { sessionStore } from './session-store.ts';

const LOCK_NAME = 'taskflow-refresh';

let inFlight: Promise<boolean> | null = null;
let initialLoad: Promise<void> | null = null;
let answered = false;

async function requestRefresh(): Promise<boolean> {
  const { data, error, response } = await api.POST('/api/v1/auth/refresh', {
    params: { header: csrfHeaders },
  });
  if (data) {
    sessionStore.signedIn(data);
    return true;
  }
  // 204: no refresh cookie at all (never signed in, or signed out here): simply signed out.
  if (response.status === 204) {
    sessionStore.signedOut();
    return false;
  }
  // 4xx: no live session (expired, revoked, never signed in). 5xx and network: unknown, so throw.
  if (response.status >= 400 && response.status < 500) {
    // A tab that was signed in lost its session elsewhere (revoked, expired): sign-in says so.
    sessionStore.signedOut({ ended: sessionStore.getSnapshot().status === 'signed-in' });
    return false;
  }
  throw ApiError.fromResponse(response, error);
}

/**
 * Tabs share the refresh cookie, and the server revokes a session whose old refresh token is
 * presented again after its short retry window: a Web Lock makes tabs refresh one after the
 * other, each with the newest cookie, so none depends on that window.
 */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  // The lock is held until the task settles; request() resolves with the task's result.
  return await locks.request(LOCK_NAME, task);
}

/** Buys a new access token with the refresh cookie; every caller meanwhile shares one request. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= withRefreshLock(requestRefresh).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * The silent refresh on app load, done once it has an answer. When the server cannot be reached
 * the user shows as signed out and the error is thrown, so that a protected route can offer
 * Retry, which asks again.
 */
export function ensureSessionLoaded(): Promise<void> {
  if (answered || sessionStore.getSnapshot().status === 'signed-in') return Promise.resolve();
  initialLoad ??= refreshSession().then(
    () => {
      answered = true;
    },
    (error: unknown) => {
      initialLoad = null;
      sessionStore.signedOut();
      throw error;
    },
  );
  return initialLoad;
}
