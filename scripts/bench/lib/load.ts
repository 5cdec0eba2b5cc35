/**
 * The load generator: autocannon's programmatic API, run in the bench process. Returns the
 * figures the report needs; a warm-up run is made first and discarded.
 */
import { createRequire } from 'node:module';

/** The part of autocannon 8's API used here (it ships no types). */
type AutocannonOptions = {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
};
type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export type LoadOptions = {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds of warm-up, whose figures are discarded. */
  warmupSeconds: number;
  /** Seconds of the measured run. */
  durationSeconds: number;
};

export type LoadFigures = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  totalRequests: number;
  non2xx: number;
  /** Socket errors and timeouts: requests that got no response at all. */
  errors: number;
  /** Responses per status code, e.g. `{ '200': 120000 }`. */
  statusCodes: Record<string, number>;
};

function figures(result: AutocannonResult): LoadFigures {
  const codes = Object.entries(result.statusCodeStats);
  const statusCodes = Object.fromEntries(codes.map(([code, stats]) => [code, stats.count]));
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

/** Warms the server up, then measures it; never more than one load at a time. */
export async function measure(options: LoadOptions): Promise<LoadFigures> {
  const { url, connections, method = 'GET', body, headers = {} } = options;
  const request = { url, connections, method, headers, ...(body === undefined ? {} : { body }) };
  if (options.warmupSeconds > 0) {
    await autocannon({ ...request, duration: options.warmupSeconds });
  }
  return figures(await autocannon({ ...request, duration: options.durationSeconds }));
}

/** The round with the median throughput stands for all; the failures of every round count. */
export function medianRound<F extends LoadFigures>(rounds: F[]): F | undefined {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) return undefined;
  const sum = (pick: (f: F) => number) => rounds.reduce((n, f) => n + pick(f), 0);
  return { ...median, non2xx: sum((f) => f.non2xx), errors: sum((f) => f.errors) };
}
