/**
 * Hits and misses of the process's caches, by cache name: counted here, where any cache can
 * reach, and exposed by the metrics endpoint (`taskflow_cache_requests_total`).
 */
const counts = new Map<string, { hits: number; misses: number }>();

function entry(name: string) {
  let found = counts.get(name);
  if (!found) {
    found = { hits: 0, misses: 0 };
    counts.set(name, found);
  }
  return found;
}

export const cacheCounts = {
  hit: (name: string) => {
    entry(name).hits++;
  },
  miss: (name: string) => {
    entry(name).misses++;
  },
  snapshot: () => [...counts].map(([name, c]) => ({ name, ...c })),
};
