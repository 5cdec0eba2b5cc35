/**
 * The write load of the chaos scenarios: each signed-in client creates tasks in its personal
 * workspace, one at a time, through the balancer. Every logical write carries a fresh
 * Idempotency-Key, which its title embeds; on a network error or a 5xx the client sends the same
 * request again, with the same key, after a short backoff, until it is answered 2xx or 4xx or the
 * run ends. Acknowledged writes (201) are recorded with their id and title, to be found in
 * PostgreSQL afterwards (verify.ts). Answers and connection errors are counted separately for
 * first attempts and retries. A run stops by itself after `maxDurationMs` or `maxWrites`.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadClient } from './accounts.ts';

export type Ack = { id: string; title: string };

/** Answers by status ("201", "503"…) and connection errors by cause ("ECONNRESET", "timeout"…). */
export type Tally = { statuses: Record<string, number>; connectionErrors: Record<string, number> };

export type LoadReport = {
  phase: string;
  clients: number;
  durationMs: number;
  acknowledged: Ack[];
  /** Writes answered 3xx or 4xx: not retried, not acknowledged. */
  rejected: number;
  /** Writes still unanswered (or answered 5xx only) when the run ended. */
  unfinished: number;
  first: Tally;
  retries: Tally;
  /** The first failed attempts (5xx, connection errors), with when they happened in the run. */
  incidents: string[];
};

type LoadOptions = {
  baseUrl: string;
  /** Starts every title, so that this run's tasks can be told apart in the database. */
  phase: string;
  maxDurationMs?: number;
  maxWrites?: number;
  /** A request unanswered after this long counts as a connection error ("timeout"). */
  requestTimeoutMs?: number;
  /** Pause between one client's writes (500 ms): 50 clients load two cores without choking them. */
  thinkMs?: number;
};

export type LoadRun = {
  /** Writes acknowledged so far. */
  acknowledged(): number;
  /** Resolves once `count` writes in all have been acknowledged; fails if the run ends first. */
  waitForWrites(count: number, timeoutMs?: number): Promise<void>;
  /** Ends the run: no new attempt starts; resolves once every client has finished. */
  stop(): Promise<LoadReport>;
};

const MAX_INCIDENTS = 20;
const emptyTally = (): Tally => ({ statuses: {}, connectionErrors: {} });
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const total = (counts: Record<string, number>, keep: (key: string) => boolean = () => true) =>
  Object.entries(counts).reduce((sum, [key, n]) => (keep(key) ? sum + n : sum), 0);

/** Responses 5xx, first attempts and retries together. */
export const serverErrors = (report: Pick<LoadReport, 'first' | 'retries'>) =>
  total(report.first.statuses, (s) => s.startsWith('5')) +
  total(report.retries.statuses, (s) => s.startsWith('5'));

export const connectionErrors = (report: Pick<LoadReport, 'first' | 'retries'>) =>
  total(report.first.connectionErrors) + total(report.retries.connectionErrors);

/** How long a client waits before it sends a failed request again: 50 ms doubling, ≤ 1 s, ±50%. */
export const retryDelay = (attempt: number) =>
  Math.min(1_000, 50 * 2 ** attempt) * (0.5 + Math.random());

function cause(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError') return 'timeout';
  return e.cause?.code ?? e.cause?.name ?? e.message ?? 'unknown';
}

export function startLoad(clients: LoadClient[], options: LoadOptions): LoadRun {
  const maxWrites = options.maxWrites ?? 100_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const thinkMs = options.thinkMs ?? 500;
  const started = Date.now();
  const acknowledged: Ack[] = [];
  const first = emptyTally();
  const retries = emptyTally();
  let rejected = 0;
  let unfinished = 0;
  let writes = 0;
  let running = true;
  const waiters = new Set<{ count: number; resolve: () => void; reject: (e: Error) => void }>();

  const settle = () => {
    for (const waiter of waiters) {
      if (acknowledged.length >= waiter.count) {
        waiters.delete(waiter);
        waiter.resolve();
      } else if (!running) {
        waiters.delete(waiter);
        const got = `${acknowledged.length} of ${waiter.count}`;
        waiter.reject(new Error(`the load ended after ${got} acknowledged writes`));
      }
    }
  };
  const end = () => {
    running = false;
    settle();
  };
  const limit = setTimeout(end, options.maxDurationMs ?? 120_000);
  const incidents: string[] = [];
  const note = (client: LoadClient, attempt: number, what: string) => {
    if (incidents.length >= MAX_INCIDENTS) return;
    const at = ((Date.now() - started) / 1000).toFixed(2);
    incidents.push(`+${at} s client ${client.index} attempt ${attempt + 1}: ${what}`);
  };

  /** One logical write: the same request until it is answered 2xx or 4xx, or the run ends. */
  async function write(client: LoadClient) {
    const key = randomUUID();
    const title = `${options.phase} c${client.index} ${key}`;
    const body = JSON.stringify({ title });
    for (let attempt = 0; running || attempt === 0; attempt++) {
      const tally = attempt === 0 ? first : retries;
      try {
        const response = await fetch(
          `${options.baseUrl}/api/v1/workspaces/${client.workspaceId}/tasks`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${client.token}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body,
            signal: AbortSignal.timeout(requestTimeoutMs),
          },
        );
        const text = await response.text();
        bump(tally.statuses, String(response.status));
        if (response.status >= 500)
          note(client, attempt, `${response.status} ${text.slice(0, 120)}`);
        if (response.status < 500) {
          if (response.ok) {
            acknowledged.push({ id: (JSON.parse(text) as { id: string }).id, title });
            settle();
          } else {
            rejected += 1;
          }
          return;
        }
      } catch (error) {
        bump(tally.connectionErrors, cause(error));
        note(client, attempt, cause(error));
      }
      if (!running) break;
      await sleep(retryDelay(attempt));
    }
    unfinished += 1;
  }

  async function loop(client: LoadClient) {
    // Clients start spread over one think time rather than all in the same millisecond.
    await sleep(Math.random() * thinkMs);
    // Past `maxWrites`, no new write starts; those under way still get their answer.
    while (running && writes < maxWrites) {
      writes += 1;
      await write(client);
      if (thinkMs > 0) await sleep(thinkMs);
    }
  }

  const finished = Promise.all(clients.map(loop)).then(() => {
    clearTimeout(limit);
    end();
  });

  return {
    acknowledged: () => acknowledged.length,
    waitForWrites(count, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${acknowledged.length} of ${count} writes acknowledged after ${timeoutMs / 1000} s`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
        settle();
      });
    },
    async stop() {
      end();
      await finished;
      return {
        phase: options.phase,
        clients: clients.length,
        durationMs: Date.now() - started,
        acknowledged,
        rejected,
        unfinished,
        first,
        retries,
        incidents,
      };
    },
  };
}
