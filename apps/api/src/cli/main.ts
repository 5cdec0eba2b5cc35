#!/usr/bin/env node
import { Command } from 'commander';
import { version } from '../app.ts';
import { registerCreateAdmin } from './commands/create-admin.ts';
import { registerExportOpenApi } from './commands/export-openapi.ts';
import { registerKeys } from './commands/keys.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerServe } from './commands/serve.ts';
import { registerWorker } from './commands/worker.ts';

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

await program.parseAsync(process.argv);
