import { InvalidArgumentError, Option } from 'commander';

/** `--json`: the command's answer as one JSON document on stdout, for scripts. */
export const jsonOption = () =>
  new Option('--json', 'print one JSON document on stdout (for scripts) instead of tables');

/** A whole number in [min, max], for commander (a bad one exits 1 naming the option). */
export const integer = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

const units = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const MAX_DURATION_MS = 3_650 * units.d;

/** `7d`, `12h`, `30m`, `45s`, or several at once (`1d12h`), in milliseconds. */
export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase();
  if (!/^(\d+[dhms])+$/.test(text))
    throw new InvalidArgumentError('expected a duration such as 7d, 12h or 30m (units d, h, m, s)');
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([dhms])/g))
    ms += Number(n) * units[unit as keyof typeof units];
  if (ms > MAX_DURATION_MS) throw new InvalidArgumentError('expected at most 3650d');
  return ms;
}

/** An IANA time zone the runtime knows (`Europe/Paris`, `UTC`). */
export function parseTimeZone(value: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidArgumentError('expected an IANA time zone such as UTC or Europe/Paris');
  }
}

/** `--tz`: the zone whose midnight starts "today" (the machine's own by default). */
export const timeZoneOption = () =>
  new Option('--tz <zone>', 'time zone of "today"')
    .default(Intl.DateTimeFormat().resolvedOptions().timeZone)
    .argParser(parseTimeZone);

/** Milliseconds as the largest whole units: 129_600_000 → `1d12h`. */
export function formatDuration(ms: number): string {
  let left = Math.round(ms / 1_000) * 1_000;
  let text = '';
  for (const [unit, size] of Object.entries(units)) {
    const n = Math.floor(left / size);
    if (n > 0) text += `${n}${unit}`;
    left -= n * size;
  }
  return text || '0s';
}
