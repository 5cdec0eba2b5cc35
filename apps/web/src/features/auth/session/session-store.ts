import type { components } from '@taskflow/contract/openapi';

export type User = components['schemas']['User'];
export type AuthSession = components['schemas']['AuthSession'];

/** What the UI may know: never the token itself. */
export type SessionSnapshot =
  | { status: 'loading'; user: null }
  | { status: 'signed-out'; user: null }
  | { status: 'signed-in'; user: User };

/*
 * The access token lives only in this module's memory: never in storage or a readable cookie,
 * where injected script could read it. A reload starts signed out until the refresh cookie
 * (httpOnly, out of script's reach) buys a new token.
 */
let accessToken: string | null = null;
let snapshot: SessionSnapshot = { status: 'loading', user: null };
/** Whether the last session ended without this tab signing out (revoked elsewhere, expired). */
let endedElsewhere = false;
const listeners = new Set<() => void>();

function publish(next: SessionSnapshot) {
  snapshot = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getSnapshot: (): SessionSnapshot => snapshot,
  getAccessToken: (): string | null => accessToken,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** True once a session this tab held has ended without it signing out; false after sign-in. */
  endedElsewhere: (): boolean => endedElsewhere,

  signedIn(session: AuthSession): void {
    endedElsewhere = false;
    accessToken = session.accessToken;
    publish({ status: 'signed-in', user: session.user });
  },

  signedOut({ ended = false }: { ended?: boolean } = {}): void {
    endedElsewhere = ended;
    accessToken = null;
    if (snapshot.status !== 'signed-out') publish({ status: 'signed-out', user: null });
  },

  userUpdated(user: User): void {
    if (snapshot.status === 'signed-in') publish({ status: 'signed-in', user });
  },
};
