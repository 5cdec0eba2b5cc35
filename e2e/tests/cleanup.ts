import { type Api, expectAnswer } from './api-client.ts';

const PAGE_LIMIT = 100;

async function taskIds(api: Api, workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await expectAnswer(
      api.GET('/api/v1/workspaces/{workspaceId}/tasks', {
        params: { path: { workspaceId }, query: { limit: PAGE_LIMIT, cursor } },
      }),
      200,
      'list the tasks to remove',
    );
    ids.push(...page.items.map((task) => task.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * Removes what the user of `api` owns: the workspaces they own (with their tasks), and the tasks
 * of their personal workspace, which cannot be deleted. Workspaces they only belong to are left
 * to their owners.
 */
export async function removeOwnData(api: Api) {
  const { items } = await expectAnswer(api.GET('/api/v1/workspaces'), 200, 'list workspaces');
  for (const workspace of items) {
    const workspaceId = workspace.id;
    if (workspace.personal) {
      for (const taskId of await taskIds(api, workspaceId)) {
        const path = { workspaceId, taskId };
        const deleted = api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path },
        });
        await expectAnswer(deleted, 204, `delete task ${taskId}`);
      }
    } else if (workspace.role === 'owner') {
      const deleted = api.DELETE('/api/v1/workspaces/{workspaceId}', {
        params: { path: { workspaceId } },
      });
      await expectAnswer(deleted, 204, `delete workspace ${workspace.name}`);
    }
  }
}

/**
 * Signs out the sessions of the user of `api` that began at `since` or later, but that one (the
 * password is asked again): those a test opened, not another worker's.
 */
export async function revokeSessionsSince(api: Api, password: string, since: Date) {
  const { items } = await expectAnswer(api.GET('/api/v1/me/sessions'), 200, 'list sessions');
  for (const session of items.filter((s) => !s.current && new Date(s.createdAt) >= since)) {
    const revoked = api.POST('/api/v1/me/sessions/{id}/revoke', {
      params: { path: { id: session.id } },
      body: { password },
    });
    await expectAnswer(revoked, 204, `revoke session ${session.id}`);
  }
}

/** Signs out every session of the user of `api`, that one included. */
export async function signOutEverywhere(api: Api, password: string) {
  const call = api.POST('/api/v1/me/sessions/revoke-all', { body: { password } });
  await expectAnswer(call, 204, 'sign out everywhere');
}

/**
 * Signs out the session of `api` only. The admin account is shared by the workers running at
 * once: signing it out everywhere would end another worker's admin session mid-test.
 */
export async function signOutThisSession(api: Api, password: string) {
  const { items } = await expectAnswer(api.GET('/api/v1/me/sessions'), 200, 'list sessions');
  const current = items.find((s) => s.current);
  if (!current) throw new Error('the session list names no current session');
  const revoked = api.POST('/api/v1/me/sessions/{id}/revoke', {
    params: { path: { id: current.id } },
    body: { password },
  });
  await expectAnswer(revoked, 204, 'sign out this session');
}
