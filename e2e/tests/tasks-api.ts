import type { Page } from '@playwright/test';
import { type Api, expectAnswer, type Schemas, type Task } from './api-client.ts';
import type { Accounts } from './fixtures.ts';

type NewTask = Schemas['CreateTaskBodyInput'];

/** What the API fills in for a field a new task leaves out. */
const newTaskDefaults: Omit<NewTask, 'title'> = {
  description: '',
  priority: 'medium',
  status: 'todo',
  assigneeId: null,
  dueDate: null,
};

export async function personalWorkspace(api: Api): Promise<string> {
  const { items } = await expectAnswer(api.GET('/api/v1/workspaces'), 200, 'list workspaces');
  const personal = items.find((w) => w.personal);
  if (!personal) throw new Error('every account has a personal workspace');
  return personal.id;
}

/** A new workspace of the user of `api`, with its id. */
export async function createWorkspace(api: Api, name: string): Promise<string> {
  const created = api.POST('/api/v1/workspaces', { body: { name } });
  return (await expectAnswer(created, 201, `create workspace ${name}`)).id;
}

/** A new workspace shared by a new owner with a new member, made through the API. */
export async function sharedWorkspace(accounts: Accounts, name: string) {
  const { account: owner, api: ownerApi } = await accounts.create();
  const { account: member, api: memberApi } = await accounts.create();
  const workspaceId = await createWorkspace(ownerApi, name);
  const added = ownerApi.POST('/api/v1/workspaces/{workspaceId}/members', {
    params: { path: { workspaceId } },
    body: { email: member.email, role: 'member' },
  });
  await expectAnswer(added, 201, `add ${member.name} to ${name}`);
  // The member is told they were added; tests start from an inbox with nothing unread.
  const read = memberApi.POST('/api/v1/notifications/read', { body: { all: true } });
  await expectAnswer(read, 200, `${member.name} reads the notice of being added`);
  return { owner, ownerApi, member, workspaceId, board: `/w/${workspaceId}` };
}

/**
 * Creates the tasks in order through the API (each new one goes to the top of the board), and
 * returns them by title.
 */
export async function createTasks(
  api: Api,
  workspaceId: string,
  tasks: (string | ({ title: string } & Partial<NewTask>))[],
): Promise<(title: string) => Task> {
  const created = new Map<string, Task>();
  for (const task of tasks) {
    const body = { ...newTaskDefaults, ...(typeof task === 'string' ? { title: task } : task) };
    const call = api.POST('/api/v1/workspaces/{workspaceId}/tasks', {
      params: { path: { workspaceId } },
      body,
    });
    created.set(body.title, await expectAnswer(call, 201, `create ${body.title}`));
  }
  return (title) => {
    const task = created.get(title);
    if (!task) throw new Error(`no task “${title}” was created`);
    return task;
  };
}

export async function readTask(api: Api, workspaceId: string, taskId: string): Promise<Task> {
  const call = api.GET('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
    params: { path: { workspaceId, taskId } },
  });
  return expectAnswer(call, 200, `read task ${taskId}`);
}

/** Changes a task through the API, as someone else would, and returns it as changed. */
export async function updateTask(
  api: Api,
  workspaceId: string,
  taskId: string,
  body: Schemas['UpdateTaskBodyInput'],
): Promise<Task> {
  const call = api.PATCH('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
    params: { path: { workspaceId, taskId } },
    body,
  });
  return expectAnswer(call, 200, `update task ${taskId}`);
}

/** Titles in manual order, as the API sorts them. */
export async function titlesInOrder(api: Api, workspaceId: string): Promise<string[]> {
  const call = api.GET('/api/v1/workspaces/{workspaceId}/tasks', {
    params: { path: { workspaceId }, query: { sort: 'position' } },
  });
  const { items } = await expectAnswer(call, 200, 'list tasks');
  return items.map((task) => task.title);
}

export const taskTitles = (page: Page) => page.getByTestId('task-title');

/** dnd-kit's live region: what a screen reader hears during a drag. */
export const dragAnnouncement = (page: Page) => page.locator('[id^="DndLiveRegion"]');
