/**
 * The Redis outage: the run's redis-server killed for 20 s while the clients write. TaskFlow
 * treats Redis as an accelerator: every instance stays ready (reporting `degraded`), rate limits
 * fall back to per-process counters, a new instance starts without it, and all of them use it
 * again once it is back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CSRF_HEADER } from '@taskflow/contract';
import { scenarioAccounts } from './accounts.ts';
import {
  countBy,
  ms,
  noServerErrors,
  pollReady,
  type Scenario,
  secondsOf,
  underLoad,
  until,
} from './harness.ts';
import { askReady } from './ready-probe.ts';
import type { Instance } from './topology.ts';

/** AUTH_ACCOUNT_RATE_LIMIT of the run: sign-in attempts per account and window. */
export const ACCOUNT_SIGN_IN_LIMIT = 5;
/** Requests about an account made by signing it up (registration, first sign-in). */
const SIGN_UP_REQUESTS = 2;
/** How long Redis stays down: the outage TaskFlow must ride out, not a tuning. */
const OUTAGE_MS = 20_000;
const READY_POLL_MS = 250;
/** How long an instance may take to use Redis again once it is back (backoff ≤ 2 s). */
const REATTACH_TIMEOUT_MS = 15_000;

/**
 * Wrong passwords for one account, one after the other, until TaskFlow answers 429 (or `most`
 * attempts): the attempt that got it, and every answer by status.
 */
async function bruteForce(baseUrl: string, email: string, most: number) {
  const statuses: Record<string, number> = {};
  for (let attempt = 1; attempt <= most; attempt++) {
    const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { origin: baseUrl, [CSRF_HEADER]: '1', 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: `not the password, guess ${attempt}` }),
      signal: AbortSignal.timeout(15_000),
    });
    await response.text();
    countBy(statuses, response.status);
    if (response.status === 429) return { limitedAt: attempt, statuses };
  }
  return { limitedAt: undefined, statuses };
}

/** Statuses other than 401 (wrong password) and 429 (limited): none is expected. */
const unexpected = (statuses: Record<string, number>) =>
  Object.keys(statuses).filter((s) => s !== '401' && s !== '429');

const redisOk = async (instance: Instance) => {
  const answer = await askReady(instance.url);
  const body = answer.body;
  return answer.status === 200 && body?.checks.redis?.status === 'ok' && !body.degraded;
};

