import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { finished, startNode, waitForLine } from './test/cli.ts';

const fixture = fileURLToPath(new URL('./test/fixtures/slow-server.ts', import.meta.url));
const template = inject('testTemplate');
/** The slow server's database: a copy of the run's empty template. */
const TEMPLATE_FILE = template.kind === 'pglite' ? template.emptyFile : '';

async function start(env: Record<string, string> = {}) {
  const child = startNode([], { LOG_LEVEL: 'info', TEMPLATE_FILE, ...env }, fixture);
  const done = finished(child);
  const line = await waitForLine(child, /^listening /);
  return { child, done, base: line.replace('listening ', '').trim() };
}

// Each test starts a server process (Node, PGlite, the app): seconds on a quiet machine, many
// times that on a busy one. The bound is for a hang, not a speed check.
const processTimeout = 120_000;

describe('graceful shutdown', { timeout: processTimeout }, () => {
  it('SIGTERM during a slow request lets it finish, refuses new work, then exits 0', async () => {
    const { child, done, base } = await start();
    const started = waitForLine(child, /^slow request started/);
    const inFlight = fetch(`${base}/slow`);
    await started;
    const closing = waitForLine(child, /shutting down: no new connections/);
    child.kill('SIGTERM');
    await closing;
    const late = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect([503, 'refused']).toContain(late);
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('shutdown complete');
  });

  it('exits 1 when in-flight work outlasts the deadline', async () => {
    const { child, done, base } = await start({ SLOW_MS: '5000', SHUTDOWN_TIMEOUT_MS: '500' });
    const started = waitForLine(child, /^slow request started/);
    fetch(`${base}/slow`).catch(() => undefined);
    await started;
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('shutdown deadline passed');
  });
});

/** A GET over a connection of its own: status, body and the `connection` header of the answer. */
function get(base: string, path: string) {
  type Answer = { status: number; connection: string | undefined; body: string };
  return new Promise<Answer>((resolve, reject) => {
    // A keep-alive client: the answer's `connection` header is then the server's choice.
    const agent = new http.Agent({ keepAlive: true });
    const req = http.get(`${base}${path}`, { agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body });
      });
    });
    req.on('error', reject);
  });
}

describe('draining before shutdown', { timeout: processTimeout }, () => {
  it('SIGTERM: /ready fails at once, requests are still served with Connection: close, then exit 0', async () => {
    const { child, done, base } = await start({ DRAIN_DELAY_MS: '3000' });
    expect(JSON.parse((await get(base, '/ready')).body).checks.shutdown).toBeUndefined();
    expect((await get(base, '/health')).connection).not.toBe('close');
    child.kill('SIGTERM');
    await waitForLine(child, /draining/);
    const ready = await get(base, '/ready');
    const health = await get(base, '/health');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body).checks.shutdown).toEqual({
      status: 'fail',
      detail: 'draining: this instance is shutting down',
    });
    expect(health).toMatchObject({ status: 200, connection: 'close' });
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('shutdown complete');
  });

  it('a client that sent half a request does not keep the process from exiting 0', async () => {
    const { child, done, base } = await start({ SHUTDOWN_TIMEOUT_MS: '8000' });
    const { hostname, port } = new URL(base);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.on('error', () => undefined);
    // Headers promise 100 bytes of body; one arrives, and the client stalls.
    socket.write(
      'POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await waitForRequestStart(base);
    child.kill('SIGTERM');
    const run = await done;
    socket.destroy();
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('shutdown deadline passed');
  });
});

/** The server has parsed a request's headers once it answers another request after it. */
async function waitForRequestStart(base: string) {
  expect((await get(base, '/health')).status).toBe(200);
}

describe('a parent that does not pass SIGTERM on', { timeout: processTimeout }, () => {
  it('leaves no server behind: the server shuts down and frees its port', async () => {
    const wrapper = fileURLToPath(new URL('./test/fixtures/deaf-wrapper.ts', import.meta.url));
    const parent = startNode([], { LOG_LEVEL: 'info', TEMPLATE_FILE }, wrapper);
    // The output pipe closes once both have exited: the server writes to it too.
    const done = finished(parent);
    const line = await waitForLine(parent, /^listening /);
    const base = line.replace('listening ', '').trim();
    expect((await get(base, '/health')).status).toBe(200);
    parent.kill('SIGTERM');
    const run = await done;
    expect(run.stdout).toContain('the parent process has exited');
    expect(run.stdout).toContain('shutdown complete');
    await expect(get(base, '/health')).rejects.toThrow();
  });
});
