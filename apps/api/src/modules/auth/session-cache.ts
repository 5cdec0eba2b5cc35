import { createTtlCache } from '../../platform/cache/ttl-cache.ts';

/**
 * Remembers, per session id, whether the session is live, so the auth hook does not read the
 * database on every request. A revocation made by this process takes effect at once; one made
 * by another instance is seen when the entry expires (`ttlMs`).
 */
export function createSessionCache(
  isLive: (sessionId: string) => Promise<boolean>,
  { ttlMs = 30_000, maxEntries = 50_000 } = {},
) {
  const entries = createTtlCache<boolean>({ maxEntries, name: 'sessions' });

  return {
    async isLive(sessionId: string): Promise<boolean> {
      const hit = entries.get(sessionId);
      if (hit !== undefined) return hit;
      const live = await isLive(sessionId);
      // A revocation that happened while the database answered wins over the answer.
      if (entries.get(sessionId) === false) return false;
      entries.set(sessionId, live, Date.now() + ttlMs);
      return live;
    },
    /** Called on revocation: this session is dead from now on. */
    revoke(sessionId: string) {
      entries.set(sessionId, false, Number.POSITIVE_INFINITY);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
