import { cacheCounts } from '../metrics/cache-counts.ts';
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
export function createVersionedCache(
  cache: SharedCache,
  prefix: string,
  ttlMs: number,
  onError: (error: unknown) => void = () => undefined,
) {
  const generationKey = (scope: string) => `${prefix}:gen:${scope}`;
  return {
    /** The cached value, or a fresh one; a cache that fails is bypassed, never a failure. */
    async getOrCompute<T>(scope: string, variant: string, compute: () => Promise<T>): Promise<T> {
      let key: string;
      try {
        const generation = await cache.counter(generationKey(scope));
        key = `${prefix}:${scope}:${generation}:${variant}`;
        const hit = await cache.get(key);
        if (hit !== undefined) {
          cacheCounts.hit(prefix);
          return JSON.parse(hit) as T;
        }
        cacheCounts.miss(prefix);
      } catch (error) {
        onError(error);
        return compute();
      }
      const value = await compute();
      await cache.set(key, JSON.stringify(value), ttlMs).catch(onError);
      return value;
    },
    /**
     * After a write. If the cache cannot be reached the write still stands; values stored before
     * expire within `ttlMs`.
     */
    async invalidate(scope: string): Promise<void> {
      await cache.increment(generationKey(scope)).catch(onError);
    },
  };
}

export type VersionedCache = ReturnType<typeof createVersionedCache>;
