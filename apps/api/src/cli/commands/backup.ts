import path from 'node:path';
import type { Backup } from '@taskflow/contract';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { openEmbeddedDatabase } from '../../platform/db/database.ts';
import { DataDirInUseError } from '../../platform/db/lock.ts';
import { migrateUp } from '../../platform/db/migrator.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { runCommand } from '../context.ts';
import { jsonOption } from '../options.ts';
import { keyValues, print, printJson } from '../output.ts';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function embeddedOnly(config: Config, what: string) {
  if (config.mode !== 'embedded') {
    throw new OperatorError(
      `${what} is for the embedded database (DATA_DIR); with DATABASE_URL set, back up PostgreSQL with pg_dump`,
    );
  }
}

function report(backup: Backup, file: string) {
  print(`Backup taken: ${file}`);
  print(
    keyValues([
      ['size', megabytes(backup.bytes)],
      ['rows', backup.rows],
      ['attachment files', backup.files],
      ['TaskFlow', backup.taskflowVersion],
      ['PGlite', backup.pgliteVersion],
      ['migration', backup.migration],
    ]),
  );
}

export function registerBackup(program: Command) {
  program
    .command('backup')
    .description(
      'Take a backup of the embedded database and its attachments into BACKUP_DIR (default DATA_DIR/backups), then keep the newest BACKUP_KEEP. While the server runs, the server takes it (through its operator socket); otherwise this command does',
    )
    .addOption(jsonOption())
    .action((opts: { json?: boolean }) =>
      runCommand(
        async ({ config, logger }) => {
          embeddedOnly(config, 'taskflow backup');
          const backups = await import('../../modules/backups/index.ts');
          let backup: Backup;
          try {
            // The data directory itself: a backup copies its files (through a running server,
            // the server does).
            const database = await openEmbeddedDatabase(config.db.dataDir);
            try {
              await migrateUp(database.db);
              backup = await backups
                .createBackupService({ database, config, logger })
                .create('command');
            } finally {
              await database.close();
            }
          } catch (error) {
            if (!(error instanceof DataDirInUseError)) throw error;
            backup = await backups.backupThroughServer(config.db.dataDir, error.pid);
          }
          const file = path.join(config.backups.dir, backup.name);
          if (opts.json) printJson({ ...backup, path: file });
          else report(backup, file);
        },
        { logs: 'stderr' },
      ),
    );

  program
    .command('restore')
    .description(
      'Restore a backup into DATA_DIR, with the server stopped. The backup is checked first (same PGlite line, a known migration, every table as at the snapshot); the database and attachments it replaces are kept aside, renamed',
    )
    .argument('<file>', 'a backup archive (taskflow-….tar.gz)')
    .addOption(jsonOption())
    .action((file: string, opts: { json?: boolean }) =>
      runCommand(
        async ({ config }) => {
          embeddedOnly(config, 'taskflow restore');
          const { restoreBackup, describeBackup } = await import('../../modules/backups/index.ts');
          const restored = await restoreBackup(path.resolve(file), {
            dataDir: config.db.dataDir,
            filesDir: config.files.dir,
          }).catch((error: unknown) => {
            if (error instanceof DataDirInUseError) {
              throw new OperatorError(
                `the TaskFlow server (pid ${error.pid}) holds ${config.db.dataDir}: stop it, then restore`,
              );
            }
            throw error;
          });
          const { manifest, keptAside } = restored;
          if (opts.json) {
            printJson({ restored: describeBackup(manifest, 0), keptAside });
            return;
          }
          print(
            `Restored ${manifest.name} (taken ${manifest.createdAt}) into ${config.db.dataDir}`,
          );
          for (const aside of keptAside) print(`kept aside: ${aside}`);
          print('Start the server to serve it.');
        },
        { logs: 'stderr' },
      ),
    );
}
