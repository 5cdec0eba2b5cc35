/** The "list-20 through the balancer" section of docs/benchmarks.md, and its notes. */
import type { LoadFigures } from '../lib/load.ts';
import { cell, loadCells, loadHeader, ms, pct, table } from '../lib/markdown.ts';
import type { Section } from '../lib/report.ts';
import { shownPaths, TASK_COUNT } from '../lib/task-fixture.ts';

export type BalancerWay = {
  id: 'direct' | 'lb-1' | 'lb-2';
  name: string;
  /** Instances taking the requests. */
  instances: number;
};

/** Cores used during a measured round: CPU seconds over its wall-clock seconds. */
export type CoresUsed = {
  /** api1, api2 (api2 idle but for the 2-instance rounds). */
  instances: number[];
  balancer: number;
  client: number;
  machine: number;
};

export type WayFigures = LoadFigures & {
  cores: CoresUsed;
  /** The share of the 2xx responses each instance served, through the balancer. */
  shares?: number[];
};

export type WayOutcome = { way: BalancerWay; figures?: WayFigures; error?: string };

type BalancerOutcome = { ways: WayOutcome[]; error?: string };

const wayFailed = (o: WayOutcome) =>
  o.error !== undefined || !o.figures || o.figures.non2xx > 0 || o.figures.errors > 0;

const balancerFailed = (o: BalancerOutcome) =>
  o.error !== undefined || o.ways.length === 0 || o.ways.some(wayFailed);

const cores = (n: number) => n.toFixed(2);

const header = [
  'Way',
  'Instances',
  ...loadHeader,
  'Cores: api1 / api2',
  'Cores: HAProxy',
  'Cores: load generator',
  'Cores: machine',
  'Served by api1 / api2',
  'Status',
];

function status(o: WayOutcome): string {
  if (o.error) return `failed: ${cell(o.error)}`;
  return wayFailed(o) ? 'failed (non-2xx or errors)' : 'ok';
}

function row(o: WayOutcome): string[] {
  const f = o.figures;
  const cells = f
    ? [
        ...loadCells(f),
        f.cores.instances.map(cores).join(' / '),
        cores(f.cores.balancer),
        cores(f.cores.client),
        cores(f.cores.machine),
        f.shares ? f.shares.map((s) => `${Math.round(s * 100)} %`).join(' / ') : '—',
      ]
    : Array<string>(header.length - 3).fill('n/a');
  return [o.way.name, String(o.way.instances), ...cells, status(o)];
}

const figuresOf = (outcome: BalancerOutcome, id: BalancerWay['id']) =>
  outcome.ways.find((o) => o.way.id === id && !wayFailed(o))?.figures;

function ratios(outcome: BalancerOutcome, cpus: number): string[] {
  const [direct, one, two] = (['direct', 'lb-1', 'lb-2'] as const).map((id) =>
    figuresOf(outcome, id),
  );
  const scale =
    one && two
      ? `${pct(two.requestsPerSecond / one.requestsPerSecond)} of the throughput with 1 (${(
          two.requestsPerSecond / one.requestsPerSecond
        ).toFixed(2)}×), p99 ${ms(one.p99Ms)} → ${ms(two.p99Ms)} ms`
      : 'n/a';
  const hop =
    direct && one
      ? `${pct(one.requestsPerSecond / direct.requestsPerSecond)} of the direct throughput, p99 ${ms(direct.p99Ms)} → ${ms(one.p99Ms)} ms`
      : 'n/a';
  const busy = two
    ? ` (during those rounds the machine was busy ${cores(two.cores.machine)} of its ${cpus} cores)`
    : '';
  return [
    `- HAProxy → 2 instances / HAProxy → 1 instance: ${scale}.`,
    `- HAProxy → 1 instance / one instance direct (the balancer's hop): ${hop}.`,
    `- The load generator, HAProxy, both instances, PostgreSQL and Redis share this machine's ${cpus} cores${busy}: the 2-instance / 1-instance ratio measures how the same cores are shared by more processes (contention), not scale-out, which needs each instance on cores of its own.`,
  ];
}

export function balancerSection(outcome: BalancerOutcome, cpus: number): Section {
  return {
    markdown: markdown(outcome, cpus),
    notes,
    failures: balancerFailed(outcome) ? ['balancer'] : [],
  };
}

function markdown(outcome: BalancerOutcome, cpus: number): string[] {
  const body = outcome.error
    ? [`Failed: ${cell(outcome.error)}`]
    : [
        ...table(header, outcome.ways.map(row), (i) => i > 0 && i < header.length - 1),
        '',
        ...ratios(outcome, cpus),
      ];
  return [
    '## list-20 through the balancer',
    '',
    'The list-20 request of the task scenarios on PostgreSQL, through HAProxy (`deploy/haproxy/haproxy.cfg`) in front of the production topology of `scripts/cluster/topology.ts` (two `taskflow serve` instances, Redis, no worker), with the settings of the other scenarios; the three ways interleave round by round on the same cluster and database, and each row is the median round. Cores are CPU seconds per second of the measured run of that round (/proc).',
    '',
    ...body,
    '',
  ];
}

const notes = [
  `- **list-20 through the balancer** (\`scripts/bench/balancer/\`): \`GET ${shownPaths.list}\`, authenticated (a bearer token from one sign-in through the balancer), on a PostgreSQL database holding the task fixture of \`taskflow seed\` (${TASK_COUNT.toLocaleString('en-US')} tasks). The instances run as a cluster does (\`NODE_ENV=production\`, \`TRUST_PROXY=1\`, Redis for rate limits and the cache) with the bench's log level and rate limits. *Direct* loads one instance's own port. haproxy.cfg requires two servers, so *HAProxy → 1 instance* is the same cluster with the second instance in maintenance on the balancer (\`disable server\`: it gets no request and no health check; its own CPU, in the table, stays near 0); *HAProxy → 2 instances* puts it back (leastconn) once HAProxy sees it up. *Served by api1 / api2* is each instance's share of the 2xx responses HAProxy counted during the round. *Cores: machine* is every process of the machine (PostgreSQL, Redis and whatever else runs there included), from /proc/stat.`,
];
