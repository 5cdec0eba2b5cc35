/*
 * Calendar dates for quick add. Arithmetic is on civil dates (a UTC midnight standing for a day
 * on the wall calendar), never on instants: a day is a day whatever the zone's clocks do, so
 * daylight-saving changes cannot move a date. Only "today" needs the zone, through Intl.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Abbreviations people type, besides the full names. */
const WEEKDAY_SHORT: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};

const MONTH_SHORT: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const DAY_MS = 86_400_000;

/** A civil date as milliseconds of its UTC midnight. */
type Day = number;

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDay(day: Day): string {
  const date = new Date(day);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** One formatter per zone: making one costs far more than using it, and a line is read per key. */
const calendars = new Map<string, Intl.DateTimeFormat>();

function calendarIn(timeZone: string): Intl.DateTimeFormat {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

/** The date on the wall calendar of `timeZone` at the instant `now`. */
export function todayIn(now: Date, timeZone: string): Day {
  const parts = calendarIn(timeZone).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}

const addDays = (day: Day, days: number): Day => day + days * DAY_MS;
const weekdayOf = (day: Day) => new Date(day).getUTCDay();

/** A real date (no 30 February), or undefined. */
function civil(year: number, month: number, date: number): Day | undefined {
  const day = Date.UTC(year, month, date);
  const back = new Date(day);
  return back.getUTCMonth() === month &&
    back.getUTCDate() === date &&
    back.getUTCFullYear() === year
    ? day
    : undefined;
}

export function weekdayIndex(word: string): number | undefined {
  const lower = word.toLowerCase();
  const full = WEEKDAYS.indexOf(lower);
  return full >= 0 ? full : WEEKDAY_SHORT[lower];
}

export function monthIndex(word: string): number | undefined {
  const lower = word.toLowerCase();
  const full = MONTHS.indexOf(lower as (typeof MONTHS)[number]);
  return full >= 0 ? full : MONTH_SHORT[lower];
}

/** "12", "12th", "1st": a day of the month, 1–31. */
export function dayOfMonth(word: string): number | undefined {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word);
  const value = match ? Number(match[1]) : 0;
  return value >= 1 && value <= 31 ? value : undefined;
}

/** The next such weekday after today: "fri" on a Friday is a week away, not today. */
export function nextWeekday(today: Day, weekday: number): Day {
  return addDays(today, ((weekday - weekdayOf(today) + 6) % 7) + 1);
}

/** "next week": the Monday that starts the coming week (weeks start on Monday, as in ISO 8601). */
export function nextMonday(today: Day): Day {
  return nextWeekday(today, 1);
}

/** "next fri": that weekday in the coming week (Monday to Sunday). */
export function weekdayNextWeek(today: Day, weekday: number): Day {
  return addDays(nextMonday(today), (weekday + 6) % 7);
}

export const relativeDay = (today: Day, days: number) => addDays(today, days);

/**
 * The next 12 December (today counts), rolling to next year once past; 29 February rolls to the
 * next leap year. Undefined for a date no year has (31 April).
 */
export function nextMonthDay(today: Day, month: number, date: number): Day | undefined {
  const year = new Date(today).getUTCFullYear();
  for (let offset = 0; offset <= 8; offset += 1) {
    const day = civil(year + offset, month, date);
    if (day !== undefined && day >= today) return day;
  }
  return undefined;
}

/** `2026-12-24`, a real date; undefined otherwise. */
export function isoDay(word: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  if (!match) return undefined;
  return civil(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