export const redisOutage: Scenario = {
  name: 'redis',
  description: `Redis killed for ${OUTAGE_MS / 1000} s under load: instances stay ready (degraded), sign-in limits hold, a new instance starts, all reattach`,
  async run(context) {
    const { cluster, redis, redisPrefix, runId } = context;
    const [shared, local] = await scenarioAccounts(cluster, runId, 'brute', 2);
    if (!shared || !local) throw new Error('no accounts to brute-force');
    const balanced = cluster.instances.filter((i) => i.balanced).length;
    // Through the balancer, as an attacker would come, against the per-account limit: it applies
    // whatever the client's address. (The per-IP limit cannot be told apart from the load here:
    // HAProxy replaces any X-Forwarded-For, so every client of this machine is 127.0.0.1.)
    // With Redis, one counter for every instance: the sign-up spent two of the window's requests
    // (registration, first sign-in), so the attempt after the other three is refused. Without
    // it, each instance counts on its own (never "no limit"): spread by the balancer, the
    // attempts get 429 at the latest once each instance has had its quota.
    const sharedBound = ACCOUNT_SIGN_IN_LIMIT - SIGN_UP_REQUESTS + 1;
    const localBound = ACCOUNT_SIGN_IN_LIMIT * balanced + 1;
    let extra: Instance | undefined;
    const poller = pollReady(READY_POLL_MS);
    const outcome = await underLoad(context, 'redis', async ({ failures, figures, step }) => {
      for (const instance of cluster.instances) {
        if (!(await redisOk(instance))) throw new Error(`${instance.name} is not on Redis before`);
      }
      const before = await bruteForce(cluster.lbUrl, shared.email, sharedBound + 5);
      figures.push(
        `Redis up: sign-in of one account limited (429) at attempt ${before.limitedAt} (limit ${ACCOUNT_SIGN_IN_LIMIT}, bound ${sharedBound}); answers ${JSON.stringify(before.statuses)}`,
      );
      if (before.limitedAt === undefined || before.limitedAt > sharedBound) {
        failures.push(`with Redis, no 429 within ${sharedBound} sign-in attempts`);
      }

      for (const instance of cluster.instances) poller.watch(instance);
      const down = performance.now();
      await redis.kill();
      step(`redis-server killed (SIGKILL); down for ${OUTAGE_MS / 1000} s`);
      const noticed = await Promise.all(
        cluster.instances.map((instance) =>
          until(
            `${instance.name} reporting Redis degraded`,
            async () =>
              (await askReady(instance.url)).body?.degraded?.includes('redis') || undefined,
            { timeoutMs: 10_000 },
          ),
        ),
      );
      step(`every instance reports degraded: redis (${noticed.map((n) => ms(n.ms)).join(', ')})`);

      const [during, started] = await Promise.all([
        bruteForce(cluster.lbUrl, local.email, localBound + 5),
        (async () => {
          const from = performance.now();
          extra = await cluster.addInstance();
          return performance.now() - from;
        })(),
      ]);
      if (extra) poller.watch(extra);
      step(`${extra?.name} started and ready in ${secondsOf(started)}, without Redis`);
      figures.push(
        `Redis down: sign-in of one account limited (429) at attempt ${during.limitedAt} (limit ${ACCOUNT_SIGN_IN_LIMIT} per instance × ${balanced} balanced, bound ${localBound}); answers ${JSON.stringify(during.statuses)}`,
        `Redis down: ${extra?.name} started and answered /ready 200 in ${secondsOf(started)}`,
      );
      if (during.limitedAt === undefined || during.limitedAt > localBound) {
        failures.push(`without Redis, no 429 within ${localBound} sign-in attempts`);
      }
      for (const [when, run] of [
        ['with', before],
        ['without', during],
      ] as const) {
        const odd = unexpected(run.statuses);
        if (odd.length > 0) failures.push(`sign-in ${when} Redis answered ${odd.join(', ')}`);
      }

      const left = OUTAGE_MS - (performance.now() - down);
      if (left > 0) await sleep(left);
      await redis.start();
      const outageMs = performance.now() - down;
      step(`redis-server started again on port ${redis.port} after ${secondsOf(outageMs)}`);
      const keysAtRestart = (await redis.keys(redisPrefix)).length;

      const reattached = await Promise.all(
        cluster.instances.map(async (instance) => {
          const { ms: took } = await until(
            `${instance.name} reporting Redis ok, not degraded`,
            async () => (await redisOk(instance)) || undefined,
            { timeoutMs: REATTACH_TIMEOUT_MS },
          );
          return `${instance.name} ${ms(took)}`;
        }),
      );
      step(`every instance back on Redis (${reattached.join(', ')})`);
      const readiness = await poller.stop();
      const keysReattached = (await redis.keys(redisPrefix)).length;
      // Each instance writes its counters to Redis again: one sign-in attempt sent to each, for
      // an email of its own, leaves that email's per-account counter.
      const missing: string[] = [];
      for (const instance of cluster.instances) {
        const email = `probe-${runId}-${instance.name}@cluster.test`;
        await bruteForce(instance.url, email, 1);
        const keys = await redis.keys(redisPrefix);
        if (!keys.some((key) => key.includes(email))) missing.push(instance.name);
      }
      const keysAfter = (await redis.keys(redisPrefix)).length;
      if (missing.length > 0) failures.push(`no Redis key written by ${missing.join(', ')}`);

      const answers = [...readiness.answers].map(([name, n]) => `${name} ${n}`).join(', ');
      figures.push(
        `Redis outage measured: ${secondsOf(outageMs)} (kill to PING answered again)`,
        `/ready polled every ${READY_POLL_MS} ms on each instance: ${answers} answers; ${readiness.refused.length} not 200; slowest ${ms(readiness.slowestMs)}`,
        `reattached (ready, redis ok, not degraded) after the restart: ${reattached.join(', ')}`,
        `keys under ${redisPrefix}: ${keysAtRestart} at the restart (empty), ${keysReattached} once all reattached, ${keysAfter} after one sign-in per instance (${cluster.instances.length - missing.length} of ${cluster.instances.length} instances wrote their counter)`,
      );
      for (const refusal of readiness.refused.slice(0, 5)) failures.push(`/ready ${refusal}`);
      if (readiness.refused.length > 5) {
        failures.push(`… ${readiness.refused.length} /ready answers not 200 in all`);
      }
    }).finally(async () => {
      await poller.stop();
      if (!redis.running) await redis.start();
      if (extra) await cluster.removeInstance(extra);
    });
    noServerErrors(outcome);
    return outcome;
  },
};
