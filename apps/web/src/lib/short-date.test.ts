import { describe, expect, it } from 'vitest';
import { shortDate } from './short-date.ts';

describe('shortDate', () => {
  it.each([
    ['2026-01-01', 'Jan 1'],
    ['2026-02-28', 'Feb 28'],
    ['2024-02-29', 'Feb 29'],
    ['2026-09-09', 'Sep 9'],
    ['2026-12-31', 'Dec 31'],
  ])('writes %s as %s, as Intl does in English', (date, expected) => {
    expect(shortDate(date)).toBe(expected);
    const intl = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    expect(shortDate(date)).toBe(intl.format(new Date(`${date}T00:00:00Z`)));
  });

  it('refuses what is not a date', () => {
    expect(() => shortDate('2026-13-01')).toThrow(RangeError);
    expect(() => shortDate('soon')).toThrow(RangeError);
  });
});
