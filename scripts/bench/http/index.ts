/**
 * The load scenarios of the Results table: starts every scenario's server (each in its own
 * child process; scenarios may share one), measures them in interleaved rounds (autocannon in
 * this process, one load at a time), and reports the median round of each.
 */

import { getJson } from '../lib/app.ts';
import { type Child, freePort, startServer, stopChild } from '../lib/child.ts';
import { createCleanups, reportFailure } from '../lib/cleanups.ts';
import { type LoadFigures, measure, medianRound } from '../lib/load.ts';
import type { Section } from '../lib/report.ts';
import { type RunInfo, selected } from '../lib/settings.ts';
import { failed, httpSection, type Outcome } from './report.ts';
import { type Launch, type Prepared, type Scenario, scenarios } from './scenarios.ts';
import { taskScenarios } from './task-scenarios.ts';

type Server = { child: Child; base: string; launch: Launch };
type Started = { scenario: Scenario; server: Server; prepared: Prepared };

export async function benchHttp(info: RunInfo): Promise<Section | undefined> {
  const chosen = [...scenarios, ...taskScenarios()].filter((s) => selected(info, s.id));
  if (chosen.length === 0) return undefined;
  const cleanups = createCleanups();
  const servers = new Map<string, Promise<Server>>();

  /** The scenario's server, started on first use; failures are the scenario's. */
  const serverFor = (scenario: Scenario) => {
    let server = servers.get(scenario.server);
    if (!server) {
      server = (async () => {
        const port = await freePort();
        const launch = await scenario.launch(port, cleanups);
        const base = `http://127.0.0.1:${port}`;
        const ready = base + scenario.readyPath;
        const child = await startServer(
          launch.args,
          launch.env ?? {},
          ready,
          scenario.readyTimeoutMs,
        );
        cleanups.add(() => stopChild(child.process));
        return { child, base, launch };
      })();
      servers.set(scenario.server, server);
    }
    return server;
  };

  const outcomes: Outcome[] = [];
  const running: Started[] = [];
  try {
    for (const scenario of chosen) {
      try {
        const server = await serverFor(scenario);
        const prepared = await scenario.prepare(server.base, server.launch);
        const { method = 'GET', body, headers } = scenario.request ?? {};
        await getJson(server.base + prepared.path, prepared.headers ?? {}, scenario.expect, {
          method,
          ...(body === undefined ? {} : { body }),
          ...(headers ? { headers } : {}),
        });
        running.push({ scenario, server, prepared });
      } catch (error) {
        outcomes.push({ scenario, error: reportFailure(scenario.id, error) });
      }
    }
    // Every server is up at once (idle ones cost nothing); rounds interleave the scenarios, so a
    // slow moment of the machine touches all of them instead of one.
    const rounds = new Map<Scenario, LoadFigures[]>(running.map((r) => [r.scenario, []]));
    for (let round = 1; round <= info.rounds; round++) {
      for (const { scenario, server, prepared } of running) {
        const f = await measure({
          url: server.base + prepared.path,
          method: scenario.request?.method,
          body: scenario.request?.body,
          headers: { ...scenario.request?.headers, ...prepared.headers },
          connections: info.connections,
          warmupSeconds: round === 1 ? info.warmupSeconds : 0,
          durationSeconds: info.durationSeconds,
        });
        console.log(
          `round ${round} ${scenario.name}: ${Math.round(f.requestsPerSecond)} req/s,` +
            ` p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.non2xx} non-2xx, ${f.errors} errors`,
        );
        rounds.get(scenario)?.push(f);
      }
    }
    for (const [scenario, figures] of rounds) {
      const median = medianRound(figures);
      outcomes.push(median ? { scenario, figures: median } : { scenario, error: 'no measurement' });
    }
  } finally {
    await cleanups.run();
  }
  outcomes.sort((a, b) => chosen.indexOf(a.scenario) - chosen.indexOf(b.scenario));
  return {
    ...httpSection(outcomes),
    failures: outcomes.filter(failed).map((o) => o.scenario.id),
  };
}
