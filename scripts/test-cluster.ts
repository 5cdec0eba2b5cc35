/**
 * `npm run test:cluster`: the chaos scenarios (scripts/cluster/scenarios.ts) on the production
 * topology — 2 API instances, 1 job worker, HAProxy — started on this machine in a new database
 * `taskflow_cluster_<random>` of the PostgreSQL server at TEST_DATABASE_URL (dropped at the end),
 * with a Redis of its own (a `redis-server` child on a free port, which the Redis outage
 * scenario stops and starts again), under the writes of 50 clients.
 *
 *   npm run test:cluster               every scenario
 *   npm run test:cluster -- kill       only the scenarios named (kill, rolling, redis, pool,
 *                                      revoke, stream, half-sent)
 *
 * Prints each scenario's figures, then "N passed, N failed"; exits 1 when one failed. The log
 * files of every process are kept, and their directory printed, when something failed.
 * TEST_CLUSTER_TIMEOUT_MS bounds the whole run (300000).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signUpClients } from './cluster/accounts.ts';
import { createScratchDatabase, dropDatabase } from './cluster/database.ts';
import { haproxyBinary } from './cluster/haproxy.ts';
import { connectionErrors, serverErrors, type Tally } from './cluster/load.ts';
import { type RedisServer, redisServerBinary, startRedis } from './cluster/redis.ts';
import { ACCOUNT_SIGN_IN_LIMIT } from './cluster/scenario-redis.ts';
import { heal, type Outcome, scenarios } from './cluster/scenarios.ts';
import { type Cluster, startCluster } from './cluster/topology.ts';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const timeoutMs = Number(process.env.TEST_CLUSTER_TIMEOUT_MS ?? 300_000);
const CLIENTS = 50;

const runId = randomBytes(3).toString('hex');
const redisPrefix = `taskflow-cluster-${runId}:`;
const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${seconds(started).padStart(7)}] ${line}`);

const only = process.argv.slice(2);
const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(
    `test:cluster: no scenario ${unknown.join(', ')} (${scenarios.map((s) => s.name).join(', ')})`,
  );
  process.exit(2);
}
const selected = scenarios.filter((s) => only.length === 0 || only.includes(s.name));
if (!haproxyBinary()) {
  console.error('test:cluster: HAProxy is not installed (apt-get install -y haproxy)');
  process.exit(1);
}
if (!redisServerBinary()) {
  console.error('test:cluster: redis-server is not installed (apt-get install -y redis-server)');
  process.exit(1);
}

const tally = ({ statuses, connectionErrors: errors }: Tally) =>
  JSON.stringify({ ...statuses, ...errors });

function figures({ report, verdict, figures: measured }: Outcome): string[] {
  if (!report || !verdict) return measured;
  return [
    ...measured,
    `${verdict.acknowledged} writes acknowledged in ${(report.durationMs / 1000).toFixed(1)} s by ${report.clients} clients; ${verdict.lost} lost, ${verdict.duplicated} duplicated`,
    `${serverErrors(report)} responses 5xx, ${connectionErrors(report)} connection errors; ${report.rejected} rejected (4xx), ${report.unfinished} unfinished, ${verdict.unacknowledgedStored} stored unacknowledged`,
    `first attempts ${tally(report.first)}; retries ${tally(report.retries)}`,
    ...report.incidents.map((incident) => `failed attempt ${incident}`),
    ...verdict.examples.lost.map((title) => `lost: ${title}`),
    ...verdict.examples.duplicated.map((title) => `duplicated: ${title}`),
  ];
}

const logDir = mkdtempSync(path.join(os.tmpdir(), 'taskflow-cluster-'));
let cluster: Cluster | undefined;
let redis: RedisServer | undefined;
let database: { name: string; url: string } | undefined;
let passed = 0;
let failed = 0;

async function cleanUp() {
  await cluster?.stop();
  await redis?.stop();
  if (database) await dropDatabase(serverUrl, database.name);
}

/** Stops what the run started (processes, database) when it cannot finish normally. */
async function abort(reason: string): Promise<never> {
  console.error(`test:cluster: ${reason}`);
  console.error(`logs kept in ${logDir}`);
  await Promise.race([cleanUp().catch(() => undefined), sleep(20_000)]);
  process.exit(1);
}

const deadline = setTimeout(() => abort(`not finished after ${timeoutMs / 1000} s`), timeoutMs);
process.once('SIGINT', () => abort('interrupted (SIGINT)'));
process.once('SIGTERM', () => abort('stopped (SIGTERM)'));

try {
  database = await createScratchDatabase(serverUrl, 'taskflow_cluster');
  redis = await startRedis({ logFile: path.join(logDir, 'redis.log') });
  log(
    `database ${database.name}, Redis on port ${redis.port}; starting 2 API instances, 1 worker and HAProxy`,
  );
  cluster = await startCluster({
    apis: 2,
    workers: 1,
    databaseUrl: database.url,
    redisUrl: redis.url,
    logDir,
    env: {
      // 50 clients share one address: the per-IP limits would answer 429 to the load itself.
      AUTH_IP_RATE_LIMIT: '100000',
      RATE_LIMIT_MAX: '1000000',
      // Per account (email), what a brute force meets; each user spends 2 signing up.
      AUTH_ACCOUNT_RATE_LIMIT: String(ACCOUNT_SIGN_IN_LIMIT),
      // Every key of the run under one prefix: the outage scenario looks for them.
      REDIS_KEY_PREFIX: redisPrefix,
    },
  });
  log(`balancer ${cluster.lbUrl}; logs in ${logDir}`);
  const clients = await signUpClients({
    baseUrl: cluster.lbUrl,
    databaseUrl: database.url,
    clients: CLIENTS,
    label: runId,
  });
  log(`${clients.length} clients signed in`);

  for (const scenario of selected) {
    const scenarioStart = Date.now();
    log(`${scenario.name}: ${scenario.description}`);
    let failures: string[];
    try {
      await heal(cluster);
      const outcome = await scenario.run({ cluster, clients, redis, redisPrefix, runId, log });
      for (const line of figures(outcome)) log(`  ${line}`);
      failures = outcome.failures;
    } catch (error) {
      failures = [(error as Error).stack ?? String(error)];
    }
    if (failures.length === 0) {
      passed += 1;
      log(`✓ ${scenario.name} (${seconds(scenarioStart)})`);
    } else {
      failed += 1;
      log(`✗ ${scenario.name} (${seconds(scenarioStart)})`);
      for (const failure of failures) log(`    ${failure}`);
    }
  }
} catch (error) {
  failed += 1;
  log(`the cluster could not be set up: ${(error as Error).message}`);
} finally {
  await cleanUp().catch((error: Error) => log(`clean-up failed: ${error.message}`));
  clearTimeout(deadline);
}

if (failed === 0) rmSync(logDir, { recursive: true, force: true });
else console.log(`logs kept in ${logDir}`);
console.log(`test:cluster: ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
