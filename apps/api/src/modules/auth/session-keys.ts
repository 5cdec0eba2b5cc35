/**
 * A personal access token's key in the session cache: a revoked token is revoked there like a
 * session, so the guard, the cluster's announcements and the event streams treat both alike.
 */
export const tokenSessionKey = (id: string) => `token:${id}`;
const TOKEN_KEY = /^token:(.+)$/;

/** Session liveness extended to tokens' keys in the session cache. */
export const sessionOrTokenLive =
  (session: (id: string) => Promise<boolean>, token: (id: string) => Promise<boolean>) =>
  (key: string) => {
    const id = TOKEN_KEY.exec(key)?.[1];
    return id === undefined ? session(key) : token(id);
  };
