import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionErrors, serverErrors, startLoad } from './load.ts';

/** Answers the first attempt of every write with a 503 or a dropped connection, in turn. */
const attempts = new Map<string, string[]>();
let firstAttempts = 0;
const server = createServer(async (request: IncomingMessage, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  const key = String(request.headers['idempotency-key']);
  const seen = attempts.get(key) ?? [];
  attempts.set(key, [...seen, body]);
  if (seen.length === 0) firstAttempts += 1;
  if (seen.length === 0 && firstAttempts % 2 === 0) {
    response.writeHead(503).end();
  } else if (seen.length === 0) {
    request.socket.destroy();
  } else {
    const { title } = JSON.parse(body) as { title: string };
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: `task-${key}`, title }));
  }
});
let baseUrl = '';

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const clients = [1, 2, 3].map((index) => ({
  index,
  email: `c${index}@cluster.test`,
  password: 'password',
  token: 'token',
  workspaceId: `w${index}`,
}));

describe('startLoad', () => {
  it('sends a write again with the same key and body until it is acknowledged', async () => {
    const run = startLoad(clients, { baseUrl, phase: 'unit', maxWrites: 12, thinkMs: 0 });
    await run.waitForWrites(12, 20_000);
    const report = await run.stop();

    expect(report.acknowledged).toHaveLength(12);
    expect(report.unfinished).toBe(0);
    for (const ack of report.acknowledged) {
      const key = ack.title.split(' ').at(-1) ?? '';
      expect(ack.title).toMatch(/^unit c[123] [0-9a-f-]{36}$/);
      expect(ack.id).toBe(`task-${key}`);
      const sent = attempts.get(key) ?? [];
      expect(sent.length).toBe(2);
      expect(new Set(sent).size).toBe(1);
    }
    expect(serverErrors(report)).toBe(6);
    expect(connectionErrors(report)).toBe(6);
    expect(report.first.statuses['503']).toBe(6);
    expect(report.retries.statuses['201']).toBe(12);
  });

  it('stops by itself after its duration, abandoning the writes still unanswered', async () => {
    const run = startLoad(clients, { baseUrl, phase: 'short', maxDurationMs: 1, thinkMs: 0 });
    await expect(run.waitForWrites(1_000, 20_000)).rejects.toThrow(/the load ended/);
    const report = await run.stop();
    expect(report.acknowledged.length + report.unfinished).toBeLessThanOrEqual(clients.length);
  });
});
