/**
 * The production topology of deploy/compose.yaml, as processes on this machine: migrations run
 * once, N API instances (`taskflow serve`), M job workers (`taskflow worker`) and HAProxy in
 * front of the instances, all on one PostgreSQL and one Redis. Every process logs to its own
 * file in `logDir`; every wait is for a state (an answer, a log line, a balancer status).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addServer,
  balancerEnv,
  CONFIGURED_SERVERS,
  serverStates,
  serverStats,
  startBalancer,
} from './haproxy.ts';
import { cli, type Member, member } from './member.ts';
import {
  freePort,
  logHas,
  readyProbe,
  type Spawned,
  spawnLogged,
  stopProcess,
  waitFor,
} from './processes.ts';

export type { Member } from './member.ts';

type ClusterOptions = {
  /** API instances behind the balancer (2). */
  apis?: number;
  /** Job workers (1). */
  workers?: number;
  databaseUrl: string;
  redisUrl?: string;
  /** The balancer's port on 127.0.0.1; 0 (the default) takes a free one. */
  lbPort?: number;
  /** How long an instance keeps serving after SIGTERM while the balancer takes it out (3000). */
  drainDelayMs?: number;
  /** SIGTERM to forced exit of an instance (drain delay + 10 s). */
  shutdownTimeoutMs?: number;
  /** More settings for every API instance and worker (rate limits…). */
  env?: Record<string, string>;
  /** Where the log files go (a new temporary directory). */
  logDir?: string;
  /** The bound on each start, for a start that is broken rather than slow (60 s). */
  readyTimeoutMs?: number;
};

export type Instance = Member & {
  readonly port: number;
  readonly url: string;
  /** Whether HAProxy routes to it (every instance but those added without `balanced`). */
  readonly balanced: boolean;
};

export type BalancerState = 'UP' | 'DOWN' | 'MAINT' | 'NOLB' | (string & {});

export type Cluster = {
  lbUrl: string;
  logDir: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  metricsToken: string;
  /** How long a stopping instance keeps serving (DRAIN_DELAY_MS). */
  drainDelayMs: number;
  /** SIGTERM to forced exit of an instance (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  instances: Instance[];
  workers: Member[];
  /**
   * Starts one more API instance, ready; HAProxy routes to it only with `balanced` (added through
   * its admin socket, with the checks of the others). `env` adds settings of its own (a smaller
   * pool…).
   */
  addInstance(options?: { balanced?: boolean; env?: Record<string, string> }): Promise<Instance>;
  /** Stops an instance added without `balanced` and forgets it; resolves with its exit status. */
  removeInstance(instance: Instance): Promise<number>;
  /** How HAProxy sees the instance right now (undefined: not one of its servers). */
  balancerState(instance: Instance): Promise<BalancerState | undefined>;
  /** Waits until HAProxy sees the instance in `state` (UP: ready and taking requests). */
  waitBalancer(instance: Instance, state: BalancerState, timeoutMs?: number): Promise<void>;
  /** Waits until HAProxy has at least `requests` in flight on the instance. */
  waitBusy(instance: Instance, requests: number, timeoutMs?: number): Promise<void>;
  /** Stops every process it started: instances and workers (SIGTERM), then the balancer. */
  stop(): Promise<void>;
};

