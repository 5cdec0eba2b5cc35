import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RETRY_AFTER_SECONDS } from './error-handler.ts';
import { AppError } from './errors.ts';

/**
 * Event-loop lag, averaged over the last three seconds and at least three measurements, past
 * `maxMeanLagMs`: sustained saturation, not one slow burst (a single long task is one late
 * measurement).
 */
const WINDOW_MS = 3_000;
const MIN_LATE_TICKS = 3;
const TICK_MS = 100;

/**
 * How late a 100 ms timer fires, over the ticks of the last few seconds (`record` takes the
 * time of each tick). A tick that waited behind a blocked loop counts its whole delay.
 */
export function lagWindow(maxMeanLagMs: number, start: number) {
  const ticks: { at: number; lagMs: number }[] = [];
  let last = start;
  // Worked out once per tick, so that a request only reads a flag.
  let saturated = false;
  return {
    record(now: number) {
      ticks.push({ at: now, lagMs: Math.max(0, now - last - TICK_MS) });
      last = now;
      while (ticks.length > 0 && (ticks[0]?.at ?? now) < now - WINDOW_MS) ticks.shift();
      const late = ticks.filter((t) => t.lagMs >= maxMeanLagMs).length;
      const mean = ticks.reduce((sum, t) => sum + t.lagMs, 0) / Math.max(1, ticks.length);
      saturated = late >= MIN_LATE_TICKS && mean >= maxMeanLagMs;
    },
    saturated: () => saturated,
  };
}

function lagMonitor(maxMeanLagMs: number) {
  const window = lagWindow(maxMeanLagMs, performance.now());
  const timer = setInterval(() => window.record(performance.now()), TICK_MS);
  timer.unref();
  return { saturated: window.saturated, stop: () => clearInterval(timer) };
}

/**
 * Load shedding: while the event loop keeps lagging (by half a second: `SHED_LAG_MS`), API requests get 503 with
 * `Retry-After` at once rather than queue behind the work already late. Probes, metrics and the
 * web app's files are still answered, so `/ready` tells the truth about the database. Measuring
 * starts once the app is ready, so start-up work (opening the database) never counts.
 */
export const overload = fp(
  async (app: FastifyInstance, { maxMeanLagMs }: { maxMeanLagMs: number }) => {
    if (maxMeanLagMs === 0) return;
    let monitor: ReturnType<typeof lagMonitor> | undefined;
    app.addHook('onReady', async () => {
      monitor = lagMonitor(maxMeanLagMs);
    });
    app.addHook('onClose', async () => monitor?.stop());

    // Callback style, as on every request: no promise for the common case.
    app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
      if (!monitor?.saturated() || !request.url.startsWith('/api/v1/')) return done();
      done(
        new AppError('SERVICE_UNAVAILABLE', {
          detail: 'The server is overloaded; try again shortly',
          headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
        }),
      );
    });
  },
  { name: 'overload', dependencies: ['error-handler'] },
);
