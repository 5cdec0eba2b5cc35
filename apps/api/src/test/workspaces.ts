import type { paths } from '@taskflow/contract/openapi';
import type { App } from '../app.ts';
import type { Database } from '../platform/db/database.ts';
import { createVerifiedUser, signedIn } from './accounts.ts';
import { bodyOf, type RequestOptions } from './api-client.ts';

export type Client = Awaited<ReturnType<typeof signedIn>>;

/** A verified, signed-in user and their personal workspace. */
export async function newUser(app: App, database: Database, email: string) {
  await createVerifiedUser(app, database, email);
  const client = await signedIn(app, email);
  const list = bodyOf(await client.api.get('/api/v1/workspaces'), 200);
  const personal = list.items.find((w) => w.personal);
  if (!personal) throw new Error(`${email} has no personal workspace`);
  return { ...client, email, personalId: personal.id };
}

export type User = Awaited<ReturnType<typeof newUser>>;

export async function createWorkspace(owner: Client, name: string) {
  return bodyOf(await owner.api.post('/api/v1/workspaces', { body: { name } }), 201);
}

export async function addMember(
  owner: Client,
  workspaceId: string,
  email: string,
  role: 'owner' | 'member' = 'member',
) {
  const path = { workspaceId };
  bodyOf(
    await owner.api.post('/api/v1/workspaces/{workspaceId}/members', {
      path,
      body: { email, role },
    }),
    201,
  );
}

export const tasksPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/tasks`;

type TasksPath = paths['/api/v1/workspaces/{workspaceId}/tasks'];
type NewTask = RequestOptions<NonNullable<TasksPath['post']>>['body'];
type TaskQuery = NonNullable<RequestOptions<NonNullable<TasksPath['get']>>['query']>;

/** Creates a task; `body` is as loose as the generated ones that the fuzz tests send. */
export async function createTask(
  client: Client,
  workspaceId: string,
  body: Record<string, unknown>,
) {
  return bodyOf(
    await client.api.post('/api/v1/workspaces/{workspaceId}/tasks', {
      path: { workspaceId },
      body: body as NewTask,
    }),
    201,
  );
}

/**
 * Every task of a list, page after page (`query` without cursor); a query string stands for the
 * same query as typed in a URL (the tables of filters).
 */
export async function listAll(client: Client, workspaceId: string, query: TaskQuery | string = {}) {
  const filters =
    typeof query === 'string'
      ? (Object.fromEntries(new URLSearchParams(query)) as TaskQuery)
      : query;
  const items = [];
  let cursor: string | undefined;
  do {
    const page = bodyOf(
      await client.api.get('/api/v1/workspaces/{workspaceId}/tasks', {
        path: { workspaceId },
        query: { ...filters, cursor },
      }),
      200,
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
