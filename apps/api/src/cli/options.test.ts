import { describe, expect, it } from 'vitest';
import { formatDuration, integer, parseDuration, parseTimeZone } from './options.ts';
import { createProgress } from './progress.ts';

describe('CLI option parsers', () => {
  it('reads durations in days, hours, minutes and seconds, and refuses anything else', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
    expect(parseDuration('0m')).toBe(0);
    for (const bad of ['', '7', 'd', '7x', '-1d', '1.5h', '7 d', '9999d'])
      expect(() => parseDuration(bad), bad).toThrow(/expected/);
    expect(formatDuration(36 * 3_600_000)).toBe('1d12h');
    expect(formatDuration(0)).toBe('0s');
  });

  it('reads whole numbers within bounds and known time zones', () => {
    expect(integer(1, 100)('5')).toBe(5);
    for (const bad of ['0', '101', '2.5', 'five', ''])
      expect(() => integer(1, 100)(bad), bad).toThrow(/whole number from 1 to 100/);
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(() => parseTimeZone('Mars/Base')).toThrow(/IANA time zone/);
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, columns: 80, written, write: (s: string) => written.push(s) > 0 };
  };

  it('redraws one line in place on a terminal', () => {
    const tty = stream(true);
    const progress = createProgress('seeding', 300, tty);
    for (let done = 50; done <= 300; done += 50) progress.update(done);
    progress.finish();
    expect(tty.written).toHaveLength(7);
    expect(tty.written.slice(0, -1).every((s) => s.startsWith('\r\x1b[K'))).toBe(true);
    expect(tty.written.at(-2)).toContain('300/300 100%');
    expect(tty.written.at(-1)).toBe('\n');
  });

  it('elsewhere writes a plain line at each quarter only', () => {
    const pipe = stream(false);
    const progress = createProgress('seeding', 300, pipe);
    for (let done = 10; done <= 300; done += 10) progress.update(done);
    progress.finish();
    expect(pipe.written).toEqual([
      'seeding: 10/300 (3%)\n',
      'seeding: 80/300 (26%)\n',
      'seeding: 150/300 (50%)\n',
      'seeding: 230/300 (76%)\n',
      'seeding: 300/300 (100%)\n',
    ]);
  });
});
