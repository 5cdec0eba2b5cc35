import { describe, expect, it } from 'vitest';
import { safeRedirect } from './search-params.ts';

describe('safeRedirect', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/account?tab=sessions#x')).toBe('/account?tab=sessions#x');
  });

  it('drops anything that could leave the site', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'account', 7])
      expect(safeRedirect(value)).toBeUndefined();
  });
});
