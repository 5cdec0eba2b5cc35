import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../../config.ts';
import { openEmbeddedDatabase, openPostgresDatabase } from '../../platform/db/database.ts';
import type { TransferReport } from '../../platform/db/transfer/transfer.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { runCommand } from '../context.ts';
import { jsonOption } from '../options.ts';
import { print, printJson, table } from '../output.ts';
import { createProgress } from '../progress.ts';

type Options = { to: string; filesTo?: string; filesToBucket?: boolean; json?: boolean };

/** A postgres:// URL, for commander (a bad one exits 1 naming the option). */
function postgresUrl(value: string) {
  if (!URL.canParse(value) || !/^postgres(ql)?:$/.test(new URL(value).protocol))
    throw new InvalidArgumentError('expected a URL such as postgres://user:password@host:5432/db');
  return value;
}

/** The URL as it may be printed: without its password. */
function shown(url: string) {
  const u = new URL(url);
  u.password = '';
  u.searchParams.delete('password');
  return u.toString();
}

const HELP = `
What moves: every table of TaskFlow's schema (users, sessions, signing keys, workspaces, tasks,
comments, attachments' records, events with their ids, the outbox, idempotency keys...), with
ids kept and every sequence set to continue after them; and of the job queue (pg-boss), its
queues, cron schedules, subscriptions and the jobs that are waiting, retrying, running or failed
(dead letters included). What does not: completed and cancelled jobs (the admin view's recent
history), and pg-boss's records of itself (versions, warnings, processes, queue statistics).
Attachments' files move only with --files-to or --files-to-bucket.

The target must be new: empty, or only prepared by \`taskflow migrate up\`. It is migrated and
given the job queue's schema here; everything is copied in one transaction, checked table by
table (row count and checksum on both sides), and committed only if all match. Stop the
embedded server first: it holds the data directory.
`;

const size = (bytes: number) =>
  bytes < 1_024
    ? `${bytes} bytes`
    : bytes < 1_048_576
      ? `${(bytes / 1_024).toFixed(1)} KiB`
      : `${(bytes / 1_048_576).toFixed(1)} MiB`;

type FilesReport = {
  from: string;
  objects: number;
  bytes: number;
  /** Where they were copied (a directory, or `s3://bucket`); null: not copied. */
  copiedTo: string | null;
};

/** What became of the attachments' files, in one line. */
function filesLine(files: FilesReport) {
  const s = files.objects === 1 ? '' : 's';
  const what = `${files.objects} attachment file${s} (${size(files.bytes)})`;
  if (files.copiedTo) return `Copied ${what} from ${files.from} to ${files.copiedTo}.`;
  if (files.objects === 0) return `No attachment files in ${files.from}: nothing to copy.`;
  return (
    `Files NOT copied: ${what} stay in ${files.from}. Copy them, with their paths under it, to ` +
    `the cluster's FILES_DIR or S3 bucket before it serves (cp -a ${files.from}/. <FILES_DIR>/).`
  );
}

function report(
  result: TransferReport,
  files: FilesReport,
  where: { dataDir: string; target: string },
) {
  const what = `${where.dataDir} (at migration ${result.migration ?? 'none'}) into ${where.target}`;
  print(result.same ? `Copied ${what}:` : `Copying ${what} did not check out:`);
  const rows = result.tables.map((t) => [
    t.table,
    t.source.rows,
    t.source.checksum,
    t.same ? 'same' : `DIFFERS: ${t.target.rows} rows, ${t.target.checksum}`,
  ]);
  print(table(['table', 'rows', 'checksum (md5)', 'target'], rows, [1]));
  for (const q of result.sequences) {
    const { lastValue, isCalled } = q.source;
    const next = isCalled ? BigInt(lastValue) + 1n : BigInt(lastValue);
    print(`Sequence ${q.sequence}: next value ${next}${q.same ? '' : ' in the source; DIFFERS'}.`);
  }
  if (!result.same) return;
  print(filesLine(files));
  print(
    'Start the cluster on this database with the same TWO_FACTOR_ENCRYPTION_KEY and OIDC_* ' +
      'settings (deploy/README.md, "Upgrading from embedded to cluster").',
  );
}

