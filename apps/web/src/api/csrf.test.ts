import { CSRF_HEADER } from '@taskflow/contract';
import { expect, it } from 'vitest';
import { csrfHeaders } from './csrf.ts';

it('sends the CSRF header the contract names', () => {
  expect(Object.keys(csrfHeaders)).toEqual([CSRF_HEADER]);
});
