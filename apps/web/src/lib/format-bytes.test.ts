import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('sizes in binary units', () => {
    expect([0, 512, 1024, 1536, 380 * 1024 * 1024].map(formatBytes)).toEqual([
      '0 B',
      '512 B',
      '1.0 KiB',
      '1.5 KiB',
      '380.0 MiB',
    ]);
  });
});
