import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Email } from '@taskflow/contract';
import type { Command } from 'commander';
import { z } from 'zod';
import type { ExportResult, ImportResult } from '../../modules/archive/index.ts';
import { DataDirInUseError } from '../../platform/db/lock.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { createFileStore } from '../../platform/storage/index.ts';
import { openMigrated, runCommand } from '../context.ts';
import { jsonOption } from '../options.ts';
import { keyValues, print, printJson, when } from '../output.ts';
import { createProgress } from '../progress.ts';
import { withJobs } from '../with-jobs.ts';

/** The running embedded server holds the data directory: say what to do instead, once. */
function explainLocked(error: unknown): never {
  if (error instanceof DataDirInUseError) {
    throw new OperatorError(
      `the TaskFlow server (pid ${error.pid}) holds the embedded data directory: stop it, run this command, and start it again`,
    );
  }
  throw error;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function reportExport(result: ExportResult) {
  const { counts } = result;
  print(
    `Exported workspace "${result.workspace.name}" (${result.workspace.id}) to ${result.file} (${result.bytes} bytes)`,
  );
  print(
    keyValues([
      ['archive id', result.archiveId],
      ['exported at (UTC)', when(result.exportedAt)],
      ['members', counts.members],
      ['people named', counts.people],
      ['labels', counts.labels],
      ['tasks', counts.tasks],
      ['in the trash', counts.trashed],
      ['comments', counts.comments],
      ['history entries', counts.history],
      ['attachments', counts.attachments],
      ['attachment bytes', result.attachmentBytes],
    ]),
  );
}

function reportImport(result: ImportResult) {
  if (result.status === 'already-imported') {
    print(
      `Archive ${result.archiveId} was already imported on ${when(result.importedAt)} UTC as workspace "${result.workspace.name}" (${result.workspace.id}): nothing changed.`,
    );
    return;
  }
  const { counts, members } = result;
  print(
    `Imported "${result.source.name}" as workspace ${result.workspace.id}, owned by ${result.owner}`,
  );
  print(
    keyValues([
      ['members added', members.added.length],
      ['labels', counts.labels],
      ['tasks', counts.tasks],
      ['in the trash', counts.trashed],
      ['comments', counts.comments],
      ['history entries', counts.history],
      ['attachments', counts.attachments],
      ['attachment bytes', result.attachmentBytes],
    ]),
  );
  print(`Members: ${members.added.map((m) => `${m.email} (${m.role})`).join(', ')}`);
  if (members.unmatched.length > 0) {
    print(`Not added, no account here: ${members.unmatched.join(', ')}`);
  }
  for (const { email, reason } of members.skipped) print(`Not added, ${email}: ${reason}`);
  if (result.unmatchedPeople.length > 0) {
    print(
      `Former members with no account here (their comments, files and history show no author): ${result.unmatchedPeople.join(', ')}`,
    );
  }
  if (result.unassigned > 0) {
    print(`${plural(result.unassigned, 'task')} unassigned: the assignee is not a member here`);
  }
}

async function requireFile(file: string) {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) throw new OperatorError(`<file>: ${file} is not a file`);
}

export function registerWorkspaceArchive(program: Command) {
  const workspace = program
    .command('workspace')
    .description(
      'Move a workspace between TaskFlow instances: export it as an archive, import it elsewhere',
    );

  workspace
    .command('export')
    .description(
      'Write a workspace (members, labels, tasks with the trash, comments, history and attached files) to a gzipped tar archive. Embedded mode needs the server stopped',
    )
    .argument('<workspace-id>', 'the workspace (its id, as in the web app’s address /w/<id>)')
    .requiredOption('--out <file>', 'the archive to write (replaced if it exists)')
    .addOption(jsonOption())
    .action((id: string, opts: { out: string; json?: boolean }) =>
      runCommand(
        async ({ config, logger }) => {
          if (!z.uuid().safeParse(id).success)
            throw new OperatorError(`<workspace-id>: "${id}" is not a workspace id (a UUID)`);
          const out = path.resolve(opts.out);
          if (!(await stat(path.dirname(out)).catch(() => undefined))?.isDirectory())
            throw new OperatorError(`--out: the directory ${path.dirname(out)} does not exist`);
          const { createArchiveExporter } = await import('../../modules/archive/index.ts');
          const database = await openMigrated(config, logger).catch(explainLocked);
          const store = createFileStore(config.files, config.mode, logger);
          try {
            const exporter = createArchiveExporter({ db: database.db, store });
            let progress: ReturnType<typeof createProgress> | undefined;
            const result = await exporter.exportWorkspace(
              id,
              path.resolve(opts.out),
              (done, total) => {
                progress ??= createProgress('copying files', total);
                progress.update(done);
              },
            );
            progress?.finish();
            if (opts.json) printJson(result);
            else reportExport(result);
          } finally {
            store.close?.();
            await database.close();
          }
        },
        { logs: 'stderr' },
      ),
    );

  workspace
    .command('import')
    .description(
      'Make a new workspace from an archive of `workspace export`: new ids, members matched by email to accounts here (no account is made), the owner named by --owner. Importing an archive again changes nothing and exits 0. Embedded mode needs the server stopped',
    )
    .argument('<file>', 'the archive')
    .requiredOption('--owner <email>', 'the account here that owns the new workspace')
    .addOption(jsonOption())
    .action((file: string, opts: { owner: string; json?: boolean }) =>
      runCommand(
        async (ctx) => {
          const owner = Email.safeParse(opts.owner);
          if (!owner.success)
            throw new OperatorError(`--owner: "${opts.owner}" is not an email address`);
          await requireFile(file);
          const [{ createArchiveImporter }, { spoolDirOf }] = await Promise.all([
            import('../../modules/archive/index.ts'),
            import('../../modules/attachments/index.ts'),
          ]);
          const { config } = ctx;
          const result = await withJobs(
            ctx,
            async (jobs, database) => {
              const importer = createArchiveImporter({
                db: database.db,
                store: jobs.files,
                files: { ...config.files, spoolDir: spoolDirOf(config.files) },
                thumbnail: jobs.thumbnailAfterCommit,
              });
              let progress: ReturnType<typeof createProgress> | undefined;
              const done = await importer.importArchive(
                createReadStream(file),
                owner.data,
                (n, total) => {
                  progress ??= createProgress('storing files', total);
                  progress.update(n);
                },
              );
              progress?.finish();
              return done;
            },
            { migrated: true },
          ).catch(explainLocked);
          if (opts.json) printJson(result);
          else reportImport(result);
        },
        { logs: 'stderr' },
      ),
    );
}
