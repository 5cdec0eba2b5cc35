import { describe, expect, it } from 'vitest';
import { daysLeft } from './days-left.ts';

const now = Date.parse('2026-03-10T12:00:00Z');
const inHours = (hours: number) => new Date(now + hours * 3_600_000).toISOString();

describe('daysLeft', () => {
  it('counts whole days left before the task is purged', () => {
    expect(daysLeft(inHours(30 * 24), now)).toBe('30 days left');
    expect(daysLeft(inHours(30 * 24 - 0.01), now)).toBe('30 days left');
    expect(daysLeft(inHours(2 * 24 + 5), now)).toBe('3 days left');
    expect(daysLeft(inHours(24), now)).toBe('1 day left');
  });

  it('says when less than a day is left, or none', () => {
    expect(daysLeft(inHours(23), now)).toBe('Less than a day left');
    expect(daysLeft(inHours(-1), now)).toBe('Less than a day left');
  });
});
