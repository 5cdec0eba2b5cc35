import type { TaskStats } from '@taskflow/contract';
import type { Command } from 'commander';
import { z } from 'zod';
import { OperatorError } from '../../platform/operator-error.ts';
import { openMigrated, runCommand } from '../context.ts';
import { jsonOption, timeZoneOption } from '../options.ts';
import { keyValues, print, printJson } from '../output.ts';

type Options = { workspace?: string; tz: string; json?: boolean };
type Workspace = { id: string; name: string; personal: boolean; members: number };

function report(stats: TaskStats, workspace: Workspace | null, today: string) {
  const scope = workspace
    ? `workspace "${workspace.name}" (${workspace.id}, ${workspace.members} member${workspace.members === 1 ? '' : 's'})`
    : 'every workspace';
  print(`Tasks in ${scope}; today is ${today} in ${stats.timeZone}`);
  const last30 = stats.completionSeries.reduce((n, d) => n + d.completed, 0);
  print(
    keyValues([
      ['total', stats.total],
      ['to do', stats.byStatus.todo],
      ['in progress', stats.byStatus.in_progress],
      ['done', stats.byStatus.done],
      ['priority low', stats.byPriority.low],
      ['priority medium', stats.byPriority.medium],
      ['priority high', stats.byPriority.high],
      ['priority urgent', stats.byPriority.urgent],
      ['created today', stats.createdToday],
      ['completed today', stats.completedToday],
      ['completed in 30 days', last30],
      ['overdue', stats.overdue],
    ]),
  );
}

export function registerTasks(program: Command) {
  const tasks = program.command('tasks').description('Figures on tasks across the instance');

  tasks
    .command('stats')
    .description(
      'Live tasks by status and priority, created and completed today, overdue: across every ' +
        'workspace, or in one with --workspace',
    )
    .option('--workspace <id>', 'only this workspace (its id)')
    .addOption(timeZoneOption())
    .addOption(jsonOption())
    .action((opts: Options) =>
      runCommand(
        async ({ config, logger }) => {
          const id = opts.workspace;
          if (id !== undefined && !z.uuid().safeParse(id).success)
            throw new OperatorError(`--workspace: "${id}" is not a workspace id (a UUID)`);
          const [{ createAdminRepository }, { statsReport }] = await Promise.all([
            import('../../modules/admin/index.ts'),
            import('../../modules/tasks/index.ts'),
          ]);
          const database = await openMigrated(config, logger);
          try {
            let workspace: Workspace | null = null;
            if (id !== undefined) {
              const row = await createAdminRepository(database.db).findWorkspace(id);
              if (!row) throw new OperatorError(`no workspace has the id ${id}`);
              const { member_count: members, ...rest } = row;
              workspace = { ...rest, members };
            }
            const { stats, today } = await statsReport(database.db, id, opts.tz);
            if (opts.json) printJson({ workspace, ...stats });
            else report(stats, workspace, today);
          } finally {
            await database.close();
          }
        },
        { logs: 'stderr' },
      ),
    );
}
