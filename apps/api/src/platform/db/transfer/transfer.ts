import { sql } from 'kysely';
import { OperatorError } from '../../operator-error.ts';
import { installJobSchema } from '../../queue/boss.ts';
import type { Database } from '../database.ts';
import { migrateUp } from '../migrator.ts';
import {
  type Db,
  inForeignKeyOrder,
  qualified,
  sequencesIn,
  type TableSpec,
  tableId,
  tablesIn,
} from './catalog.ts';
import {
  printCanonically,
  type SequenceState,
  type Sum,
  sequenceState,
  sumOf,
} from './checksum.ts';
import { copySequence, copyTable, setTriggers } from './copy.ts';
import { copyQueues, jobTables } from './jobs.ts';
import {
  APP_SCHEMA,
  assertFresh,
  assertKnownMigrations,
  assertSameMigrations,
  jobSchemaVersion,
  MIGRATOR_TABLES,
  SEEDED_ROWS,
} from './preflight.ts';

export type TableCheck = { table: string; source: Sum; target: Sum; same: boolean };
export type SequenceCheck = {
  sequence: string;
  source: SequenceState;
  target: SequenceState;
  same: boolean;
};
export type TransferReport = {
  /** The last migration of both databases. */
  migration: string | null;
  tables: TableCheck[];
  sequences: SequenceCheck[];
  same: boolean;
};

/** The copy did not check out: the target's transaction was rolled back. */
export class TransferMismatchError extends OperatorError {
  readonly report: TransferReport;
  constructor(report: TransferReport) {
    const count = (checks: { same: boolean }[], what: string) => {
      const n = checks.filter((c) => !c.same).length;
      return n === 0 ? [] : [`${n} ${what}${n === 1 ? '' : 's'}`];
    };
    const differ = [...count(report.tables, 'table'), ...count(report.sequences, 'sequence')];
    super(
      `${differ.join(' and ')} differ between the source and the target after copying: ` +
        'nothing was written (the target transaction was rolled back)',
    );
    this.report = report;
  }
}

type Progress = { update(done: number): void; finish(): void };

type Options = {
  /** What the messages call each side (`the data directory …`, a URL without its password). */
  names: { source: string; target: string };
  /** Progress over the rows to copy, once their number is known. */
  progress?: (total: number) => Progress;
  /** Work that must succeed for the copy to commit (the files' copy), once it has checked out. */
  beforeCommit?: () => Promise<void>;
};

/** Both databases migrated to the same version, their job schemas installed, or a refusal. */
async function prepare(source: Database, target: Database, { names }: Options) {
  await assertKnownMigrations(source.db, names.source);
  await migrateUp(source.db);
  await installJobSchema(source);
  try {
    await sql`select 1`.execute(target.db);
  } catch (error) {
    throw new OperatorError(`cannot reach ${names.target}: ${(error as Error).message}`);
  }
  await assertKnownMigrations(target.db, names.target);
  await assertFresh(target.db, names.target);
  await migrateUp(target.db);
  await installJobSchema(target);
  const migration = await assertSameMigrations(source.db, target.db);
  const [mine, theirs] = [await jobSchemaVersion(source.db), await jobSchemaVersion(target.db)];
  if (mine !== theirs) {
    throw new OperatorError(`the job queue schemas differ (version ${mine} and ${theirs})`);
  }
  return migration;
}

/** TaskFlow's tables in foreign-key order, then pg-boss's; each the same on both sides. */
async function planOf(source: Db, target: Db) {
  const read = async (db: Db) => {
    const all = [...(await tablesIn(db, APP_SCHEMA)).values()];
    const app = all.filter((t) => !MIGRATOR_TABLES.includes(t.name));
    return { app: await inForeignKeyOrder(db, APP_SCHEMA, app), jobs: await jobTables(db) };
  };
  const [mine, theirs] = [await read(source), await read(target)];
  const shapes = (plan: typeof mine) =>
    new Map([...plan.app, ...plan.jobs].map((t) => [qualified(t), t.shape.join(', ')]));
  const [a, b] = [shapes(mine), shapes(theirs)];
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
  if (differ.length > 0) {
    throw new OperatorError(
      `the target's tables differ from the source's (${differ.join(', ')}): is it TaskFlow's own?`,
    );
  }
  return mine;
}

