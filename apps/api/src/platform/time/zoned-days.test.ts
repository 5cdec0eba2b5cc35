import { describe, expect, it } from 'vitest';
import { addDays, localDate, recentDays, startOfDay } from './zoned-days.ts';

const at = (iso: string) => Date.parse(iso);

describe('zoned days', () => {
  it('the local date depends on the zone', () => {
    const instant = at('2026-12-02T23:30:00Z');
    expect(localDate('UTC', instant)).toBe('2026-12-02');
    expect(localDate('Europe/Paris', instant)).toBe('2026-12-03');
    expect(localDate('America/Los_Angeles', instant)).toBe('2026-12-02');
    expect(localDate('Pacific/Kiritimati', at('2026-12-02T10:00:00Z'))).toBe('2026-12-03');
  });

  it('midnight moves with daylight saving time', () => {
    expect(new Date(startOfDay('Europe/Paris', '2026-03-29')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfDay('Europe/Paris', '2026-03-30')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(new Date(startOfDay('America/New_York', '2026-11-01')).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(new Date(startOfDay('America/New_York', '2026-11-02')).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    expect(new Date(startOfDay('Asia/Kolkata', '2026-06-01')).toISOString()).toBe(
      '2026-05-31T18:30:00.000Z',
    );
  });

  it('days add across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('the recent days end today, oldest first, each beginning where the previous ends', () => {
    const { today, days, end } = recentDays('Europe/Paris', at('2026-03-30T12:00:00Z'), 3);
    expect(today).toBe('2026-03-30');
    expect(days.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    // 29 March has 23 hours in Paris.
    const [first, second, third] = days.map((d) => d.start.getTime());
    expect(((second ?? 0) - (first ?? 0)) / 3_600_000).toBe(24);
    expect(((third ?? 0) - (second ?? 0)) / 3_600_000).toBe(23);
    expect(end.toISOString()).toBe('2026-03-30T22:00:00.000Z');
  });
});
