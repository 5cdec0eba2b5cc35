/**
 * list-20 through the balancer: the production topology of scripts/cluster/topology.ts (HAProxy
 * on deploy/haproxy/haproxy.cfg in front of two `taskflow serve` instances, PostgreSQL, Redis; no
 * job worker) on a database holding the task fixture, loaded with the list-20 request of the task
 * scenarios. Three ways, measured in interleaved rounds on the same cluster:
 * - direct: one instance's own port, no balancer;
 * - HAProxy → 1 instance: the second instance in maintenance on the balancer (it gets nothing);
 * - HAProxy → 2 instances: both in rotation (leastconn).
 * The configuration requires two servers (API2_ADDR), so one instance behind the balancer is the
 * same cluster with the second taken out, which also lets the rounds interleave.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase, dropDatabase } from '../cluster/database.ts';
import { adminCommand, BACKEND } from '../cluster/haproxy.ts';
import { type Cluster, type Instance, startCluster } from '../cluster/topology.ts';
import { childPids, machineBusySeconds, ownCpuSeconds, processCpuSeconds } from './cpu.ts';
import { type LoadFigures, type LoadOptions, measure, medianRound } from './load.ts';
import { appEnv, bearer } from './scenarios.ts';
import { redisUrl } from './startup.ts';
import { listPath } from './task-fixture.ts';
import { adminUrl, fillWith, isPage } from './task-scenarios.ts';

const fixture = path.join(import.meta.dirname, 'task-fixture.ts');

export type BalancerSettings = {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
};

export type BalancerWay = {
  id: 'direct' | 'lb-1' | 'lb-2';
  name: string;
  /** Instances taking the requests. */
  instances: number;
};

export const balancerWays: BalancerWay[] = [
  { id: 'direct', name: 'one instance, direct (no balancer)', instances: 1 },
  { id: 'lb-1', name: 'HAProxy → 1 instance', instances: 1 },
  { id: 'lb-2', name: 'HAProxy → 2 instances', instances: 2 },
];

/** Cores used during a measured round: CPU seconds over its wall-clock seconds. */
export type CoresUsed = {
  /** api1, api2 (api2 idle but for the 2-instance rounds). */
  instances: number[];
  balancer: number;
  client: number;
  machine: number;
};

export type WayFigures = LoadFigures & {
  cores: CoresUsed;
  /** The share of the 2xx responses each instance served, through the balancer. */
  shares?: number[];
};

export type WayOutcome = { way: BalancerWay; figures?: WayFigures; error?: string };
export type BalancerOutcome = { ways: WayOutcome[]; error?: string };

/** What to undo (stop the cluster, drop the database, remove files), last first. */
const cleanups: (() => Promise<void> | void)[] = [];

export async function cleanUpBalancer() {
  for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) {
    await Promise.resolve()
      .then(undo)
      .catch((error: unknown) => console.error(error));
  }
}

/** The bench's settings of the app that apply to a cluster member: log level, rate limits. */
function memberEnv(): Record<string, string> {
  // Everything else (port, host, public URL, data directory) is the cluster's own.
  const { PORT, HOST, DATA_DIR, PUBLIC_URL, WEB_DIST_DIR, ...env } = appEnv(0, tmpdir());
  return { ...env, REDIS_KEY_PREFIX: `taskflow-bench-lb-${process.pid}:` };
}

/** 2xx responses per server of the API backend so far, as HAProxy counts them. */
async function served(socket: string): Promise<Map<string, number>> {
  const csv = await adminCommand(socket, 'show stat');
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const at = (name: string) => columns.indexOf(name);
  const counts = new Map<string, number>();
  for (const cells of rows.map((row) => row.split(','))) {
    const [proxy, server] = [cells[at('pxname')], cells[at('svname')]];
    if (proxy === BACKEND && server && server !== 'BACKEND') {
      counts.set(server, Number(cells[at('hrsp_2xx')] ?? 0));
    }
  }
  return counts;
}

/** Puts the second instance in or out of the balancer's rotation, and waits until it is so. */
async function rotate(cluster: Cluster, socket: string, second: Instance, inRotation: boolean) {
  const state = await cluster.balancerState(second);
  if (inRotation && state !== 'UP') {
    await adminCommand(socket, `enable server ${BACKEND}/${second.name}`);
    await cluster.waitBalancer(second, 'UP');
  } else if (!inRotation && state !== 'MAINT') {
    await adminCommand(socket, `disable server ${BACKEND}/${second.name}`);
    await cluster.waitBalancer(second, 'MAINT');
  }
}

/** Checks the first response of the list request at `base`. */
async function verify(base: string, headers: Record<string, string>) {
  const response = await fetch(base + listPath, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !isPage(body)) {
    throw new Error(`first response at ${base} was ${response.status} ${text.slice(0, 200)}`);
  }
}

