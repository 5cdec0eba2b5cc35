import { describe, expect, it } from 'vitest';
import { isShed } from './index.ts';

const problem = (code: string) => JSON.stringify({ status: 503, code });

describe('a load-shedding answer, sent again by the fuzzer', () => {
  it('is a 503 SERVICE_UNAVAILABLE problem with Retry-After', () => {
    const headers = { 'retry-after': '2' };
    expect(isShed({ statusCode: 503, headers, body: problem('SERVICE_UNAVAILABLE') })).toBe(true);
  });

  it('is nothing else: no Retry-After, another code, another status or a body that is not JSON', () => {
    const headers = { 'retry-after': '2' };
    expect(isShed({ statusCode: 503, headers: {}, body: problem('SERVICE_UNAVAILABLE') })).toBe(
      false,
    );
    expect(isShed({ statusCode: 503, headers, body: problem('INTERNAL') })).toBe(false);
    expect(isShed({ statusCode: 500, headers, body: problem('SERVICE_UNAVAILABLE') })).toBe(false);
    expect(isShed({ statusCode: 503, headers, body: 'busy' })).toBe(false);
  });
});
