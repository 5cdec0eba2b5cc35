import { describe, expect, it } from 'vitest';
import { compareWrites } from './verify.ts';

const ack = (id: string, title: string) => ({ id, title });

describe('compareWrites', () => {
  it('passes when every acknowledged write is stored once', () => {
    const acks = [ack('1', 'p c1 a'), ack('2', 'p c2 b')];
    expect(compareWrites(acks, acks)).toMatchObject({ acknowledged: 2, lost: 0, duplicated: 0 });
  });

  it('counts an acknowledged write missing, or stored under another title, as lost', () => {
    const verdict = compareWrites([ack('1', 'p c1 a'), ack('2', 'p c2 b')], [ack('2', 'p c2 x')]);
    expect(verdict).toMatchObject({ lost: 2, duplicated: 0 });
    expect(verdict.examples.lost).toEqual(['p c1 a', 'p c2 b']);
  });

  it('counts each extra copy of one logical write as a duplicate', () => {
    const rows = [ack('1', 'p c1 a'), ack('9', 'p c1 a'), ack('8', 'p c1 a')];
    const verdict = compareWrites([ack('1', 'p c1 a')], rows);
    expect(verdict).toMatchObject({ lost: 0, duplicated: 2 });
    expect(verdict.examples.duplicated).toEqual(['p c1 a ×3']);
  });

  it('tells stored writes that no client saw acknowledged apart from losses', () => {
    const verdict = compareWrites([ack('1', 'p c1 a')], [ack('1', 'p c1 a'), ack('2', 'p c2 b')]);
    expect(verdict).toMatchObject({ lost: 0, duplicated: 0, unacknowledgedStored: 1 });
  });
});
