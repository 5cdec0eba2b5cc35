import type { Command } from 'commander';
import { openDatabase } from '../../platform/db/database.ts';
import {
  type MigrationStep,
  migrateDown,
  migrateDownAll,
  migrateUp,
  migrationStatus,
} from '../../platform/db/migrator.ts';
import { runCommand } from '../context.ts';

const print = (steps: MigrationStep[]) => {
  if (steps.length === 0) process.stdout.write('nothing to do\n');
  for (const s of steps)
    process.stdout.write(`${s.direction === 'Up' ? 'applied' : 'reverted'} ${s.name}\n`);
};

export function registerMigrate(program: Command) {
  const migrate = program
    .command('migrate')
    .description('Apply, revert or list database migrations');

  migrate
    .command('up')
    .description('Apply every pending migration, and install or upgrade the job queue schema')
    .action(() =>
      runCommand(async ({ config }) => {
        const database = await openDatabase(config);
        try {
          print(await migrateUp(database.db));
          const { installJobSchema } = await import('../../platform/queue/boss.ts');
          await installJobSchema(database);
          process.stdout.write('job queue schema is current\n');
        } finally {
          await database.close();
        }
      }),
    );

  migrate
    .command('down')
    .description('Revert the last applied migration (or all of them with --all)')
    .option('--all', 'revert every applied migration')
    .action((opts: { all?: boolean }) =>
      runCommand(async ({ config }) => {
        const database = await openDatabase(config);
        try {
          print(await (opts.all ? migrateDownAll(database.db) : migrateDown(database.db)));
        } finally {
          await database.close();
        }
      }),
    );

  migrate
    .command('status')
    .description('List migrations and whether each is applied')
    .action(() =>
      runCommand(async ({ config }) => {
        const database = await openDatabase(config);
        try {
          for (const m of await migrationStatus(database.db)) {
            const when = m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending';
            process.stdout.write(`${m.name}  ${when}\n`);
          }
        } finally {
          await database.close();
        }
      }),
    );
}
