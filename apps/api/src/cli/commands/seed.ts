import type { Command } from 'commander';
import type { DemoSeed } from '../../modules/demo/index.ts';
import { openMigrated, runCommand } from '../context.ts';
import { integer, jsonOption } from '../options.ts';
import { print, printJson, table } from '../output.ts';
import { createProgress } from '../progress.ts';

type Options = { users: number; tasks: number; json?: boolean };

function report(seed: DemoSeed, appUrl: string) {
  if (!seed.created) {
    print(`Demo data already exists (${seed.reason}): nothing changed.`);
    print('Its password was printed when it was made ("Forgot password" sets a new one).');
    return;
  }
  print(
    `Created the workspace "${seed.workspace.name}" (${seed.workspace.id}) with ` +
      `${seed.users.length} users and ${seed.tasks} tasks.`,
  );
  print(`Sign in at ${appUrl} with the password ${seed.password} as:`);
  print(
    table(
      ['email', 'name', 'role'],
      seed.users.map((u) => [u.email, u.name, u.role]),
    ),
  );
}

/** `taskflow seed`: a demo workspace, users and tasks; a second run changes nothing. */
export function registerSeed(program: Command) {
  program
    .command('seed')
    .description(
      'Create demo users and a shared "Demo team" workspace full of tasks, and print their logins ' +
        '(does nothing, and says so, when the demo user already exists)',
    )
    .option('--users <n>', 'demo users, the demo user included (1-100)', integer(1, 100), 5)
    .option('--tasks <n>', 'tasks in the demo workspace (0-10000)', integer(0, 10_000), 300)
    .addOption(jsonOption())
    .action((opts: Options) =>
      runCommand(
        async ({ config, logger }) => {
          const [{ createPasswordService }, { seedDemoWorkspace }] = await Promise.all([
            import('../../modules/auth/index.ts'),
            import('../../modules/demo/index.ts'),
          ]);
          const database = await openMigrated(config, logger);
          const progress = createProgress('seeding tasks', opts.tasks);
          try {
            const seed = await seedDemoWorkspace(database.db, createPasswordService().hash, {
              users: opts.users,
              tasks: opts.tasks,
              everyoneSignsIn: true,
              onProgress: (done) => progress.update(done),
            });
            progress.finish();
            if (opts.json) printJson(seed);
            else report(seed, config.auth.appUrl);
          } finally {
            await database.close();
          }
        },
        { logs: 'stderr' },
      ),
    );
}
