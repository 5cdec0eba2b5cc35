/**
 * An event stream through the death of its instance: a subscriber's stream, opened through the
 * balancer, is cut by the SIGKILL of the instance serving it while another member writes tasks
 * in their shared workspace; it resumes through the balancer with Last-Event-ID and must have
 * received every event of the outbox meant for it, once each and in order.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { call, scenarioAccounts } from './accounts.ts';
import { ms, type Scenario, servedBy } from './harness.ts';
import { startLoad } from './load.ts';
import { type EventStream, isReady, openStream } from './stream.ts';
import type { Cluster } from './topology.ts';
import { verifyWrites } from './verify.ts';

/** Events the subscriber receives before its instance is killed, and writes after it is back. */
const EVENTS_BEFORE_KILL = 20;
const WRITES_AFTER_RECONNECT = 20;
/** Writes made while the subscriber is away: their events must come back by replay. */
const WRITES_WHILE_AWAY = 10;

/** Opens the stream again through the balancer, as a browser would, until it is accepted. */
async function reconnect(cluster: Cluster, token: string, lastEventId: string | undefined) {
  let last = '';
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      const stream = await openStream(cluster.lbUrl, token, { lastEventId });
      if (stream.status === 200) return { stream, attempt };
      last = String(stream.status);
      await stream.close();
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(500);
  }
  throw new Error(`the stream could not be opened again: ${last}`);
}

/** The outbox ids a user receives after `afterId`: their workspaces' events and their own. */
async function outboxFor(databaseUrl: string, email: string, afterId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `select e.id::text as id from events e, users u
       where u.email = $1 and e.id > $2::bigint
         and (e.user_id = u.id or e.workspace_id in
              (select workspace_id from workspace_members where user_id = u.id))
       order by e.id`,
      [email, afterId],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

export const streamThroughKill: Scenario = {
  name: 'stream',
  description:
    'SIGKILL the instance serving an event stream while tasks are written: the stream resumes through the balancer with every event once, in order',
  async run({ cluster, runId, log }) {
    const failures: string[] = [];
    const figures: string[] = [];
    const [subscriber, writer] = await scenarioAccounts(cluster, runId, 'stream', 2);
    if (!subscriber || !writer) throw new Error('no accounts for the stream');
    const workspace = await call<{ id: string }>(cluster.lbUrl, 'POST', '/api/v1/workspaces', 201, {
      token: writer.token,
      body: { name: `Stream ${runId}` },
    });
    await call(cluster.lbUrl, 'POST', `/api/v1/workspaces/${workspace.id}/members`, 201, {
      token: writer.token,
      body: { email: subscriber.email },
    });

    const streams: EventStream[] = [];
    const first = await openStream(cluster.lbUrl, subscriber.token);
    streams.push(first);
    const phase = `${runId}-stream`;
    const load = startLoad([{ ...writer, workspaceId: workspace.id }], {
      baseUrl: cluster.lbUrl,
      phase,
      thinkMs: 50,
    });
    let start: string | undefined;
    try {
      if (first.status !== 200) throw new Error(`the stream answered ${first.status}`);
      await first.until(isReady, 10_000);
      start = first.messages.find((m) => m.type === 'ready')?.id;
      const victim = await servedBy(cluster, first.requestId);
      if (!victim || !start) throw new Error('no instance logged the stream request');
      log(`  stream ${first.requestId} served by ${victim.name}, from event ${start}`);

      await first.until((m) => m.length > EVENTS_BEFORE_KILL, 30_000);
      const killedAt = performance.now();
      victim.kill('SIGKILL');
      await victim.exited;
      const cutAt = await first.ended(10_000);
      const resumeFrom = first.lastId();
      log(`  SIGKILL ${victim.name}: stream cut after ${ms(cutAt - killedAt)}, at ${resumeFrom}`);
      // Away for a while, as a browser waits before it reconnects: tasks are written meanwhile.
      await load.waitForWrites(load.acknowledged() + WRITES_WHILE_AWAY, 30_000);

      const { stream: second, attempt } = await reconnect(cluster, subscriber.token, resumeFrom);
      streams.push(second);
      await second.until(isReady, 15_000);
      const openedAt = performance.now();
      const resumedOn = await servedBy(cluster, second.requestId);
      const replayed = second.messages.findIndex((m) => m.type === 'ready');
      log(`  resumed on ${resumedOn?.name} (attempt ${attempt}) with ${replayed} events replayed`);
      figures.push(
        `stream served by ${victim.name}: ${first.events().length} events received before its SIGKILL; cut ${ms(cutAt - killedAt)} after it`,
        `resumed through the balancer with Last-Event-ID ${resumeFrom} on ${resumedOn?.name ?? 'an unknown instance'} at attempt ${attempt}, ${ms(openedAt - cutAt)} after the cut (${WRITES_WHILE_AWAY} writes acknowledged meanwhile); ${replayed} events replayed from the outbox`,
      );
      if (replayed < WRITES_WHILE_AWAY) {
        failures.push(
          `${replayed} events replayed, fewer than the ${WRITES_WHILE_AWAY} written away`,
        );
      }
      if (resumedOn === victim) failures.push(`resumed on ${victim.name}, which was killed`);
      await load.waitForWrites(load.acknowledged() + WRITES_AFTER_RECONNECT, 30_000);
    } catch (error) {
      failures.push((error as Error).message);
    }
    const report = await load.stop();
    const verdict = await verifyWrites(cluster.databaseUrl, phase, report.acknowledged);
    if (verdict.lost > 0) failures.push(`${verdict.lost} acknowledged writes lost`);
    if (verdict.duplicated > 0) failures.push(`${verdict.duplicated} writes stored twice`);

    try {
      if (start !== undefined && streams.length === 2) {
        const expected = await outboxFor(cluster.databaseUrl, subscriber.email, start);
        const lastExpected = expected.at(-1);
        const second = streams[1] as EventStream;
        if (lastExpected !== undefined) {
          await second
            .until((m) => m.some((x) => x.id === lastExpected), 15_000)
            .catch((error: Error) =>
              failures.push(`event ${lastExpected} never came: ${error.message}`),
            );
        }
        const received = streams.flatMap((s) => s.events().map((m) => m.id));
        const seen = new Set(received);
        const missing = expected.filter((id) => !seen.has(id));
        const twice = received.length - seen.size;
        const disordered = received.filter(
          (id, i) => i > 0 && BigInt(id) <= BigInt(received[i - 1] ?? 0),
        ).length;
        const unexpected = received.filter((id) => !expected.includes(id));
        const resets = streams.flatMap((s) => s.messages).filter((m) => m.type === 'reset').length;
        figures.push(
          `${expected.length} events in the outbox for the subscriber after ${start}; received ${received.length}: ${missing.length} missing, ${twice} twice, ${disordered} out of order, ${unexpected.length} not in the outbox, ${resets} resets`,
        );
        if (missing.length > 0) failures.push(`events missing: ${missing.slice(0, 10).join(', ')}`);
        if (twice > 0) failures.push(`${twice} events received twice`);
        if (disordered > 0) failures.push(`${disordered} events out of order`);
        if (unexpected.length > 0)
          failures.push(`events not in the outbox: ${unexpected.slice(0, 10).join(', ')}`);
        if (resets > 0) failures.push(`the stream answered reset ${resets} times`);
        if (expected.length < EVENTS_BEFORE_KILL + WRITES_AFTER_RECONNECT) {
          failures.push(`only ${expected.length} events were written`);
        }
      }
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
    return { report, verdict, figures, failures };
  },
};
