/**
 * `npm run cluster`: the production topology on this machine, in the foreground — migrations,
 * API instances, job workers and HAProxy (deploy/haproxy/haproxy.cfg) in front — until Ctrl-C
 * or SIGTERM, which stop every process it started.
 *
 *   DATABASE_URL     PostgreSQL (default: database `taskflow_cluster` on 127.0.0.1:5432, created
 *                    when missing)
 *   REDIS_URL        default redis://127.0.0.1:6379
 *   CLUSTER_APIS     API instances (2), CLUSTER_WORKERS job workers (1), LB_PORT (8080)
 *   DRAIN_DELAY_MS   how long a stopping instance keeps serving (3000)
 * The same as flags: --apis 3 --workers 2 --lb-port 8081. Other TaskFlow settings in the
 * environment (LOG_LEVEL, RATE_LIMIT_MAX…) reach every process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDatabase } from './cluster/database.ts';
import { startCluster } from './cluster/topology.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const webBuild = path.resolve(import.meta.dirname, '../apps/web/dist/index.html');

function integer(name: string, raw: string | undefined, fallback: number, [min, max]: number[]) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (min ?? 0) || value > (max ?? 0)) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

async function main() {
  const { values } = parseArgs({
    options: {
      apis: { type: 'string' },
      workers: { type: 'string' },
      'lb-port': { type: 'string' },
    },
  });
  const env = process.env;
  const apis = integer('CLUSTER_APIS', values.apis ?? env.CLUSTER_APIS, 2, [1, 20]);
  const workers = integer('CLUSTER_WORKERS', values.workers ?? env.CLUSTER_WORKERS, 1, [0, 20]);
  const lbPort = integer('LB_PORT', values['lb-port'] ?? env.LB_PORT, 8080, [1, 65_535]);
  const drainDelayMs = integer('DRAIN_DELAY_MS', env.DRAIN_DELAY_MS, 3_000, [0, 300_000]);
  const databaseUrl =
    env.DATABASE_URL || (await ensureDatabase(DEFAULT_SERVER, 'taskflow_cluster'));
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';

  console.log(`Starting ${apis} API instance(s), ${workers} worker(s) and HAProxy…`);
  const cluster = await startCluster({
    apis,
    workers,
    databaseUrl,
    redisUrl,
    lbPort,
    drainDelayMs,
  });
  console.log(`Logs: ${cluster.logDir}`);
  for (const instance of cluster.instances) {
    console.log(`  ${instance.name}  ${instance.url}  pid ${instance.pid}`);
  }
  for (const worker of cluster.workers) console.log(`  ${worker.name}  pid ${worker.pid}`);
  console.log(`Metrics token: ${cluster.metricsToken}`);
  if (!env.WEB_DIST_DIR && !existsSync(webBuild))
    console.log('The web app is not built (npm run build): API only.');
  console.log(`TaskFlow is served through HAProxy on ${cluster.lbUrl} (Ctrl-C stops the cluster)`);

  let stopping = false;
  for (const m of [...cluster.instances, ...cluster.workers]) {
    m.exited.then((status) => {
      if (!stopping) console.error(`${m.name} exited (${status}); its log: ${m.logFile}`);
    });
  }
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the cluster…`);
    await cluster.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  console.error(`cluster: ${(error as Error).message}`);
  process.exit(1);
}
