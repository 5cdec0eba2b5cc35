/**
 * Calendar days in a time zone, as UTC instants: "today" and the days before it begin at local
 * midnight, which moves with daylight saving time. Built on Intl, so any IANA zone the runtime
 * knows works, independently of the database's own zone data.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of `instant` in the zone. */
function wallClock(timeZone: string, instant: number) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local date of `instant` in the zone, `YYYY-MM-DD`. */
export function localDate(timeZone: string, instant: number): string {
  const w = wallClock(timeZone, instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant local midnight begins `date` (`YYYY-MM-DD`) in the zone. */
export function startOfDay(timeZone: string, date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  // The offset at a first guess, then at the corrected instant (they differ across a DST change).
  const guess = midnightUtc - offsetAt(timeZone, midnightUtc);
  return midnightUtc - offsetAt(timeZone, guess);
}

/** The local date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The last `count` local days up to today, oldest first, each with the instant it starts, plus
 * the instant tomorrow starts (the end of today).
 */
export function recentDays(timeZone: string, now: number, count: number) {
  const today = localDate(timeZone, now);
  const days = Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i - count + 1);
    return { date, start: new Date(startOfDay(timeZone, date)) };
  });
  return { today, days, end: new Date(startOfDay(timeZone, addDays(today, 1))) };
}