async function runMigrations(env: NodeJS.ProcessEnv, logFile: string) {
  const migrate = spawnLogged(process.execPath, [cli, 'migrate', 'up'], env, logFile);
  const status = await migrate.exited;
  if (status !== 0) throw new Error(`migrate up failed (${status}); see ${logFile}`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const apis = options.apis ?? 2;
  const workerCount = options.workers ?? 1;
  const drainDelayMs = options.drainDelayMs ?? 3_000;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? drainDelayMs + 10_000;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const logDir = options.logDir ?? mkdtempSync(path.join(os.tmpdir(), 'taskflow-cluster-'));
  const lbPort = options.lbPort || (await freePort());
  const lbUrl = `http://127.0.0.1:${lbPort}`;
  const metricsToken = randomBytes(16).toString('hex');
  const adminSocket = path.join(logDir, 'haproxy.sock');
  const graceMs = shutdownTimeoutMs + 2_000;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PUBLIC_URL: lbUrl,
    TRUST_PROXY: '1',
    DRAIN_DELAY_MS: String(drainDelayMs),
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    DATABASE_URL: options.databaseUrl,
    METRICS_TOKEN: metricsToken,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };

  const instances: Instance[] = [];
  const workers: Member[] = [];
  let balancer: Spawned | undefined;

  // Names are never reused: a removed instance's log file stays its own.
  let named = 0;
  const newInstance = async (balanced: boolean, extraEnv: Record<string, string> = {}) => {
    const port = await freePort();
    named += 1;
    const name = `api${named}`;
    const url = `http://127.0.0.1:${port}`;
    const probe = readyProbe(`${url}/ready`);
    const instance = Object.assign(
      member({
        name,
        args: ['serve'],
        env: { ...env, ...extraEnv, PORT: String(port) },
        logFile: path.join(logDir, `${name}.log`),
        ready: probe.check,
        detail: probe.last,
        readyTimeoutMs,
        graceMs,
      }),
      { port, url, balanced },
    );
    instances.push(instance);
    await instance.start();
    return instance;
  };

  const cluster: Cluster = {
    lbUrl,
    logDir,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    metricsToken,
    drainDelayMs,
    shutdownTimeoutMs,
    instances,
    workers,
    async addInstance({ balanced = false, env: extraEnv } = {}) {
      const instance = await newInstance(balanced, extraEnv);
      if (balanced) await addServer(adminSocket, instance.name, `127.0.0.1:${instance.port}`);
      return instance;
    },
    async removeInstance(instance) {
      if (instance.balanced) throw new Error(`${instance.name} is one of HAProxy's servers`);
      const status = await instance.stop();
      const at = instances.indexOf(instance);
      if (at >= 0) instances.splice(at, 1);
      return status;
    },
    async balancerState(instance) {
      return (await serverStates(adminSocket)).get(instance.name);
    },
    async waitBalancer(instance, state, timeoutMs = 30_000) {
      if (!balancer) throw new Error('the balancer is not running');
      await waitFor(balancer, async () => (await cluster.balancerState(instance)) === state, {
        timeoutMs,
        what: `HAProxy seeing ${instance.name} ${state}`,
        logFile: path.join(logDir, 'haproxy.log'),
      });
    },
    async waitBusy(instance, requests, timeoutMs = 30_000) {
      if (!balancer) throw new Error('the balancer is not running');
      const sessions = async () =>
        (await serverStats(adminSocket)).get(instance.name)?.sessions ?? 0;
      await waitFor(balancer, async () => (await sessions()) >= requests, {
        timeoutMs,
        what: `${requests} requests in flight on ${instance.name}`,
        logFile: path.join(logDir, 'haproxy.log'),
      });
    },
    async stop() {
      await Promise.all([...instances, ...workers].map((m) => m.stop()));
      if (balancer) await stopProcess(balancer, 5_000);
    },
  };

  try {
    await runMigrations(env, path.join(logDir, 'migrate.log'));
    // One at a time: two instances starting at once compete for the same two cores.
    for (let i = 0; i < apis; i++) await newInstance(true);
    for (let i = 0; i < workerCount; i++) {
      const worker = member({
        name: `worker${i + 1}`,
        args: ['worker'],
        env,
        logFile: path.join(logDir, `worker${i + 1}.log`),
        ready: (spawned, from) =>
          logHas(path.join(logDir, `worker${i + 1}.log`), 'TaskFlow worker is running', from) &&
          spawned.alive(),
        readyTimeoutMs,
        graceMs,
      });
      workers.push(worker);
      await worker.start();
    }
    const servers = instances.map((instance) => `127.0.0.1:${instance.port}`);
    const lbEnv = balancerEnv({ servers, port: lbPort, adminSocket });
    const lbLog = path.join(logDir, 'haproxy.log');
    balancer = startBalancer(lbEnv, lbLog);
    const lbProbe = readyProbe(`${lbUrl}/ready`);
    await waitFor(balancer, lbProbe.check, {
      timeoutMs: readyTimeoutMs,
      what: 'the balancer answering /ready',
      logFile: lbLog,
      detail: lbProbe.last,
    });
    for (const [i, instance] of instances.entries()) {
      if (i >= CONFIGURED_SERVERS) {
        await addServer(adminSocket, instance.name, `127.0.0.1:${instance.port}`);
      }
      await cluster.waitBalancer(instance, 'UP');
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}
