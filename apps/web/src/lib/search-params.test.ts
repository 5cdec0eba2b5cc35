import { describe, expect, it } from 'vitest';
import { parseSearch, safeRedirect, stringifySearch } from './search-params.ts';

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

describe('parseSearch and stringifySearch', () => {
  it('reads every value as a string, numbers and booleans included', () => {
    expect(parseSearch('?q=42&done=true&status=todo,done')).toEqual({
      q: '42',
      done: 'true',
      status: 'todo,done',
    });
  });

  it('writes lists with readable commas and leaves empty values out', () => {
    expect(
      stringifySearch({ status: ['todo', 'in_progress'], q: '', label: undefined, priority: [] }),
    ).toBe('?status=todo,in_progress');
    expect(stringifySearch({})).toBe('');
  });

  it('round-trips text with reserved characters', () => {
    const search = { q: 'a&b=c, d?', redirect: '/account?tab=x#y' };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });
});
