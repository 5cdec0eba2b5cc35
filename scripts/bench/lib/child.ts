/**
 * Server child processes: a free port, spawn on Node 24 (process.execPath), wait until ready,
 * stop. Every child is tracked, so that none survives the bench, also when it fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export type Child = { process: ChildProcess; output: () => string };

const children = new Set<ChildProcess>();
const OUTPUT_LIMIT = 8_000;

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** Spawns `node <args>`; its output is kept (the last 8 kB) to explain a failure. */
export function startChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { process: child, output: () => output };
}

/** Polls `url` until it answers 200; fails if the child exits or `timeoutMs` passes. */
async function waitReady(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = child.process;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`server exited (${exitCode ?? signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

/** Last resort on an abrupt exit of the bench: no child outlives it. */
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `node <args>` and waits until `readyUrl` answers 200; the failure carries its output. */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs: number,
): Promise<Child> {
  const child = startChild(args, env);
  try {
    await waitReady(child, readyUrl, timeoutMs);
  } catch (error) {
    await stopChild(child.process);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n  server output:\n${child.output()}`);
  }
  return child;
}
