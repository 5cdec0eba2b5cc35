import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finished, startNode, waitForLine } from './test/cli.ts';

const fixture = fileURLToPath(new URL('./test/fixtures/slow-server.ts', import.meta.url));

async function start(env: Record<string, string> = {}) {
  const child = startNode([], { LOG_LEVEL: 'info', ...env }, fixture);
  const done = finished(child);
  const line = await waitForLine(child, /^listening /);
  return { child, done, base: line.replace('listening ', '').trim() };
}

describe('graceful shutdown', () => {
  it('SIGTERM during a slow request lets it finish, refuses new work, then exits 0', async () => {
    const { child, done, base } = await start();
    const inFlight = fetch(`${base}/slow`);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
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
    fetch(`${base}/slow`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('shutdown deadline passed');
  });
});
