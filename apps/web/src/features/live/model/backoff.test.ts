import { describe, expect, it } from 'vitest';
import { MAX_RECONNECT_DELAY_MS, MIN_BACKOFF_MS, reconnectDelay } from './backoff.ts';

const low = () => 0;
const high = () => 1;

describe('reconnectDelay', () => {
  it('doubles the server’s retry with each failure in a row', () => {
    expect([1, 2, 3, 4].map((n) => reconnectDelay(n, 1000, { random: high }))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('waits between half and all of the ceiling', () => {
    expect(reconnectDelay(3, 1000, { random: low })).toBe(2000);
    expect(reconnectDelay(3, 1000, { random: () => 0.5 })).toBe(3000);
    expect(reconnectDelay(3, 1000, { random: high })).toBe(4000);
  });

  it('stops growing at the cap', () => {
    expect(reconnectDelay(40, 2000, { random: high })).toBe(MAX_RECONNECT_DELAY_MS);
    expect(reconnectDelay(40, 2000, { random: low })).toBe(MAX_RECONNECT_DELAY_MS / 2);
  });

  it('backs off from a floor when the server’s retry is 0 (an expired token)', () => {
    expect(reconnectDelay(1, 0, { random: high })).toBe(MIN_BACKOFF_MS);
    expect(reconnectDelay(2, 0, { random: high })).toBe(2 * MIN_BACKOFF_MS);
  });

  it('never waits less than the server asked for', () => {
    expect(reconnectDelay(1, 1000, { random: low, atLeastMs: 60_000 })).toBe(60_000);
  });
});
