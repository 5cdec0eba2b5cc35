import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from './metrics-server.ts';

const TOKEN = 'a-metrics-token-for-tests';
let server: Awaited<ReturnType<typeof startMetricsServer>>;
let base: string;

beforeAll(async () => {
  server = await startMetricsServer(0, '127.0.0.1', TOKEN);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the worker's metrics server", () => {
  it('answers GET /health with 200 and no token, for container and Kubernetes probes', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('keeps /metrics behind the token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# TYPE');
  });

  it('answers 404 to other paths and methods', async () => {
    expect((await fetch(`${base}/ready`)).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(404);
  });
});
