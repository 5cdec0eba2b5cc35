import { createTtlCache } from '../../platform/cache/ttl-cache.ts';

/**
 * Remembers, per session id, whether the session is live, so the auth hook does not read the
 * database on every request. Every revocation, made by any instance, is told to every instance
 * at once (`revocations.ts`); `ttlMs` only bounds how long a missed one could go unseen.
 */
export function createSessionCache(
  isLive: (sessionId: string) => Promise<boolean>,
  { ttlMs = 30_000, maxEntries = 50_000 } = {},
) {
  const entries = createTtlCache<boolean>({ maxEntries, name: 'sessions' });
  const revoked = new Set<(sessionId: string) => void>();

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
      for (const listener of revoked) listener(sessionId);
    },
    /** Calls `listener` on every revocation (event streams of the session end at once). */
    onRevoke(listener: (sessionId: string) => void) {
      revoked.add(listener);
      return () => revoked.delete(listener);
    },
    /** Revocations may have been missed: ask the database again for every session. */
    forgetAll() {
      entries.clear();
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
