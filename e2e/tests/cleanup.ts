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

/** Signs out every session of the user of `api` but that one (the password is asked again). */
export async function revokeOtherSessions(api: Api, password: string) {
  const { items } = await expectAnswer(api.GET('/api/v1/me/sessions'), 200, 'list sessions');
  for (const session of items.filter((s) => !s.current)) {
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
