/**
 * The processes of a local cluster: spawned with their output appended to a log file (read it
 * to see why one failed), tracked so that none outlives the script, and waited on by state —
 * an HTTP answer, a log line, an exit — never by a fixed delay.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type Spawned = {
  child: ChildProcess;
  /** The exit code, or 128 + the signal's number when a signal ended it (as a shell says). */
  exited: Promise<number>;
  /** Whether the process is still running. */
  alive: () => boolean;
};

const POLL_MS = 100;
const children = new Set<ChildProcess>();

/** Last resort when the script ends abruptly: nothing it started keeps running. */
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** `process.env[envVar]`, else `name` on PATH, else `fallback`: the first that exists. */
export function findProgram(envVar: string, name: string, fallback: string): string | undefined {
  const candidates = [
    process.env[envVar],
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)),
    fallback,
  ];
  return candidates.find((file): file is string => file !== undefined && existsSync(file));
}

/** Exit status as a shell reports it: 137 after SIGKILL, 143 after SIGTERM. */
function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

/** Starts `command args`, its stdout and stderr appended to `logFile`. */
export function spawnLogged(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Spawned {
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  children.add(child);
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(exitStatus(code, signal));
    });
    // A command that cannot be started (missing binary) emits `error` and no `exit` status.
    child.once('error', () => {
      children.delete(child);
      resolve(127);
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null && children.has(child);
  return { child, exited, alive };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(spawned: Spawned, graceMs: number): Promise<number> {
  if (!spawned.alive()) return spawned.exited;
  spawned.child.kill('SIGTERM');
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), graceMs);
  const status = await spawned.exited;
  clearTimeout(timer);
  return status;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free TCP port');
  return address.port;
}

/** The last lines of a log file, to quote in an error. */
function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

type WaitOptions = {
  timeoutMs: number;
  what: string;
  logFile: string;
  /** What was last seen, for the error. */
  detail?: () => string;
};

/**
 * Polls `check` until it holds. Fails at once when the process exits, and after `timeoutMs`
 * (a bound for a broken start, not a tuning: the check usually succeeds long before).
 */
export async function waitFor(
  spawned: Spawned,
  check: () => Promise<boolean> | boolean,
  { timeoutMs, what, logFile, detail }: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const seen = () => (detail ? `\n${detail()}` : '');
  for (;;) {
    if (!spawned.alive()) {
      const status = await spawned.exited;
      throw new Error(
        `${what}: the process exited (${status}); ${logFile} ends with:\n${logTail(logFile)}`,
      );
    }
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s${seen()}\n${logFile} ends with:\n${logTail(logFile)}`,
      );
    }
    await sleep(POLL_MS);
  }
}

/**
 * Asks `url` whether it answers 200; keeps the last answer (status and body), to say why a
 * process never became ready.
 */
export function readyProbe(url: string) {
  let last = 'no answer yet';
  return {
    async check(): Promise<boolean> {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        last = `${response.status} ${(await response.text()).slice(0, 500)}`;
        return response.status === 200;
      } catch (error) {
        last = (error as Error).message;
        return false;
      }
    },
    last: () => `GET ${url}: ${last}`,
  };
}

/** Whether the log file has a line containing `text` (after byte `from`). */
export function logHas(logFile: string, text: string, from = 0): boolean {
  try {
    return readFileSync(logFile).subarray(from).toString('utf8').includes(text);
  } catch {
    return false;
  }
}
