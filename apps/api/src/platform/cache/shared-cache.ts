import { cacheCounts } from '../metrics/cache-counts.ts';
import { createTtlCache } from './ttl-cache.ts';

/**
 * A key-value cache every API instance sees alike: in this process in embedded mode, Redis in
 * cluster mode (`redis-cache.ts`). Values are strings; counters only grow.
 */
export interface SharedCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Adds one to a counter (0 when absent), keeps it `ttlMs` from now, returns the new value. */
  increment(key: string, ttlMs: number): Promise<number>;
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
  // A generation outlives every value stored under it by far; then it may start again at 0.
  const generationTtlMs = Math.max(ttlMs * 10, 86_400_000);
  /**
   * Scopes written while the cache could not be told: bypassed here until the cache is reachable
   * again and their generation bumped, so values stored before the outage are never served after
   * a write made during it.
   */
  const missed = new Set<string>();
  const bump = (scope: string) => cache.increment(generationKey(scope), generationTtlMs);
  async function catchUp() {
    for (const scope of missed) {
      await bump(scope);
      missed.delete(scope);
    }
  }

  return {
    /** The cached value, or a fresh one; a cache that fails is bypassed, never a failure. */
    async getOrCompute<T>(scope: string, variant: string, compute: () => Promise<T>): Promise<T> {
      let key: string;
      try {
        if (missed.size > 0) await catchUp();
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
     * After a write. If the cache cannot be reached the write still stands, and this process
     * bumps the scope's generation once it can.
     */
    async invalidate(scope: string): Promise<void> {
      await bump(scope).catch((error) => {
        missed.add(scope);
        onError(error);
      });
    },
  };
}

export type VersionedCache = ReturnType<typeof createVersionedCache>;
