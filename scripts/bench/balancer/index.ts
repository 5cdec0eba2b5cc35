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
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adminCommand, BACKEND } from '../../cluster/haproxy.ts';
import { type Cluster, type Instance, startCluster } from '../../cluster/topology.ts';
import {
  appEnv,
  getJson,
  ownerHeaders,
  redisUrl,
  scratchDatabase,
  scratchDir,
} from '../lib/app.ts';
import { type Cleanups, createCleanups, reportFailure } from '../lib/cleanups.ts';
import { childPids, machineBusySeconds, ownCpuSeconds, processCpuSeconds } from '../lib/cpu.ts';
import { type LoadOptions, measure, medianRound } from '../lib/load.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';
import { isPage, listPath, seedTasks } from '../lib/task-fixture.ts';
import {
  type BalancerWay,
  balancerSection,
  type CoresUsed,
  type WayFigures,
  type WayOutcome,
} from './report.ts';

const balancerWays: BalancerWay[] = [
  { id: 'direct', name: 'one instance, direct (no balancer)', instances: 1 },
  { id: 'lb-1', name: 'HAProxy → 1 instance', instances: 1 },
  { id: 'lb-2', name: 'HAProxy → 2 instances', instances: 2 },
];

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

async function run(settings: RunInfo, cleanups: Cleanups): Promise<WayOutcome[]> {
  const databaseUrl = await scratchDatabase('taskflow_bench_lb', cleanups);
  const fixture = seedTasks({ kind: 'postgres', url: databaseUrl });
  const list = listPath(fixture.workspaceId);
  const logDir = scratchDir('taskflow-bench-lb-', cleanups);
  const cluster = await startCluster({
    databaseUrl,
    redisUrl,
    apis: 2,
    workers: 0,
    drainDelayMs: 0,
    env: memberEnv(),
    logDir,
  });
  cleanups.add(() => cluster.stop());
  const [first, second] = cluster.instances;
  if (!first || !second) throw new Error('the cluster has fewer than two instances');
  // startCluster's admin socket is in its log directory.
  const probe = {
    instances: [first, second],
    haproxy: childPids('haproxy')[0],
    socket: path.join(logDir, 'haproxy.sock'),
  };

  const headers = await ownerHeaders(cluster.lbUrl, fixture);
  await getJson(cluster.lbUrl + list, headers, isPage);
  await getJson(first.url + list, headers, isPage);

  const urls = { direct: first.url, 'lb-1': cluster.lbUrl, 'lb-2': cluster.lbUrl };
  const figures = new Map<BalancerWay, WayFigures[]>(balancerWays.map((w) => [w, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const way of balancerWays) {
      await rotate(cluster, probe.socket, second, way.id === 'lb-2');
      const load = {
        url: urls[way.id] + list,
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
export async function benchBalancer(info: RunInfo): Promise<Section | undefined> {
  if (!selected(info, 'balancer')) return undefined;
  const cleanups = createCleanups();
  try {
    return balancerSection({ ways: await run(info, cleanups) }, info.cores);
  } catch (error) {
    return balancerSection({ ways: [], error: reportFailure('balancer', error) }, info.cores);
  } finally {
    await cleanups.run();
  }
}