async function transferFiles(config: Config, opts: Options) {
  const { objectsIn, copyToBucket, copyToDirectory } = await import(
    '../../platform/db/transfer/files.ts'
  );
  const from = config.files.dir;
  const objects = await objectsIn(from);
  const files: FilesReport = {
    from,
    objects: objects.length,
    bytes: objects.reduce((n, o) => n + o.size, 0),
    copiedTo: null,
  };
  if (!opts.filesTo && !opts.filesToBucket) return { files, copy: async () => {} };
  const progress = createProgress('copying files', objects.length);
  const done = (n: number) => progress.update(n);
  const s3 = config.files.s3;
  const to = opts.filesTo ? path.resolve(opts.filesTo) : `s3://${s3?.bucket}`;
  async function copy() {
    if (opts.filesTo) await copyToDirectory(objects, to, done);
    else if (s3) await copyToBucket(objects, s3, done);
    progress.finish();
    files.copiedTo = to;
  }
  return { files, copy };
}

function checkOptions(config: Config, opts: Options) {
  if (config.mode === 'cluster')
    throw new OperatorError(
      'export reads the embedded data directory (DATA_DIR), but DATABASE_URL is set (cluster ' +
        'mode): run it without DATABASE_URL, where the data directory is, naming the new ' +
        'database with --to',
    );
  if (opts.filesTo && opts.filesToBucket)
    throw new OperatorError('--files-to and --files-to-bucket: choose one');
  if (opts.filesToBucket && !config.files.s3)
    throw new OperatorError('--files-to-bucket: set S3_BUCKET (and S3_ENDPOINT…) to the bucket');
  if (opts.filesTo && path.resolve(opts.filesTo) === config.files.dir)
    throw new OperatorError(`--files-to: ${config.files.dir} is where the files are already`);
  // PGlite's files, where openPglite keeps them: opening a directory without them would make one.
  if (!existsSync(path.join(config.db.dataDir, 'pgdata')))
    throw new OperatorError(`no embedded data directory at ${config.db.dataDir} (DATA_DIR)`);
}

/** `taskflow export --to postgres://…`: an embedded TaskFlow moved into cluster mode. */
export function registerExport(program: Command) {
  program
    .command('export')
    .description(
      'Copy this embedded TaskFlow (DATA_DIR) into a new PostgreSQL database for cluster mode, ' +
        'checking every table on both sides',
    )
    .requiredOption('--to <url>', 'the new database, postgres://user:password@host/db', postgresUrl)
    .option('--files-to <dir>', "also copy attachments' files into this directory (FILES_DIR)")
    .option('--files-to-bucket', 'also copy them into the S3 bucket S3_BUCKET, S3_ENDPOINT… name')
    .addOption(jsonOption())
    .addHelpText('after', HELP)
    .action((opts: Options) =>
      runCommand(
        async ({ config, logger }) => {
          checkOptions(config, opts);
          const { TransferMismatchError, transferDatabase } = await import(
            '../../platform/db/transfer/transfer.ts'
          );
          const where = { dataDir: config.db.dataDir, target: shown(opts.to) };
          const { files, copy } = await transferFiles(config, opts);
          const source = await openEmbeddedDatabase(config.db.dataDir);
          const target = openPostgresDatabase(opts.to, config.db, undefined, logger);
          const output = (result: TransferReport) =>
            opts.json ? printJson({ ...where, ...result, files }) : report(result, files, where);
          try {
            const result = await transferDatabase(source, target, {
              names: { source: `the data directory ${where.dataDir}`, target: where.target },
              progress: (total) => createProgress('copying rows', total),
              beforeCommit: copy,
            });
            output(result);
          } catch (error) {
            if (error instanceof TransferMismatchError) output(error.report);
            throw error;
          } finally {
            await target.close();
            await source.close();
          }
        },
        { logs: 'stderr' },
      ),
    );
}
