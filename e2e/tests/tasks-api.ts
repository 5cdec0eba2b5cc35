import type { APIRequestContext, Page } from '@playwright/test';
import { type Account, apiAs, createAccount } from './accounts.ts';
import { expect } from './fixtures.ts';

export type UserApi = Awaited<ReturnType<typeof apiAs>>;
export type Task = {
  id: string;
  title: string;
  description: string | null;
  status: string;
  priority: string;
  position: string;
  version: number;
  labels: string[];
  assigneeId: string | null;
  dueDate: string | null;
};

async function personalWorkspace(api: UserApi): Promise<string> {
  const response = await api.get('/api/v1/workspaces');
  const { items } = (await response.json()) as { items: { id: string; personal: boolean }[] };
  const personal = items.find((w) => w.personal);
  if (!personal) throw new Error('every account has a personal workspace');
  return personal.id;
}

/** A new account with its API and its (empty) personal board, for the board's tests. */
export async function newBoard(
  request: APIRequestContext,
  adminApi: APIRequestContext,
): Promise<{ account: Account; api: UserApi; workspaceId: string; board: string }> {
  const account = await createAccount(request, adminApi);
  const api = await apiAs(request, account);
  const workspaceId = await personalWorkspace(api);
  return { account, api, workspaceId, board: `/w/${workspaceId}` };
}

/**
 * Creates the tasks in order through the API (each new one goes to the top of the board), and
 * returns them by title.
 */
export async function createTasks(
  api: UserApi,
  workspaceId: string,
  tasks: (string | ({ title: string } & Partial<Omit<Task, 'id'>>))[],
): Promise<(title: string) => Task> {
  const created = new Map<string, Task>();
  for (const task of tasks) {
    const data = typeof task === 'string' ? { title: task } : task;
    const response = await api.post(`/api/v1/workspaces/${workspaceId}/tasks`, { data });
    expect(response.status(), `create ${data.title}`).toBe(201);
    created.set(data.title, (await response.json()) as Task);
  }
  return (title) => {
    const task = created.get(title);
    if (!task) throw new Error(`no task “${title}” was created`);
    return task;
  };
}

export async function readTask(api: UserApi, workspaceId: string, taskId: string): Promise<Task> {
  const response = await api.get(`/api/v1/workspaces/${workspaceId}/tasks/${taskId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Task;
}

/** Titles in manual order, as the API sorts them. */
export async function titlesInOrder(
  api: UserApi,
  workspaceId: string,
  query = '',
): Promise<string[]> {
  const response = await api.get(`/api/v1/workspaces/${workspaceId}/tasks?sort=position${query}`);
  const { items } = (await response.json()) as { items: Task[] };
  return items.map((task) => task.title);
}

export const taskTitles = (page: Page) => page.getByTestId('task-title');

/** dnd-kit's live region: what a screen reader hears during a drag. */
export const dragAnnouncement = (page: Page) => page.locator('[id^="DndLiveRegion"]');
