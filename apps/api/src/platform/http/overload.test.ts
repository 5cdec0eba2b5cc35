import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';

function busy(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // CPU-bound work
  }
}

describe('load shedding', () => {
  const ctx = useTestApp();

  it('a saturated event loop refuses API requests with 503 and Retry-After, not probes', async () => {
    await ctx.app.ready();
    // One long task is a burst, not saturation: requests are still served after it.
    busy(1_500);
    await sleep(0);
    expect((await ctx.app.inject({ url: '/api/v1/meta' })).statusCode).toBe(200);
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
