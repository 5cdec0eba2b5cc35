/**
 * Sign out everywhere through one instance: a user's session revoked on instance A (with the
 * password asked again) is refused by instance B, whose cache had it live, and B's event stream
 * of that session ends — within a second, by the NOTIFY that the revocation's commit sends.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CSRF_HEADER } from '@taskflow/contract';
import { scenarioAccounts } from './accounts.ts';
import { ms, type Scenario } from './harness.ts';
import { isReady, openStream } from './stream.ts';
import type { Instance } from './topology.ts';

/** How soon a revocation made on one instance must be enforced by another. */
const REVOCATION_BOUND_MS = 1_000;
const POLL_MS = 50;

export const signOutEverywhere: Scenario = {
  name: 'revoke',
  description:
    'Sign out everywhere on instance A: instance B refuses the old token and ends its stream within 1 s',
  async run({ cluster, runId, log }) {
    const [a, b] = cluster.instances as [Instance, Instance];
    const [user] = await scenarioAccounts(cluster, runId, 'revoke');
    if (!user) throw new Error('no account to sign out');
    const auth = { authorization: `Bearer ${user.token}` };
    const readOnB = async () => {
      const response = await fetch(`${b.url}/api/v1/workspaces`, {
        headers: auth,
        signal: AbortSignal.timeout(5_000),
      });
      await response.text();
      return response.status;
    };

    const failures: string[] = [];
    const figures: string[] = [];
    const stream = await openStream(b.url, user.token);
    try {
      if (stream.status !== 200)
        throw new Error(`the stream on ${b.name} answered ${stream.status}`);
      await stream.until(isReady, 10_000);
      const before = await readOnB();
      if (before !== 200) throw new Error(`a read on ${b.name} answered ${before} before`);
      log(
        `  stream open and a read answered 200 on ${b.name}; signing out everywhere on ${a.name}`,
      );

      const revoke = await fetch(`${a.url}/api/v1/me/sessions/revoke-all`, {
        method: 'POST',
        headers: {
          ...auth,
          origin: cluster.lbUrl,
          [CSRF_HEADER]: '1',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ password: user.password }),
        signal: AbortSignal.timeout(10_000),
      });
      await revoke.text();
      const revokedAt = performance.now();
      if (revoke.status !== 204)
        throw new Error(`revoke-all on ${a.name} answered ${revoke.status}`);

      // B, every 50 ms, until it refuses the token (bounded well past the expectation).
      const seen: Record<string, number> = {};
      let refusedAt: number | undefined;
      while (performance.now() - revokedAt < 5_000) {
        const status = await readOnB();
        if (status === 401) {
          refusedAt = performance.now();
          break;
        }
        seen[status] = (seen[status] ?? 0) + 1;
        await sleep(POLL_MS);
      }
      const endedAt = await stream.ended(5_000).catch(() => undefined);
      const refusal = refusedAt === undefined ? undefined : refusedAt - revokedAt;
      const end = endedAt === undefined ? undefined : endedAt - revokedAt;
      figures.push(
        `${b.name} refused the old token ${refusal === undefined ? 'never (5 s)' : ms(refusal)} after ${a.name}'s 204 (polled every ${POLL_MS} ms; answers before: ${JSON.stringify(seen)})`,
        `${b.name}'s stream ended ${end === undefined ? 'never (5 s)' : ms(end)} after ${a.name}'s 204 (negative: before the 204 reached the client)`,
      );
      if (refusal === undefined || refusal > REVOCATION_BOUND_MS) {
        failures.push(`${b.name} still accepted the token ${REVOCATION_BOUND_MS} ms after 204`);
      }
      if (end === undefined || end > REVOCATION_BOUND_MS) {
        failures.push(`${b.name}'s stream was still open ${REVOCATION_BOUND_MS} ms after 204`);
      }
      const odd = Object.keys(seen).filter((s) => s !== '200');
      if (odd.length > 0) failures.push(`${b.name} answered ${odd.join(', ')} before refusing`);
    } finally {
      await stream.close();
    }
    return { figures, failures };
  },
};
