/**
 * GET /ready of one instance, timed; and the same from a worker thread of its own: while this
 * script floods an instance from its main thread, the time measured there is the instance's,
 * not the time the flood's answers keep this script's event loop busy before it reads the
 * probe's. (This module is the worker's too: it imports nothing of the harness.)
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** `/ready` of one instance, as its JSON says. */
export type Readiness = {
  status: string;
  checks: Record<string, { status: string; detail?: string }>;
  degraded?: string[];
};

export type ReadyAnswer = { status: number; ms: number; body?: Readiness; error?: string };

/** One GET /ready, timed; a network error or timeout is an answer too (status 0). */
export async function askReady(url: string, timeoutMs = 5_000): Promise<ReadyAnswer> {
  const start = performance.now();
  try {
    const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    const elapsed = performance.now() - start;
    try {
      return { status: response.status, ms: elapsed, body: JSON.parse(text) as Readiness };
    } catch {
      return { status: response.status, ms: elapsed, error: text.slice(0, 200) };
    }
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const cause = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
    return { status: 0, ms: performance.now() - start, error: cause };
  }
}

type Job = { url: string; samples: number; everyMs: number };

/** `samples` answers of `url`/ready, one every `everyMs` at most, each timed. */
export function probeReady(url: string, samples: number, everyMs: number): Promise<ReadyAnswer[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { url, samples, everyMs } satisfies Job,
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the /ready probe exited ${code}`)));
  });
}

if (!isMainThread && parentPort) {
  const { url, samples, everyMs } = workerData as Job;
  const answers: ReadyAnswer[] = [];
  for (let i = 0; i < samples; i++) {
    const answer = await askReady(url);
    answers.push(answer);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - answer.ms)));
  }
  parentPort.postMessage(answers);
}
