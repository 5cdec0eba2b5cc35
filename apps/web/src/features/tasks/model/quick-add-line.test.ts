import { parseQuickAdd } from '@taskflow/contract';
import { describe, expect, it } from 'vitest';
import { readQuickAdd } from './quick-add-line.ts';

describe('readQuickAdd', () => {
  it('reads a blank line as the parser does, without running it', () => {
    const parsed = parseQuickAdd('  ', { now: new Date(), timeZone: 'UTC', members: [] });
    expect(readQuickAdd('  ', [], [])).toEqual(parsed);
    expect(readQuickAdd('', [], [])).toEqual(parsed);
  });

  it('reads what a line says', () => {
    const line = readQuickAdd('Ship it !high #web', [], ['Web']);
    expect(line).toMatchObject({ title: 'Ship it', priority: 'high', labels: ['Web'] });
  });
});
