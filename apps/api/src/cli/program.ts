import { Command } from 'commander';
import { version } from '../version.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCreateAdmin } from './commands/create-admin.ts';
import { registerExport } from './commands/export.ts';
import { registerExportOpenApi } from './commands/export-openapi.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerKeys } from './commands/keys.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerSeed } from './commands/seed.ts';
import { registerServe } from './commands/serve.ts';
import { registerTasks } from './commands/tasks.ts';
import { registerUsers } from './commands/users.ts';
import { registerWorker } from './commands/worker.ts';
import { registerWorkspaceArchive } from './commands/workspace-archive.ts';

/** The `taskflow` command and all its subcommands (`--help` on each). */
export function createProgram() {
  const program = new Command()
    .name('taskflow')
    .description('TaskFlow: a collaborative task manager for small teams')
    .version(version)
    .showHelpAfterError();

  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerCreateAdmin(program);
  registerKeys(program);
  registerExportOpenApi(program);
  registerSeed(program);
  registerJobs(program);
  registerBackup(program);
  registerTasks(program);
  registerUsers(program);
  registerWorkspaceArchive(program);
  registerExport(program);
  return program;
}
