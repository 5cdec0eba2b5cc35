/**
 * `npm run bench`: measures each scenario of scripts/bench/scenarios.ts, one after another,
 * each server in its own child process and autocannon in this one, then writes
 * docs/benchmarks.md. Exits 1 when a scenario failed (no start, wrong first response, any
 * non-2xx response or socket error); the throughput target is reported, never enforced.
 *
 * BENCH_DURATION=<seconds> overrides the measured duration (default 10) for quick runs.
 */
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startChild, stopAll, stopChild, waitReady } from './bench/child.ts';
import { measure } from './bench/load.ts';
import { failed, type Outcome, type RunInfo, renderReport } from './bench/report.ts';
import { type Scenario, scenarios } from './bench/scenarios.ts';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const reportPath = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

function measuredSeconds(): number {
  const raw = process.env.BENCH_DURATION;
  if (raw === undefined || raw === '') return 10;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`BENCH_DURATION must be a positive number of seconds, got "${raw}"`);
  }
  return seconds;
}

/** Checks the first response: 200 and the expected JSON body. */
async function verifyFirstResponse(scenario: Scenario, url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status !== 200 || !scenario.expect(body)) {
    throw new Error(`first response was ${response.status} ${text.slice(0, 200)}`);
  }
}

async function run(scenario: Scenario, info: RunInfo): Promise<Outcome> {
  const port = await freePort();
  const launch = scenario.launch(port);
  const child = startChild(launch.args, launch.env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, base + scenario.readyPath, scenario.readyTimeoutMs);
    await verifyFirstResponse(scenario, base + scenario.path);
    const figures = await measure({
      url: base + scenario.path,
      connections: info.connections,
      warmupSeconds: info.warmupSeconds,
      durationSeconds: info.durationSeconds,
    });
    return { scenario, figures };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ${scenario.id} failed: ${message}\n  server output:\n${child.output()}`);
    return { scenario, error: message };
  } finally {
    await stopChild(child.process);
    for (const dir of launch.cleanup ?? []) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const cpus = os.cpus();
  const info: RunInfo = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    durationSeconds: measuredSeconds(),
  };
  const outcomes: Outcome[] = [];
  for (const scenario of scenarios) {
    console.log(`${scenario.name}: ${info.warmupSeconds} s warm-up, ${info.durationSeconds} s run`);
    const outcome = await run(scenario, info);
    const f = outcome.figures;
    if (f) {
      console.log(
        `  ${Math.round(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms,` +
          ` ${f.totalRequests} requests, ${f.non2xx} non-2xx, ${f.errors} errors`,
      );
    }
    outcomes.push(outcome);
  }
  writeFileSync(reportPath, renderReport(info, outcomes));
  console.log(`Wrote ${path.relative(process.cwd(), reportPath)}`);
  const failures = outcomes.filter(failed).map((o) => o.scenario.id);
  if (failures.length > 0) console.error(`Failed scenarios: ${failures.join(', ')}`);
  return failures.length > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
