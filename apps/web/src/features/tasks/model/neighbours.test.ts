import { describe, expect, it } from 'vitest';
import { placementIn, planDrop, sameOrder } from './neighbours.ts';

describe('placementIn', () => {
  it('places a task after the one now above it', () => {
    expect(placementIn(['a', 'b', 'moved', 'c'], 'moved')).toEqual({ afterId: 'b' });
    expect(placementIn(['a', 'b', 'moved'], 'moved')).toEqual({ afterId: 'b' });
  });

  it('places a task dropped at the top before the one now below it', () => {
    expect(placementIn(['moved', 'a', 'b'], 'moved')).toEqual({ beforeId: 'a' });
  });

  it('gives no neighbour in an otherwise empty list', () => {
    expect(placementIn(['moved'], 'moved')).toEqual({});
  });

  it('refuses a list the task is not in', () => {
    expect(() => placementIn(['a'], 'moved')).toThrow(/not in the list/);
  });
});

describe('sameOrder', () => {
  it('tells a drop back in place from a real move', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a', 'b'], ['a'])).toBe(false);
  });
});

describe('planDrop', () => {
  const column = ['a', 'b', 'c'];
  const within = { fromStatus: 'todo', toStatus: 'todo', ids: column, below: false } as const;

  it('reorders within a list, taking the place of the task dropped on', () => {
    expect(planDrop({ ...within, taskId: 'a', overId: 'c' })).toEqual({ afterId: 'c' });
    expect(planDrop({ ...within, taskId: 'c', overId: 'a' })).toEqual({ beforeId: 'a' });
    expect(planDrop({ ...within, taskId: 'c', overId: 'b' })).toEqual({ afterId: 'a' });
  });

  it('sends nothing for a drop back in place', () => {
    expect(planDrop({ ...within, taskId: 'b', overId: 'b' })).toBeNull();
    expect(planDrop({ ...within, taskId: 'c', overId: null })).toBeNull();
  });

  it('moves to another column above or below the card dropped on', () => {
    const across = { taskId: 'x', fromStatus: 'todo', toStatus: 'done', ids: column } as const;
    expect(planDrop({ ...across, overId: 'b', below: false })).toEqual({
      status: 'done',
      afterId: 'a',
    });
    expect(planDrop({ ...across, overId: 'a', below: false })).toEqual({
      status: 'done',
      beforeId: 'a',
    });
    expect(planDrop({ ...across, overId: 'c', below: true })).toEqual({
      status: 'done',
      afterId: 'c',
    });
  });

  it('moves to the end of a column dropped on its empty space, or into an empty column', () => {
    const across = {
      taskId: 'x',
      fromStatus: 'todo',
      toStatus: 'done',
      overId: null,
      below: false,
    } as const;
    expect(planDrop({ ...across, ids: column })).toEqual({ status: 'done', afterId: 'c' });
    expect(planDrop({ ...across, ids: [] })).toEqual({ status: 'done' });
  });
});
