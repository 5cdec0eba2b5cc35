import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { cacheCounts } from './cache-counts.ts';

/**
 * The process's Prometheus metrics. One registry per process (as a process is what Prometheus
 * scrapes); the gauges read their values when scraped, from whatever the process registers.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'taskflow_' });

export const httpRequests = new Counter({
  name: 'taskflow_http_requests_total',
  help: 'HTTP requests answered, by route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'taskflow_http_request_duration_seconds',
  help: 'Time to answer HTTP requests, by route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const jobRuns = new Counter({
  name: 'taskflow_jobs_total',
  help: 'Job attempts run in this process, by type and outcome',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'taskflow_job_duration_seconds',
  help: 'Time job attempts took, by type and outcome',
  labelNames: ['type', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [registry],
});

type Sources = {
  sseConnections?: () => number;
  pool?: () => { total: number; idle: number; waiting: number } | null;
};
const sources: Sources = {};

/** Lets the gauges read the live figures of this process (streams, database pool). */
export function registerSources(next: Sources) {
  Object.assign(sources, next);
}

new Gauge({
  name: 'taskflow_sse_connections',
  help: 'Open live-update streams',
  registers: [registry],
  collect() {
    this.set(sources.sseConnections?.() ?? 0);
  },
});

new Gauge({
  name: 'taskflow_db_pool_connections',
  help: 'Database pool connections by state (in_use, idle, waiting for one)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = sources.pool?.();
    if (!pool) return;
    this.set({ state: 'in_use' }, pool.total - pool.idle);
    this.set({ state: 'idle' }, pool.idle);
    this.set({ state: 'waiting' }, pool.waiting);
  },
});

new Counter({
  name: 'taskflow_cache_requests_total',
  help: 'Cache lookups by cache and result (hit or miss)',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
  collect() {
    // The counts live with the caches; the counter shows them as they are now.
    this.reset();
    for (const { name, hits, misses } of cacheCounts.snapshot()) {
      this.inc({ cache: name, result: 'hit' }, hits);
      this.inc({ cache: name, result: 'miss' }, misses);
    }
  },
});
