/**
 * PostgreSQL pool saturation: an instance of its own with a pool of two connections and a queue
 * of two, flooded directly (not through the balancer) by 100 clients searching a workspace of a
 * few thousand tasks. What it cannot serve now it refuses at once with 503 and Retry-After
 * (problem+json), never 500 nor a dropped connection, and its `/ready` answers 200 within a
 * second all along: a saturated pool is load, not a reason to take the instance out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { scenarioAccounts } from './accounts.ts';
import { countBy, ms, type Scenario, secondsOf, until } from './harness.ts';
import { retryDelay } from './load.ts';
import { probeReady, type ReadyAnswer } from './ready-probe.ts';

/** The tiny pool of the flooded instance. */
const TINY_POOL = { DB_POOL_MAX: '2', DB_POOL_MAX_WAITING: '2', DB_CONNECTION_TIMEOUT_MS: '300' };
const SEEDED_TASKS = 3_000;
const FLOOD = 100;
/** /ready asked every 250 ms through 10 s of saturation: longer than readiness keeps any reading. */
const READY_SAMPLES = 40;
const READY_EVERY_MS = 250;
const READY_BOUND_MS = 1_000;

/** Tasks straight into PostgreSQL: a workspace big enough for its search to take a while. */
async function seedTasks(databaseUrl: string, workspaceId: string, label: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Positions are fractional-index keys ('a0' then a digit string not ending in 0).
    await client.query(
      `insert into tasks (workspace_id, title, description, position)
       select $1, 'alpha search ' || $2 || ' task ' || i,
              'alpha beta gamma delta epsilon ' || md5(i::text), 'a0' || lpad(i::text, 5, '0') || 'V'
       from generate_series(1, $3::int) as i`,
      [workspaceId, label, SEEDED_TASKS],
    );
  } finally {
    await client.end();
  }
}

type Answer = { status: number; retryAfter: string | null; type: string | null; ms: number };

export const poolSaturation: Scenario = {
  name: 'pool',
  description: `${FLOOD} concurrent searches on an instance with a pool of 2: only 2xx or 503 + Retry-After, /ready within 1 s`,
  async run({ cluster, runId, log }) {
    const failures: string[] = [];
    const figures: string[] = [];
    const [owner] = await scenarioAccounts(cluster, runId, 'pool');
    if (!owner) throw new Error('no account for the pool scenario');
    await seedTasks(cluster.databaseUrl, owner.workspaceId, runId);
    const instance = await cluster.addInstance({ env: TINY_POOL });
    log(`  ${instance.name} started with ${JSON.stringify(TINY_POOL)}, not balanced`);
    const search = async (): Promise<Answer> => {
      const start = performance.now();
      const response = await fetch(
        `${instance.url}/api/v1/workspaces/${owner.workspaceId}/tasks?q=alpha%20be&limit=100`,
        {
          headers: { authorization: `Bearer ${owner.token}` },
          signal: AbortSignal.timeout(15_000),
        },
      );
      await response.text();
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        type: response.headers.get('content-type'),
        ms: performance.now() - start,
      };
    };
    try {
      const alone = await search();
      if (alone.status !== 200) throw new Error(`one search alone answered ${alone.status}`);
      figures.push(`one search of ${SEEDED_TASKS} tasks alone: ${ms(alone.ms)}`);

      const statuses: Record<string, number> = {};
      const odd: string[] = [];
      let busy = 0;
      let flooding = true;
      const answered = new Set<number>();
      // Each client searches again as soon as it has its results; refused, it waits as the
      // load's clients do (50 ms doubling, at most 1 s): 100 of them still ask far more than two
      // connections serve, without spinning on 503s.
      const worker = async (_: unknown, index: number) => {
        let refusals = 0;
        while (flooding) {
          try {
            const answer = await search();
            answered.add(index);
            countBy(statuses, answer.status);
            refusals = answer.status === 503 ? refusals + 1 : 0;
            if (answer.status === 503) {
              busy += 1;
              if (!answer.retryAfter || !answer.type?.startsWith('application/problem+json')) {
                odd.push(`503 with retry-after ${answer.retryAfter}, content-type ${answer.type}`);
              }
            } else if (answer.status < 200 || answer.status > 299) {
              odd.push(`${answer.status} (${answer.type})`);
            }
          } catch (error) {
            const e = error as Error & { cause?: { code?: string } };
            const cause = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
            countBy(statuses, cause);
            odd.push(`connection error ${cause}`);
          }
          if (refusals > 0 && flooding) await sleep(retryDelay(refusals - 1));
        }
      };
      const started = performance.now();
      const workers = Array.from({ length: FLOOD }, worker);
      // Asked once as the clients connect, to show; not the measure (a process just started,
      // taking 100 new connections at once, answers late whatever its pool).
      const opening = probeReady(instance.url, 1, 0);
      let probed: ReadyAnswer[] = [];
      let busyWhileProbing = 0;
      try {
        // Saturated: every client has been answered once (each has its connection), and the
        // pool has refused some (its queue of two was full).
        await until(
          'every client answered, some with 503',
          async () => (answered.size === FLOOD && busy > 0 ? true : undefined),
          { timeoutMs: 30_000, everyMs: 20 },
        );
        const busyBefore = busy;
        probed = await probeReady(instance.url, READY_SAMPLES, READY_EVERY_MS);
        busyWhileProbing = busy - busyBefore;
      } finally {
        flooding = false;
        await Promise.all(workers);
      }
      const total = Object.values(statuses).reduce((a, b) => a + b, 0);
      const samples = probed.map((answer) => answer.ms);
      const refused = probed.filter((answer) => answer.status !== 200);
      const slowest = Math.max(...samples);
      const [first] = await opening;
      figures.push(
        `/ready as the ${FLOOD} clients connected (not asserted): ${first?.status} in ${ms(first?.ms ?? 0)}`,
        `${total} searches by ${FLOOD} concurrent clients in ${secondsOf(performance.now() - started)}: ${JSON.stringify(statuses)}`,
        `/ready while saturated (${busyWhileProbing} searches refused 503 meanwhile): ${samples.length} samples, ${refused.length} not 200, slowest ${ms(slowest)}, all ${samples.map((s) => Math.round(s)).join('/')} ms`,
      );
      for (const answer of refused) {
        const why = answer.error ?? JSON.stringify(answer.body?.checks);
        failures.push(`/ready answered ${answer.status} while saturated: ${why}`);
      }
      if (busyWhileProbing === 0)
        failures.push('the pool was not saturated while /ready was probed');
      for (const what of [...new Set(odd)].slice(0, 5)) failures.push(`flood answered ${what}`);
      if (slowest > READY_BOUND_MS) {
        failures.push(`/ready took ${ms(slowest)} while saturated (bound ${READY_BOUND_MS} ms)`);
      }
    } finally {
      await cluster.removeInstance(instance);
    }
    return { figures, failures };
  },
};
