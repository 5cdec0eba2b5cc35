/**
 * The client side of the fan-out measurement: a fleet of `GET /api/v1/events` streams that notes
 * when each receives each write, and the publisher that makes the writes. Lean per connection:
 * node:http, and each chunk scanned for a marker (no SSE parser).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMarkerScanner } from './stats.ts';

const OPEN_CONCURRENCY = 200;
/** The `ready` message: `event: ready`, then its data, whose id is the head. */
const READY_MARKER = 'event: ready\ndata: {"id":"';

type FleetOptions = {
  base: string;
  /** Streams at most, and writes at most: the size of the table of arrival times. */
  capacity: number;
  writes: number;
  /** Called once a stream fails after it was ready: the run cannot be trusted. */
  fail: (message: string) => void;
};

/** Streams that note, per write, when each of them received it (performance.now()). */
export function createFleet({ base, capacity, writes, fail }: FleetOptions) {
  const nonce = Math.random().toString(36).slice(2, 10);
  const arrivals = new Float64Array(capacity * writes).fill(Number.NaN);
  const requests: http.ClientRequest[] = [];
  /** Streams from this index on have been closed on purpose. */
  let closedFrom = capacity;
  let delivered = 0;

  const received = (index: number, k: number, now: number) => {
    const slot = index * writes + k;
    if (k < writes && Number.isNaN(arrivals[slot])) {
      arrivals[slot] = now;
      delivered++;
    }
  };

  function open(index: number, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}/api/v1/events`, {
        agent: false,
        headers: { authorization: `Bearer ${token}` },
      });
      requests[index] = req;
      const lost = (why: string) => index < closedFrom && fail(`stream ${index}: ${why}`);
      req.on('error', (error) => lost(error.message));
      req.on('response', (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => reject(new Error(`GET /api/v1/events: ${res.statusCode} ${body}`)));
          return;
        }
        const ready = createMarkerScanner(READY_MARKER);
        const written = createMarkerScanner(`fanout-${nonce}-`);
        let isReady = false;
        res.on('data', (chunk: Buffer) => {
          const now = performance.now();
          const text = chunk.toString('latin1');
          if (!isReady && ready(text).length > 0) {
            isReady = true;
            resolve();
          }
          for (const k of written(text)) received(index, k, now);
        });
        res.on('close', () => lost('ended before the run did'));
      });
      req.end();
    });
  }

  return {
    title: (k: number) => `fanout-${nonce}-${k}`,
    get size() {
      return Math.min(requests.length, closedFrom);
    },
    get delivered() {
      return delivered;
    },

    /** Opens streams up to `count` in all, at most OPEN_CONCURRENCY waiting for `ready`. */
    async openUpTo(count: number, tokenOf: (index: number) => string) {
      let next = requests.length;
      const worker = async () => {
        while (next < count) {
          const index = next++;
          await open(index, tokenOf(index));
        }
      };
      await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
    },

    /** Closes the streams from `count` on: later writes reach the first `count` only. */
    closeFrom(count: number) {
      closedFrom = Math.min(closedFrom, count);
      for (const req of requests.slice(closedFrom)) req.destroy();
    },

    /** Waits until `expected` deliveries in all; false when `timeoutMs` ran out first. */
    async deliveredAll(expected: number, timeoutMs: number): Promise<boolean> {
      const deadline = performance.now() + timeoutMs;
      while (delivered < expected && performance.now() < deadline) await sleep(20);
      return delivered >= expected;
    },

    /** The latency of write `k` to each of the first `among` streams that received it. */
    latencies(k: number, sentAt: number, among: number): number[] {
      const out: number[] = [];
      for (let i = 0; i < among; i++) {
        const at = arrivals[i * writes + k] ?? Number.NaN;
        if (!Number.isNaN(at)) out.push(at - sentAt);
      }
      return out;
    },
  };
}

export type Fleet = ReturnType<typeof createFleet>;

/** Creates tasks in a workspace, one request at a time, on one kept-alive connection. */
export function createPublisher(base: string, workspaceId: string, token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  /** Creates a task titled `title`; resolves with the moment just before it was sent. */
  return function createTask(title: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ title });
      const req = http.request(`${base}/api/v1/workspaces/${workspaceId}/tasks`, {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => {
          if (res.statusCode === 201) resolve(sentAt);
          else reject(new Error(`creating a task answered ${res.statusCode}: ${text}`));
        });
      });
      const sentAt = performance.now();
      req.end(body);
    });
  };
}