/** The round with the median throughput stands for the way; failures of any round count. */
function combine(way: BalancerWay, rounds: WayFigures[]): WayOutcome {
  const figures = medianRound(rounds);
  return figures ? { way, figures } : { way, error: 'no measurement' };
}

/** What a round reads around its load: the instances, the balancer's process and socket. */
type Probe = { instances: Instance[]; haproxy: number | undefined; socket: string };

function cpuReadings(probe: Probe) {
  return {
    at: performance.now(),
    instances: probe.instances.map((i) => processCpuSeconds(i.pid)),
    balancer: processCpuSeconds(probe.haproxy),
    client: ownCpuSeconds(),
    machine: machineBusySeconds(),
  };
}

/** One measured run of `load`, with the cores each process used and each instance's share. */
async function measureWay(way: BalancerWay, probe: Probe, load: LoadOptions): Promise<WayFigures> {
  const servedBefore = await served(probe.socket);
  const before = cpuReadings(probe);
  const figures = await measure(load);
  const after = cpuReadings(probe);
  const servedAfter = await served(probe.socket);
  const seconds = (after.at - before.at) / 1000;
  const rate = (from: number, to: number) => (to - from) / seconds;
  const cores: CoresUsed = {
    instances: after.instances.map((cpu, i) => rate(before.instances[i] ?? 0, cpu)),
    balancer: rate(before.balancer, after.balancer),
    client: rate(before.client, after.client),
    machine: rate(before.machine, after.machine),
  };
  const counts = probe.instances.map(
    (i) => (servedAfter.get(i.name) ?? 0) - (servedBefore.get(i.name) ?? 0),
  );
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = way.id === 'direct' || total === 0 ? undefined : counts.map((n) => n / total);
  return { ...figures, cores, ...(shares ? { shares } : {}) };
}

async function run(settings: BalancerSettings): Promise<WayOutcome[]> {
  const database = await createScratchDatabase(adminUrl, 'taskflow_bench_lb');
  cleanups.push(() => dropDatabase(adminUrl, database.name));
  fillWith(fixture, 'postgres', database.url);
  const logDir = mkdtempSync(path.join(tmpdir(), 'taskflow-bench-lb-'));
  cleanups.push(() => rmSync(logDir, { recursive: true, force: true }));
  const cluster = await startCluster({
    databaseUrl: database.url,
    redisUrl,
    apis: 2,
    workers: 0,
    drainDelayMs: 0,
    env: memberEnv(),
    logDir,
  });
  cleanups.push(() => cluster.stop());
  const [first, second] = cluster.instances;
  if (!first || !second) throw new Error('the cluster has fewer than two instances');
  // startCluster's admin socket is in its log directory.
  const probe = {
    instances: [first, second],
    haproxy: childPids('haproxy')[0],
    socket: path.join(logDir, 'haproxy.sock'),
  };

  const headers = await bearer(cluster.lbUrl);
  await verify(cluster.lbUrl, headers);
  await verify(first.url, headers);

  const urls = { direct: first.url, 'lb-1': cluster.lbUrl, 'lb-2': cluster.lbUrl };
  const figures = new Map<BalancerWay, WayFigures[]>(balancerWays.map((w) => [w, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const way of balancerWays) {
      await rotate(cluster, probe.socket, second, way.id === 'lb-2');
      const load = {
        url: urls[way.id] + listPath,
        headers,
        connections: settings.connections,
        warmupSeconds: 0,
      };
      if (round === 1) await measure({ ...load, durationSeconds: settings.warmupSeconds });
      const f = await measureWay(way, probe, {
        ...load,
        durationSeconds: settings.durationSeconds,
      });
      figures.get(way)?.push(f);
      const pct = (n: number) => `${Math.round(n * 100)} %`;
      console.log(
        `round ${round} balancer ${way.name}: ${Math.round(f.requestsPerSecond)} req/s,` +
          ` p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.non2xx} non-2xx, ${f.errors} errors;` +
          ` cores: api1 / api2 ${f.cores.instances.map((c) => c.toFixed(2)).join(' / ')},` +
          ` HAProxy ${f.cores.balancer.toFixed(2)}, load generator ${f.cores.client.toFixed(2)},` +
          ` machine ${f.cores.machine.toFixed(2)}` +
          (f.shares ? `; served by api1 / api2 ${f.shares.map(pct).join(' / ')}` : ''),
      );
    }
  }
  return balancerWays.map((way) => combine(way, figures.get(way) ?? []));
}

/** The three ways, alone on the machine; a cluster that does not start fails them all. */
export async function measureBalancer(settings: BalancerSettings): Promise<BalancerOutcome> {
  try {
    return { ways: await run(settings) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  balancer failed: ${message}`);
    return { ways: [], error: message.split('\n')[0] ?? message };
  } finally {
    await cleanUpBalancer();
  }
}
