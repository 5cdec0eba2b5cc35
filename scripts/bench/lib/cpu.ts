/**
 * CPU time, read from /proc (Linux): of a process (user + system) and of the whole machine (busy,
 * every core), to say during a measurement who used the cores. Elsewhere every reading is 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: the unit of the CPU times in /proc. */
const TICKS_PER_SECOND = 100;

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
const statFields = (pid: number) => read(`/proc/${pid}/stat`)?.split(') ')[1]?.split(' ') ?? [];

/** CPU seconds a process has used so far (0 once it is gone). */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // After ") ": state is field 0, utime field 11, stime field 12.
  const fields = statFields(pid);
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND;
}

/** Busy CPU seconds of the machine so far, summed over its cores (all but idle and iowait). */
export function machineBusySeconds(): number {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  const [, ...values] = line.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (total - idle) / TICKS_PER_SECOND;
}

/** The children of this process running `command` (as /proc/<pid>/comm names it). */
export function childPids(command: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter(
      (pid) =>
        statFields(pid)[1] === String(process.pid) && read(`/proc/${pid}/comm`)?.trim() === command,
    );
}

/** This process's CPU seconds so far (the load generator runs in it). */
export const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
