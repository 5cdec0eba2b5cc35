/**
 * `npm run bench [-- --quick]`: runs the benchmarks one after another, each alone on the machine,
 * then writes docs/benchmarks.md from their sections (options: scripts/bench/lib/settings.ts).
 * Exits 1 when a scenario failed (no start, wrong first response, any non-2xx response or socket
 * error, a fan-out delivery missing, a start that never got ready); targets are reported, never
 * enforced.
 */
import { benchBalancer } from './bench/balancer/index.ts';
import { benchFanout } from './bench/fanout/index.ts';
import { benchHttp } from './bench/http/index.ts';
import { benchJobs } from './bench/jobs/index.ts';
import { stopAll } from './bench/lib/child.ts';
import { cleanUpAll } from './bench/lib/cleanups.ts';
import { type Section, writeReport } from './bench/lib/report.ts';
import { type RunInfo, readSettings, runInfo } from './bench/lib/settings.ts';
import { benchStartup } from './bench/startup/index.ts';
import { benchWrites } from './bench/writes/index.ts';

/** In the order they run and appear in the report; each returns nothing when BENCH_ONLY skips it. */
const benchmarks: ((info: RunInfo) => Promise<Section | undefined>)[] = [
  benchHttp,
  benchWrites,
  benchFanout,
  benchJobs,
  benchStartup,
  benchBalancer,
];

async function main(): Promise<number> {
  const info = runInfo(readSettings(process.argv.slice(2), process.env));
  const sections: Section[] = [];
  for (const bench of benchmarks) {
    const section = await bench(info);
    if (section) sections.push(section);
  }
  if (info.only) console.log('BENCH_ONLY is set: docs/benchmarks.md is left as it was');
  else writeReport(info, sections);
  const failures = sections.flatMap((s) => s.failures);
  if (failures.length > 0) console.error(`Failed scenarios: ${failures.join(', ')}`);
  return failures.length > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll()
      .then(cleanUpAll)
      .finally(() => process.exit(130));
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
