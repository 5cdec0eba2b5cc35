import { createTtlCache } from './ttl-cache.ts';

/**
 * A key-value cache every API instance sees alike: in this process in embedded mode, Redis in
 * cluster mode (`redis-cache.ts`). Values are strings; counters only grow.
 */
export interface SharedCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Adds one to a counter (0 when absent) and returns the new value. */
  increment(key: string): Promise<number>;
  /** The counter's value, 0 when absent. */
  counter(key: string): Promise<number>;
  close?(): Promise<void>;
}

export function createMemoryCache({ maxEntries = 50_000 } = {}): SharedCache {
  const values = createTtlCache<string>({ maxEntries });
  const counters = new Map<string, number>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value, ttlMs) => values.set(key, value, Date.now() + ttlMs),
    increment: async (key) => {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    counter: async (key) => counters.get(key) ?? 0,
  };
}

/**
 * Cached values that writes invalidate. Every scope (a workspace, say) has a generation; a write
 * bumps it, and values are stored under the generation they were computed in. A value computed
 * from data read before a write is thus never served after it, even if it is stored later.
 */
export function createVersionedCache(cache: SharedCache, prefix: string, ttlMs: number) {
  const generationKey = (scope: string) => `${prefix}:gen:${scope}`;
  return {
    async getOrCompute<T>(scope: string, variant: string, compute: () => Promise<T>): Promise<T> {
      const generation = await cache.counter(generationKey(scope));
      const key = `${prefix}:${scope}:${generation}:${variant}`;
      const hit = await cache.get(key);
      if (hit !== undefined) return JSON.parse(hit) as T;
      const value = await compute();
      await cache.set(key, JSON.stringify(value), ttlMs);
      return value;
    },
    async invalidate(scope: string): Promise<void> {
      await cache.increment(generationKey(scope));
    },
  };
}

export type VersionedCache = ReturnType<typeof createVersionedCache>;