type Plan = Awaited<ReturnType<typeof planOf>>;

/** Writes every row that moves into the target's transaction `trx`, its own triggers off. */
async function copyAll(
  source: Db,
  trx: Db,
  { app, jobs }: Plan,
  sequences: string[],
  copied: (rows: number) => void,
) {
  await setTriggers(trx, app, false);
  for (const table of app.filter((t) => t.name in SEEDED_ROWS))
    await sql`delete from ${tableId(table)}`.execute(trx);
  for (const table of app) await copyTable(source, trx, table, copied);
  for (const name of sequences) await copySequence(source, trx, APP_SCHEMA, name);
  const [queue, ...others] = jobs;
  if (queue) await copyQueues(source, trx, queue, copied);
  for (const table of others) await copyTable(source, trx, table, copied);
  await setTriggers(trx, app, true);
}

/** Every table's count and checksum, and every sequence, on both sides. */
async function compare(
  source: Db,
  trx: Db,
  sums: Map<TableSpec, Sum>,
  sequences: string[],
  migration: string | null,
): Promise<TransferReport> {
  const report: TransferReport = { migration, tables: [], sequences: [], same: true };
  for (const [table, mine] of sums) {
    const theirs = await sumOf(trx, table);
    const same = mine.rows === theirs.rows && mine.checksum === theirs.checksum;
    report.tables.push({ table: qualified(table), source: mine, target: theirs, same });
  }
  for (const name of sequences) {
    const mine = await sequenceState(source, APP_SCHEMA, name);
    const theirs = await sequenceState(trx, APP_SCHEMA, name);
    const same = mine.lastValue === theirs.lastValue && mine.isCalled === theirs.isCalled;
    report.sequences.push({
      sequence: `${APP_SCHEMA}.${name}`,
      source: mine,
      target: theirs,
      same,
    });
  }
  // TaskFlow's tables by name, then pg-boss's: the order an operator looks one up in.
  const rank = (t: TableCheck) => (t.table.startsWith(`${APP_SCHEMA}.`) ? 0 : 1);
  report.tables.sort((a, b) => rank(a) - rank(b) || (rank(a) ? 0 : a.table.localeCompare(b.table)));
  report.same = [...report.tables, ...report.sequences].every((c) => c.same);
  return report;
}

/**
 * Copies everything of an embedded TaskFlow (`source`, PGlite) into a new PostgreSQL database
 * (`target`) in one transaction of the target, and checks it there before committing: per
 * table, the rows that moved counted and summed with the same SQL on both sides.
 */
export async function transferDatabase(
  source: Database,
  target: Database,
  options: Options,
): Promise<TransferReport> {
  await printCanonically(source.db, false);
  const migration = await prepare(source, target, options);
  const plan = await planOf(source.db, target.db);
  const sums = new Map<TableSpec, Sum>();
  for (const table of [...plan.app, ...plan.jobs]) sums.set(table, await sumOf(source.db, table));
  const sequences = await sequencesIn(source.db, APP_SCHEMA);
  const progress = options.progress?.([...sums.values()].reduce((n, s) => n + s.rows, 0));
  let done = 0;
  const copied = (rows: number) => {
    done += rows;
    progress?.update(done);
  };

  return target.db.transaction().execute(async (trx) => {
    await printCanonically(trx, true);
    await sql`set local statement_timeout = 0`.execute(trx);
    await assertFresh(trx, options.names.target);
    await copyAll(source.db, trx, plan, sequences, copied);
    progress?.finish();
    const report = await compare(source.db, trx, sums, sequences, migration);
    if (!report.same) throw new TransferMismatchError(report);
    await options.beforeCommit?.();
    return report;
  });
}
