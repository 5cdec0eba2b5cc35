const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Made on first use: building a formatter loads locale data, costly at start-up on a slow phone.
let format: Intl.RelativeTimeFormat | undefined;

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": in the largest unit that fits. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      format ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return 'just now';
}
