import type { Command } from 'commander';
import { openCommandDatabase, runCommand } from '../context.ts';

export function registerKeys(program: Command) {
  const keys = program.command('keys').description('Manage access-token signing keys');
  keys
    .command('rotate')
    .description(
      'Sign new access tokens with a new key; tokens signed with the old one stay valid until they expire',
    )
    .action(() =>
      runCommand(async ({ config }) => {
        const { createSigningKeys } = await import('../../modules/auth/index.ts');
        const database = await openCommandDatabase(config);
        try {
          const kid = await createSigningKeys(database.db, config.auth.accessTtlSeconds).rotate();
          process.stdout.write(`new signing key ${kid}; running instances switch within 30 s\n`);
        } finally {
          await database.close();
        }
      }),
    );
}
