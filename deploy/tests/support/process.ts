import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port free on this machine right now. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts a process of the image; its first word `node` is this Node (the image's is Node 24). */
export function start(argv: string[], cwd: string, env: Record<string, string>): Started {
  const [file, ...args] = argv;
  if (file !== 'node') throw new Error(`the image runs node, not ${file}`);
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs a process of the image to its end: its exit code and output. */
export async function runToEnd(argv: string[], cwd: string, env: Record<string, string>) {
  const started = start(argv, cwd, env);
  const code = await started.exited;
  return { code, output: started.output() };
}

/**
 * Polls `url` until it answers `status`, the process exits, or `timeoutMs` passes; the last
 * status seen (0: no answer yet).
 */
export async function waitForStatus(
  url: string,
  status: number,
  process: Started,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void process.exited.then(() => (exited = true));
  let last = 0;
  while (Date.now() < deadline && !exited) {
    last = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (last === status) return last;
    await sleep(200);
  }
  return last;
}

/** SIGTERM, as `docker stop` and the kubelet send it; the exit code (null: killed after the wait). */
export async function stop(process: Started, timeoutMs: number) {
  process.child.kill('SIGTERM');
  const timer = setTimeout(() => process.child.kill('SIGKILL'), timeoutMs);
  const code = await process.exited;
  clearTimeout(timer);
  return code;
}
