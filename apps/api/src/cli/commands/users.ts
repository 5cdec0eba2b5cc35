import { Email, Role } from '@taskflow/contract';
import type { Command } from 'commander';
import { DataDirInUseError } from '../../platform/db/lock.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { openMigrated, runCommand } from '../context.ts';

/** The running embedded server holds the data directory: say what to do instead, once. */
function explainLocked(error: unknown): never {
  if (error instanceof DataDirInUseError) {
    throw new OperatorError(
      `the TaskFlow server (pid ${error.pid}) holds the embedded data directory and does not serve it to commands (no .s.PGSQL.5432 socket there): change the role in the admin dashboard, or stop the server, run this command, and start it again`,
    );
  }
  throw error;
}

export function registerUsers(program: Command) {
  const users = program.command('users').description('Manage user accounts');
  users
    .command('set-role')
    .description(
      "Make a user an administrator, or an administrator a user; the last administrator cannot be demoted. Embedded mode needs the server stopped; on PostgreSQL it works while servers run, and the user's open tabs follow at once",
    )
    .argument('<email>', 'email address of the account')
    .argument('<role>', 'admin or user')
    .action((rawEmail: string, rawRole: string) =>
      runCommand(
        async ({ config, logger }) => {
          const email = Email.safeParse(rawEmail);
          if (!email.success)
            throw new OperatorError(`<email>: "${rawEmail}" is not an email address`);
          const role = Role.safeParse(rawRole);
          if (!role.success) throw new OperatorError(`<role>: "${rawRole}" is not admin or user`);
          const { createAdminUsersForOperator } = await import('../../modules/admin/index.ts');
          const database = await openMigrated(config, logger).catch(explainLocked);
          try {
            const change = createAdminUsersForOperator(database.db);
            const user = await change(email.data, role.data);
            if (!user) throw new OperatorError(`no account uses the email ${email.data}`);
            process.stdout.write(
              `${user.email} is now ${user.role === 'admin' ? 'an admin' : 'a user'}\n`,
            );
          } finally {
            await database.close();
          }
        },
        { logs: 'stderr' },
      ),
    );
}
