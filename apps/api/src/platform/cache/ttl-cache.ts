import { cacheCounts } from '../metrics/cache-counts.ts';

/**
 * A bounded map whose entries expire: the hot-path caches of authentication (verified tokens,
 * profiles) use it so a request costs map lookups instead of cryptography or queries.
 */
export function createTtlCache<V>({
  maxEntries = 50_000,
  name,
}: {
  maxEntries?: number;
  /** Counted in the metrics under this name. */
  name?: string;
} = {}) {
  const entries = new Map<string, { value: V; until: number }>();
  const miss = () => {
    if (name) cacheCounts.miss(name);
    return undefined;
  };
  return {
    get(key: string): V | undefined {
      const hit = entries.get(key);
      if (!hit) return miss();
      if (hit.until > Date.now()) {
        if (name) cacheCounts.hit(name);
        return hit.value;
      }
      entries.delete(key);
      return miss();
    },
    set(key: string, value: V, until: number) {
      entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { value, until });
    },
    delete(key: string) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}

export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
