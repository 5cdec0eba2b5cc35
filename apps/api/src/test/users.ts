import { beforeAll } from 'vitest';
import { type TestApp, type TestAppOptions, useTestApp } from './app.ts';
import { readyLater } from './ready-later.ts';
import { addMember, type Client, createWorkspace, newUser, type User } from './workspaces.ts';

export type { User };

/**
 * The test app (`useTestApp`) and, for each name, a verified, signed-in user `<name>@example.com`
 * made before the file's own `beforeAll` hooks run:
 *
 *   const { ctx, ada, bob } = useTestUsers(['ada', 'bob']);
 *
 * Like the app, a user read before then throws. `signUp(name)` makes another, in a test.
 */
export function useTestUsers<const N extends string>(
  names: readonly N[],
  env: Record<string, string> = {},
  options: TestAppOptions = {},
) {
  const ctx = useTestApp(env, options);
  const users = names.map((name) => ({ name, user: readyLater<User>(name) }));
  beforeAll(async () => {
    for (const { name, user } of users) {
      user.ready(await newUser(ctx.app, ctx.database, `${name}@example.com`));
    }
  });
  return {
    ctx,
    signUp: (name: string) => newUser(ctx.app, ctx.database, `${name}@example.com`),
    ...(Object.fromEntries(users.map(({ name, user }) => [name, user.value])) as Record<N, User>),
  } as { ctx: TestApp; signUp: (name: string) => Promise<User> } & Record<N, User>;
}

/** A workspace `name` owned by `owner`, with `members` added: its id. */
export async function createTeam(owner: Client, name: string, ...members: User[]) {
  const { id } = await createWorkspace(owner, name);
  for (const member of members) await addMember(owner, id, member.email);
  return id;
}
