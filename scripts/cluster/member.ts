/**
 * One `taskflow serve` or `taskflow worker` process of a local cluster: started on Node 24 (the
 * Node running this script), logged to its file, waited on until ready, restartable with the
 * same settings (an instance keeps its port, so the balancer finds it again).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { type Spawned, spawnLogged, stopProcess, waitFor } from './processes.ts';

/** TaskFlow's command line. */
export const cli = path.resolve(import.meta.dirname, '../../apps/api/src/cli/main.ts');

/** One `taskflow serve` or `taskflow worker` process, restartable on the same port. */
export type Member = {
  readonly name: string;
  readonly logFile: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  /** The exit status of the current process (128 + signal number when a signal ended it). */
  readonly exited: Promise<number>;
  kill(signal?: NodeJS.Signals): void;
  /** Stops the process if it still runs (SIGTERM), starts it again and waits until ready. */
  restart(): Promise<void>;
  waitReady(): Promise<void>;
  /** SIGTERM, SIGKILL after the shutdown timeout; resolves with the exit status. */
  stop(): Promise<number>;
};

type MemberSpec = {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  ready: (spawned: Spawned, logFrom: number) => Promise<boolean> | boolean;
  /** What the last readiness check saw. */
  detail?: () => string;
  readyTimeoutMs: number;
  graceMs: number;
};

export function member(spec: MemberSpec): Member & { start(): Promise<void> } {
  let current: Spawned | undefined;
  let logFrom = 0;
  const started = () => {
    if (!current) throw new Error(`${spec.name} was never started`);
    return current;
  };
  const logSize = () => {
    try {
      return statSync(spec.logFile).size;
    } catch {
      return 0;
    }
  };
  const self = {
    name: spec.name,
    logFile: spec.logFile,
    get pid() {
      return current?.child.pid;
    },
    get running() {
      return current?.alive() ?? false;
    },
    get exited() {
      return started().exited;
    },
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      started().child.kill(signal);
    },
    async waitReady() {
      const spawned = started();
      await waitFor(spawned, () => spec.ready(spawned, logFrom), {
        timeoutMs: spec.readyTimeoutMs,
        what: `${spec.name} ready`,
        logFile: spec.logFile,
        ...(spec.detail ? { detail: spec.detail } : {}),
      });
    },
    async start() {
      logFrom = logSize();
      current = spawnLogged(process.execPath, [cli, ...spec.args], spec.env, spec.logFile);
      await self.waitReady();
    },
    async stop() {
      return current ? stopProcess(current, spec.graceMs) : 0;
    },
    async restart() {
      await self.stop();
      await self.start();
    },
  };
  return self;
}
