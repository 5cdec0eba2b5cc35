import { describe, expect, it } from 'vitest';
import { dayLabel, formatMs, formatUptime } from './format.ts';

describe('format', () => {
  it('says an uptime in its largest units', () => {
    expect([0, 59, 60, 3599, 3600 + 5 * 60, 2 * 86_400 + 4 * 3600].map(formatUptime)).toEqual([
      '0 s',
      '59 s',
      '1 min',
      '59 min',
      '1 h 5 min',
      '2 d 4 h',
    ]);
  });

  it('rounds latencies to what matters', () => {
    expect([0.42, 9.96, 12.4].map(formatMs)).toEqual(['0.4 ms', '10.0 ms', '12 ms']);
  });

  it('labels a day of the series as that calendar day, whatever the browser’s zone', () => {
    expect(dayLabel('2026-12-02')).toMatch(/Dec\w* 2|2 Dec/);
    expect(dayLabel('2026-01-31')).toMatch(/Jan\w* 31|31 Jan/);
    expect(dayLabel('not a date')).toBe('not a date');
  });
});
