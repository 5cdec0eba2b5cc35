import type { Task, Workspace } from '@taskflow/contract';
import type { App } from '../app.ts';
import type { Database } from '../platform/db/database.ts';
import { createVerifiedUser, signedIn } from './accounts.ts';

export type Client = Awaited<ReturnType<typeof signedIn>>;

/** A verified, signed-in user and their personal workspace. */
export async function newUser(app: App, database: Database, email: string) {
  await createVerifiedUser(app, database, email);
  const client = await signedIn(app, email);
  const list = (await client.get('/api/v1/workspaces')).json() as { items: Workspace[] };
  const personal = list.items.find((w) => w.personal);
  if (!personal) throw new Error(`${email} has no personal workspace`);
  return { ...client, email, personalId: personal.id };
}

export type User = Awaited<ReturnType<typeof newUser>>;

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export async function createWorkspace(owner: Client, name: string): Promise<Workspace> {
  const res = await owner.send('POST', '/api/v1/workspaces', { name });
  expectStatus(res, 201, 'create workspace');
  return res.json();
}

export async function addMember(
  owner: Client,
  workspaceId: string,
  email: string,
  role: 'owner' | 'member' = 'member',
) {
  const res = await owner.send('POST', `/api/v1/workspaces/${workspaceId}/members`, {
    email,
    role,
  });
  expectStatus(res, 201, 'add member');
}

export const tasksPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/tasks`;

export async function createTask(
  client: Client,
  workspaceId: string,
  body: Record<string, unknown>,
): Promise<Task> {
  const res = await client.send('POST', tasksPath(workspaceId), body);
  expectStatus(res, 201, 'create task');
  return res.json();
}

/** Every task of a list, page after page (`query` without cursor). */
export async function listAll(client: Client, workspaceId: string, query: string) {
  const items: Task[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : '';
    const res = await client.get(`${tasksPath(workspaceId)}?${query}${suffix}`);
    expectStatus(res, 200, 'list tasks');
    const page = res.json() as { items: Task[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
