import { describe, expect, it } from 'vitest';
import { declaredType } from './upload-type.ts';

describe('declaredType', () => {
  it.each([
    ['image/png', 'image/png'],
    ['application/pdf', 'application/pdf'],
    ['text/markdown', 'text/plain'],
    ['', 'text/plain'],
    ['image/svg+xml', null],
    ['application/x-msdownload', null],
  ])('announces %j as %j', (type, expected) => {
    expect(declaredType({ type })).toBe(expected);
  });
});
