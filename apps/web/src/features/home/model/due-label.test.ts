import { describe, expect, it } from 'vitest';
import { dueLabel } from './due-label.ts';

describe('dueLabel', () => {
  it('counts from the user’s today, across months', () => {
    expect(dueLabel('2026-03-10', '2026-03-10')).toBe('Due today');
    expect(dueLabel('2026-03-11', '2026-03-10')).toBe('Due tomorrow');
    expect(dueLabel('2026-03-09', '2026-03-10')).toBe('1 day overdue');
    expect(dueLabel('2026-02-27', '2026-03-02')).toBe('3 days overdue');
    expect(dueLabel('2026-04-01', '2026-03-10')).toBe('Due Apr 1');
  });

  it('says nothing of a task with no due date', () => {
    expect(dueLabel(null, '2026-03-10')).toBeNull();
  });
});
