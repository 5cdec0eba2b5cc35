import { Email, NewPassword, PersonName } from '@taskflow/contract';
import type { Command } from 'commander';
import { migrateUp } from '../../platform/db/migrator.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { openCommandDatabase, runCommand } from '../context.ts';
import { readSecret } from '../read-secret.ts';

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new OperatorError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

export function registerCreateAdmin(program: Command) {
  program
    .command('create-admin')
    .description(
      'Create a verified admin account; the password is read from a prompt or stdin, never argv',
    )
    .requiredOption('--email <email>', 'email address of the admin')
    .requiredOption('--name <name>', 'display name of the admin')
    .action((opts: { email: string; name: string }) =>
      runCommand(async ({ config }) => {
        const email = parsed(Email, opts.email, 'email');
        const name = parsed(PersonName, opts.name, 'name');
        const { createAdminAccount, passwordProblems } = await import(
          '../../modules/auth/index.ts'
        );
        const password = parsed(NewPassword, await readSecret('Password: '), 'password');
        const problems = passwordProblems(password);
        if (problems.length > 0) throw new OperatorError(`password: ${problems.join('; ')}`);

        const database = await openCommandDatabase(config);
        try {
          if (config.mode === 'embedded') await migrateUp(database.db);
          const created = await createAdminAccount(
            database.db,
            { email, name, password },
            { ip: null, userAgent: 'taskflow create-admin' },
          );
          if (!created)
            throw new OperatorError(`an account with the email ${email} already exists`);
          process.stdout.write(`created admin ${email}\n`);
        } finally {
          await database.close();
        }
      }),
    );
}
