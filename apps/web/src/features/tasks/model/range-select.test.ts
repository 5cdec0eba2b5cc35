import { describe, expect, it } from 'vitest';
import { tickedShare, tickTasks } from './range-select.ts';

const order = ['a', 'b', 'c', 'd', 'e'];
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('tickTasks', () => {
  it('ticks or unticks only the task clicked without Shift', () => {
    const after = tickTasks(new Set(['a']), order, {
      id: 'c',
      on: true,
      shift: false,
      anchor: 'a',
    });
    expect(sorted(after)).toEqual(['a', 'c']);
    const off = tickTasks(after, order, { id: 'a', on: false, shift: false, anchor: 'c' });
    expect(sorted(off)).toEqual(['c']);
  });

  it('ticks every task between the anchor and the one Shift-clicked, either way', () => {
    const down = tickTasks(new Set(['b']), order, { id: 'd', on: true, shift: true, anchor: 'b' });
    expect(sorted(down)).toEqual(['b', 'c', 'd']);
    const up = tickTasks(new Set(['e']), order, { id: 'b', on: true, shift: true, anchor: 'e' });
    expect(sorted(up)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('unticks a range the same way, leaving the rest', () => {
    const all = new Set(order);
    const after = tickTasks(all, order, { id: 'b', on: false, shift: true, anchor: 'd' });
    expect(sorted(after)).toEqual(['a', 'e']);
  });

  it('falls back to one task when there is no anchor or it left the list', () => {
    const none = tickTasks(new Set(), order, { id: 'c', on: true, shift: true, anchor: null });
    expect(sorted(none)).toEqual(['c']);
    const gone = tickTasks(new Set(), order, { id: 'c', on: true, shift: true, anchor: 'zz' });
    expect(sorted(gone)).toEqual(['c']);
  });

  it('leaves the set it was given as it was', () => {
    const before = new Set(['a']);
    tickTasks(before, order, { id: 'b', on: true, shift: false, anchor: null });
    expect(sorted(before)).toEqual(['a']);
  });
});

describe('tickedShare', () => {
  it('says none, some or all of the list', () => {
    expect(tickedShare(new Set(), order)).toBe('none');
    expect(tickedShare(new Set(['a', 'zz']), order)).toBe('some');
    expect(tickedShare(new Set(order), order)).toBe('all');
  });
});
