import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { lagWindow } from './overload.ts';

function busy(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // CPU-bound work
  }
}

describe('event-loop lag over a window', () => {
  /** Ticks at `gaps` ms after each other, from 0; whether the window then says saturated. */
  function after(gaps: number[]) {
    const window = lagWindow(500, 0);
    let now = 0;
    for (const gap of gaps) {
      now += gap;
      window.record(now);
    }
    return window.saturated();
  }

  it('one long task is a burst, not saturation', () => {
    expect(after([100, 100, 1_600, 100, 100])).toBe(false);
  });

  it('a loop kept busy is saturated, until it catches up for a whole window', () => {
    const busy = [800, 800, 800, 800];
    expect(after(busy)).toBe(true);
    expect(after([...busy, ...Array(40).fill(100)])).toBe(false);
  });

  it('late ticks that average under the limit are not saturation', () => {
    expect(after([600, 100, 600, 100, 600, 100, 100, 100, 100])).toBe(false);
  });
});

describe('load shedding', () => {
  const ctx = useTestApp({ SHED_LAG_MS: '500' });

  it('a saturated event loop refuses API requests with 503 and Retry-After, not probes', async () => {
    await ctx.app.ready();
    // A loop kept busy, as sustained CPU-bound work does: every measurement is late.
    for (let i = 0; i < 5; i++) {
      busy(700);
      await sleep(0);
    }
    const [api, health] = await Promise.all([
      ctx.app.inject({ url: '/api/v1/meta' }),
      ctx.app.inject({ url: '/health' }),
    ]);
    expect(api.statusCode).toBe(503);
    expect(api.headers['x-request-id']).toBeDefined();
    expect(api.headers['retry-after']).toBe('2');
    expect(api.json().code).toBe('SERVICE_UNAVAILABLE');
    expect(health.statusCode).toBe(200);
  });
});
