/**
 * The chaos scenarios of `npm run test:cluster`: a fault injected into the running cluster,
 * most while the clients write, then the figures the clients saw and what PostgreSQL holds. Each
 * scenario waits for states (writes acknowledged, a process exited, HAProxy's view of a server),
 * never for a time tuned to a machine (the one fixed time is the Redis outage's length, the fault
 * itself); it returns its figures and the failed expectations, empty when it passed. Those that
 * stop an instance are here; the others each in a scenario-<name>.ts of their own.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import {
  flowing,
  noServerErrors,
  type Scenario,
  type ScenarioContext,
  secondsOf,
  underLoad,
  until,
} from './harness.ts';
import { logHas } from './processes.ts';
import { poolSaturation } from './scenario-pool.ts';
import { redisOutage } from './scenario-redis.ts';
import { signOutEverywhere } from './scenario-revoke.ts';
import { streamThroughKill } from './scenario-stream.ts';
import type { Instance } from './topology.ts';

export { heal, type Outcome } from './harness.ts';

/**
 * Requests the balancer has in flight on an instance when it is killed: 50 clients keep a few
 * there on any machine, however fast (the balancer is sampled every 100 ms).
 */
const IN_FLIGHT_AT_KILL = 2;

const killed: Scenario = {
  name: 'kill',
  description:
    'SIGKILL one API instance under load, restart it: no acknowledged write lost or doubled',
  run: (context) =>
    underLoad(context, 'kill', async ({ load, step }) => {
      const { cluster } = context;
      const victim = cluster.instances[0] as Instance;
      // Mid-request: writes under way on the victim are the ones that could be lost or doubled.
      await cluster.waitBusy(victim, IN_FLIGHT_AT_KILL);
      victim.kill('SIGKILL');
      step(`SIGKILL ${victim.name}`);
      await victim.exited;
      await cluster.waitBalancer(victim, 'DOWN');
      step(`HAProxy sees ${victim.name} DOWN`);
      await flowing(load);
      await victim.restart();
      step(`${victim.name} restarted and ready`);
      await cluster.waitBalancer(victim, 'UP');
      step(`HAProxy sees ${victim.name} UP`);
    }),
};

const rolling: Scenario = {
  name: 'rolling',
  description:
    'Rolling SIGTERM restart of both API instances under load: no 5xx, no connection error, each exits 0',
  async run(context) {
    const outcome = await underLoad(context, 'rolling', async ({ load, failures, step }) => {
      const { cluster } = context;
      for (const instance of cluster.instances.slice(0, 2)) {
        instance.kill('SIGTERM');
        step(`SIGTERM ${instance.name}`);
        const status = await instance.exited;
        step(`${instance.name} exited ${status}`);
        if (status !== 0) failures.push(`${instance.name} exited ${status} after SIGTERM, not 0`);
        await instance.restart();
        step(`${instance.name} restarted and ready`);
        await cluster.waitBalancer(instance, 'UP');
        step(`HAProxy sees ${instance.name} UP`);
        await flowing(load);
      }
    });
    noServerErrors(outcome);
    return outcome;
  },
};

/** A request whose headers are sent, with 1 byte of its 100-byte body, on a socket of its own. */
async function halfSend(instance: Instance, context: ScenarioContext, requestId: string) {
  const client = context.clients[0];
  if (!client) throw new Error('no client');
  const socket = connect(instance.port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  let closedAt: number | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    answer += chunk;
  });
  socket.on('error', () => undefined);
  socket.once('close', () => {
    closedAt = performance.now();
  });
  socket.write(
    [
      `POST /api/v1/workspaces/${client.workspaceId}/tasks HTTP/1.1`,
      `Host: 127.0.0.1:${instance.port}`,
      `Authorization: Bearer ${client.token}`,
      'Content-Type: application/json',
      'Content-Length: 100',
      `Idempotency-Key: ${requestId}`,
      `X-Request-Id: ${requestId}`,
      '',
      '{',
    ].join('\r\n'),
  );
  return {
    closedAt: () => closedAt,
    answer: () => answer,
    destroy: () => socket.destroy(),
  };
}

const halfSent: Scenario = {
  name: 'half-sent',
  description:
    'SIGTERM an instance holding a half-received request, under load: it exits 0 within its shutdown timeout, clients see no 5xx',
  async run(context) {
    const { cluster, runId } = context;
    const outcome = await underLoad(context, 'half-sent', async ({ failures, figures, step }) => {
      const victim = cluster.instances[1] as Instance;
      const requestId = `half-sent-${runId}`;
      const request = await halfSend(victim, context, requestId);
      try {
        // The instance has read the headers (it logs the request as it starts) and waits for the
        // other 99 bytes.
        await until(
          `${victim.name} logging the half-sent request`,
          async () => logHas(victim.logFile, requestId) || undefined,
          { timeoutMs: 10_000 },
        );
        step(`${victim.name} is receiving a request: headers and 1 of 100 body bytes`);
        const signalled = performance.now();
        victim.kill('SIGTERM');
        step(`SIGTERM ${victim.name}`);
        const status = await victim.exited;
        const exitMs = performance.now() - signalled;
        step(`${victim.name} exited ${status} after ${secondsOf(exitMs)}`);
        const closedAt = request.closedAt();
        const cut = closedAt === undefined ? 'still open' : secondsOf(closedAt - signalled);
        const answered = request.answer().split('\r\n')[0] || 'no answer';
        figures.push(
          `${victim.name} exited ${status} ${secondsOf(exitMs)} after SIGTERM (drain ${secondsOf(cluster.drainDelayMs)}, shutdown timeout ${secondsOf(cluster.shutdownTimeoutMs)}); the half-sent request's connection closed after ${cut}, ${answered}`,
        );
        if (status !== 0) failures.push(`${victim.name} exited ${status} after SIGTERM, not 0`);
        if (exitMs > cluster.shutdownTimeoutMs) {
          failures.push(`${victim.name} took ${secondsOf(exitMs)} to exit`);
        }
        if (closedAt === undefined) failures.push('the half-sent request was never cut');
      } finally {
        request.destroy();
      }
      await victim.restart();
      step(`${victim.name} restarted and ready`);
      await cluster.waitBalancer(victim, 'UP');
      step(`HAProxy sees ${victim.name} UP`);
    });
    noServerErrors(outcome);
    return outcome;
  },
};

/**
 * In this order, each from a healed cluster (every balanced instance running and UP): the
 * stream's victim is restarted by the heal before the half-sent request, which restarts its own.
 */
export const scenarios: Scenario[] = [
  killed,
  rolling,
  redisOutage,
  poolSaturation,
  signOutEverywhere,
  streamThroughKill,
  halfSent,
];
