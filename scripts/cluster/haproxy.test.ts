import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addServer,
  balancerEnv,
  checkConfig,
  haproxyBinary,
  serverStates,
  startBalancer,
} from './haproxy.ts';
import { freePort, type Spawned, stopProcess } from './processes.ts';

/** A stand-in API instance: /ready as told, and every other request echoes who answered. */
function fakeInstance(name: string) {
  const state = { ready: true };
  const server = createServer((request, response) => {
    if (request.url === '/ready') {
      response.writeHead(state.ready ? 200 : 503).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=72' });
    response.end(JSON.stringify({ name, forwardedFor: request.headers['x-forwarded-for'] }));
  });
  return { name, state, server };
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

describe.skipIf(!haproxyBinary())('deploy/haproxy/haproxy.cfg', () => {
  const instances = ['api1', 'api2', 'api3'].map(fakeInstance);
  const addresses: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taskflow-haproxy-test-'));
  const socket = path.join(dir, 'admin.sock');
  let balancer: Spawned | undefined;

  beforeAll(async () => {
    for (const instance of instances) addresses.push(await listen(instance.server));
  });
  afterEach(async () => {
    if (balancer) await stopProcess(balancer, 2_000);
    for (const instance of instances) instance.state.ready = true;
  });
  afterAll(() => {
    for (const instance of instances) {
      instance.server.closeAllConnections();
      instance.server.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(servers: string[]) {
    const port = await freePort();
    balancer = startBalancer(
      balancerEnv({ servers, port, adminSocket: socket }),
      path.join(dir, 'haproxy.log'),
    );
    const states = await until(
      () => serverStates(socket).catch(() => new Map<string, string>()),
      (s) => s.size === servers.length && [...s.values()].every((v) => v === 'UP'),
    );
    return { url: `http://127.0.0.1:${port}`, states };
  }

  it('is valid with two instances, and with a third one (API3_ADDR set, empty or unset)', () => {
    const base = { API1_ADDR: 'api1:3000', API2_ADDR: 'api2:3000', LB_PORT: '8080' };
    const api3s: Record<string, string>[] = [{}, { API3_ADDR: '' }, { API3_ADDR: 'api3:3000' }];
    for (const api3 of api3s) {
      expect(checkConfig({ ...base, ...api3 })).toContain('Configuration file is valid');
    }
  });

  it('routes to the configured instances, replacing X-Forwarded-For and the Keep-Alive hint', async () => {
    const { url, states } = await start(addresses.slice(0, 2));
    expect([...states.keys()]).toEqual(['api1', 'api2']);
    const answered = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${url}/api/v1/meta`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      const body = (await response.json()) as { name: string; forwardedFor: string };
      expect(body.forwardedFor).toBe('127.0.0.1');
      expect(response.headers.get('keep-alive')).toBe('timeout=10');
      answered.add(body.name);
    }
    expect([...answered].sort()).toEqual(['api1', 'api2']);
  });

  it('takes out an instance whose /ready fails, and adds a third one at run time', async () => {
    const { url } = await start(addresses.slice(0, 2));
    (instances[0] as { state: { ready: boolean } }).state.ready = false;
    await addServer(socket, 'api3', addresses[2] as string);
    const states = await until(
      () => serverStates(socket),
      (s) => s.get('api1') === 'DOWN' && s.get('api3') === 'UP',
    );
    expect(Object.fromEntries(states)).toEqual({ api1: 'DOWN', api2: 'UP', api3: 'UP' });
    for (let i = 0; i < 4; i++) {
      const body = (await (await fetch(`${url}/x`)).json()) as { name: string };
      expect(body.name).not.toBe('api1');
    }
  });

  it('lists the third instance from API3_ADDR', async () => {
    const { states } = await start(addresses);
    expect([...states.keys()]).toEqual(['api1', 'api2', 'api3']);
  });
});
