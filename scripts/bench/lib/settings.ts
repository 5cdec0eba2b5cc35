/**
 * The options of `npm run bench`:
 *   BENCH_DURATION=<seconds>   the measured duration of each load round (default 5)
 *   BENCH_STARTUP_RUNS=<n>     the cold starts of each kind (default 5)
 *   BENCH_ONLY=<regex>         only the scenarios whose id matches (`fanout`: the fan-out ones,
 *                              `jobs`, `startup`, `balancer`), and no report written
 *   --quick                    the smallest run that fills every table (1 round of 1 s, no
 *                              warm-up, 1 start of each kind, few subscribers and jobs): it checks
 *                              that every benchmark runs, its figures mean nothing
 */
import os from 'node:os';

export type Settings = {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  startupRuns: number;
  quick: boolean;
  only?: RegExp;
};

/** The settings and the machine, as the report's first line states them. */
export type RunInfo = Settings & { date: string; node: string; cpu: string; cores: number };

function positive(name: string, raw: string | undefined, fallback: number, whole: boolean) {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  const ok = whole ? Number.isInteger(n) && n >= 1 : Number.isFinite(n) && n > 0;
  if (!ok) {
    const what = whole ? 'a positive whole number' : 'a positive number of seconds';
    throw new Error(`${name} must be ${what}, got "${raw}"`);
  }
  return n;
}

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): Settings {
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (only --quick)`);
  const quick = argv.includes('--quick');
  return {
    connections: quick ? 10 : 50,
    warmupSeconds: quick ? 0 : 3,
    durationSeconds: positive('BENCH_DURATION', env.BENCH_DURATION, quick ? 1 : 5, false),
    rounds: quick ? 1 : 3,
    startupRuns: positive('BENCH_STARTUP_RUNS', env.BENCH_STARTUP_RUNS, quick ? 1 : 5, true),
    quick,
    ...(env.BENCH_ONLY ? { only: new RegExp(env.BENCH_ONLY) } : {}),
  };
}

export function runInfo(settings: Settings): RunInfo {
  const cpus = os.cpus();
  return {
    ...settings,
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
  };
}

/** Whether a scenario runs under BENCH_ONLY. */
export const selected = (settings: Settings, id: string) =>
  !settings.only || settings.only.test(id);
