import { describe, expect, it } from 'vitest';
import { aTask } from '../../../test/tasks.ts';
import { matchesQuery } from './task-match.ts';

const member = '22222222-2222-4222-8222-222222222222';
const task = aTask({
  title: 'Fix it',
  position: 'a0',
  status: 'in_progress',
  priority: 'high',
  labels: ['bug'],
  dueDate: '2026-03-10',
  assigneeId: member,
});

describe('matchesQuery', () => {
  it('tells from the task alone whether it belongs in a filtered list', () => {
    expect(matchesQuery(task, {})).toBe(true);
    expect(matchesQuery(task, { status: 'todo,in_progress', priority: 'high' })).toBe(true);
    expect(matchesQuery(task, { status: 'done' })).toBe(false);
    expect(matchesQuery(task, { label: 'bug' })).toBe(true);
    expect(matchesQuery(task, { label: 'docs' })).toBe(false);
    expect(matchesQuery(task, { dueBefore: '2026-03-11', dueAfter: '2026-03-09' })).toBe(true);
    // Inclusive at both ends: the task's own day is in either range.
    expect(matchesQuery(task, { dueBefore: '2026-03-10', dueAfter: '2026-03-10' })).toBe(true);
    expect(matchesQuery(task, { dueBefore: '2026-03-09' })).toBe(false);
    expect(matchesQuery(task, { dueAfter: '2026-03-11' })).toBe(false);
    expect(matchesQuery({ ...task, dueDate: null }, { dueAfter: '2026-01-01' })).toBe(false);
    expect(matchesQuery(task, { assignee: member })).toBe(true);
    expect(matchesQuery(task, { assignee: 'none' })).toBe(false);
  });

  it('cannot tell for a full-text search or for who “me” is, unless another filter rules it out', () => {
    expect(matchesQuery(task, { q: 'fix' })).toBeUndefined();
    expect(matchesQuery(task, { assignee: 'me' })).toBeUndefined();
    expect(matchesQuery({ ...task, assigneeId: null }, { assignee: 'me' })).toBe(false);
    expect(matchesQuery(task, { q: 'fix', status: 'done' })).toBe(false);
  });
});
