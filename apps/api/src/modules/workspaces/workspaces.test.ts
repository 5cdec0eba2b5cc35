import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { buildTestApp } from '../../test/app.ts';
import { type User, useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';

const { ctx, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy']);

const membersPath = (id: string) => `/api/v1/workspaces/${id}/members`;
const roles = async (user: User, id: string) =>
  Object.fromEntries(
    bodyOf(
      await user.api.get('/api/v1/workspaces/{workspaceId}/members', { path: { workspaceId: id } }),
      200,
    ).items.map((m) => [m.email, m.role]),
  );

describe('workspaces', () => {
  it('every user has a personal workspace from registration on, owned by them alone', async () => {
    const { items } = bodyOf(await ada.api.get('/api/v1/workspaces'), 200);
    expect(items).toEqual([
      expect.objectContaining({
        name: 'Personal',
        personal: true,
        role: 'owner',
        memberCount: 1,
        createdBy: ada.userId,
      }),
    ]);
  });

  it('a created workspace is shared: its creator owns it and sees it after the personal one', async () => {
    const team = await createWorkspace(ada, '  Launch team ');
    expect(team).toMatchObject({ name: 'Launch team', personal: false, role: 'owner' });
    const { items } = bodyOf(await ada.api.get('/api/v1/workspaces'), 200);
    expect(items.map((w) => w.name)).toEqual(['Personal', 'Launch team']);
  });

  it('names are validated', async () => {
    for (const name of ['', '   ', 'x'.repeat(101), 'nul\u0000']) {
      const res = await ada.send('POST', '/api/v1/workspaces', { name });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().errors[0].path).toBe('body.name');
    }
  });

  it('owners rename; the personal workspace cannot be deleted; a shared one goes with its tasks', async () => {
    const team = await createWorkspace(ada, 'Temporary');
    const renamed = await ada.send('PATCH', `/api/v1/workspaces/${team.id}`, { name: 'Renamed' });
    expect(renamed.json().name).toBe('Renamed');
    await createTask(ada, team.id, { title: 'Goes with it' });

    const personal = await ada.send('DELETE', `/api/v1/workspaces/${ada.personalId}`);
    expect(personal.statusCode).toBe(409);
    expect(personal.json().code).toBe('PERSONAL_WORKSPACE');

    expect((await ada.send('DELETE', `/api/v1/workspaces/${team.id}`)).statusCode).toBe(204);
    expect((await ada.get(`/api/v1/workspaces/${team.id}`)).statusCode).toBe(404);
    const left = await ctx.database.db
      .selectFrom('tasks')
      .select('id')
      .where('workspace_id', '=', team.id)
      .execute();
    expect(left).toEqual([]);
  });
});

describe('members', () => {
  it('owners add people by the email of their account, any case', async () => {
    const team = await createWorkspace(ada, 'Members');
    const res = await ada.send('POST', membersPath(team.id), { email: 'BOB@example.com' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'bob@example.com', role: 'member' });
    expect((await bob.get(`/api/v1/workspaces/${team.id}`)).json()).toMatchObject({
      role: 'member',
      memberCount: 2,
    });

    const again = await ada.send('POST', membersPath(team.id), { email: 'bob@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_MEMBER');
    const nobody = await ada.send('POST', membersPath(team.id), { email: 'nobody@example.com' });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('a workspace always keeps an owner: the last one can neither leave, be removed nor step down', async () => {
    const team = await createWorkspace(ada, 'Owners');
    await addMember(ada, team.id, bob.email);
    for (const res of [
      await ada.send('POST', `/api/v1/workspaces/${team.id}/leave`),
      await ada.send('DELETE', `${membersPath(team.id)}/${ada.userId}`),
      await ada.send('PATCH', `${membersPath(team.id)}/${ada.userId}`, { role: 'member' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LAST_OWNER');
    }
    // With a second owner, the first can go.
    const promoted = await ada.send('PATCH', `${membersPath(team.id)}/${bob.userId}`, {
      role: 'owner',
    });
    expect(promoted.json().role).toBe('owner');
    expect((await ada.send('POST', `/api/v1/workspaces/${team.id}/leave`)).statusCode).toBe(204);
    expect((await ada.get(`/api/v1/workspaces/${team.id}`)).statusCode).toBe(404);
    expect(await roles(bob, team.id)).toEqual({ 'bob@example.com': 'owner' });
  });

  it('two owners demoting each other at once leave exactly one owner', async () => {
    const team = await createWorkspace(ada, 'Race');
    await addMember(ada, team.id, bob.email, 'owner');
    const [a, b] = await Promise.all([
      ada.send('PATCH', `${membersPath(team.id)}/${ada.userId}`, { role: 'member' }),
      bob.send('PATCH', `${membersPath(team.id)}/${bob.userId}`, { role: 'member' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const owners = Object.values(await roles(ada, team.id)).filter((r) => r === 'owner');
    expect(owners).toHaveLength(1);
  });

  it('nobody leaves or is removed from a personal workspace they own', async () => {
    await addMember(ada, ada.personalId, cy.email, 'owner');
    const leave = await ada.send('POST', `/api/v1/workspaces/${ada.personalId}/leave`);
    expect(leave.json().code).toBe('PERSONAL_WORKSPACE');
    const removed = await cy.send('DELETE', `${membersPath(ada.personalId)}/${ada.userId}`);
    expect(removed.json().code).toBe('PERSONAL_WORKSPACE');
    const demoted = await cy.send('PATCH', `${membersPath(ada.personalId)}/${ada.userId}`, {
      role: 'member',
    });
    expect(demoted.json().code).toBe('PERSONAL_WORKSPACE');
    // Others may leave it.
    expect((await cy.send('POST', `/api/v1/workspaces/${ada.personalId}/leave`)).statusCode).toBe(
      204,
    );
  });

  it('a removed member loses access at once, and their tasks there become unassigned', async () => {
    const team = await createWorkspace(ada, 'Removal');
    await addMember(ada, team.id, cy.email);
    const assigned = await createTask(ada, team.id, { title: 'For Cy', assigneeId: cy.userId });
    expect((await cy.get(tasksPath(team.id))).statusCode).toBe(200);

    expect((await ada.send('DELETE', `${membersPath(team.id)}/${cy.userId}`)).statusCode).toBe(204);
    expect((await cy.get(tasksPath(team.id))).statusCode).toBe(404);
    const after = bodyOf(
      await ada.api.get('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
        path: { workspaceId: team.id, taskId: assigned.id },
      }),
      200,
    );
    expect(after.assigneeId).toBeNull();
    expect(after.version).toBe(assigned.version + 1);
    const assign = await ada.send('PATCH', `${tasksPath(team.id)}/${assigned.id}`, {
      assigneeId: cy.userId,
    });
    expect(assign.statusCode).toBe(400);
  });

  it('adding members by email is rate-limited per user', async () => {
    const limited = await buildTestApp(
      ctx.database,
      { ADD_MEMBER_RATE_LIMIT: '2' },
      { limits: 'real' },
    );
    try {
      const probe = async () =>
        limited.app.inject({
          method: 'POST',
          url: membersPath(ada.personalId),
          payload: { email: 'nobody@example.com' },
          headers: { authorization: `Bearer ${ada.accessToken}` },
        });
      expect((await probe()).statusCode).toBe(404);
      expect((await probe()).statusCode).toBe(404);
      const third = await probe();
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await limited.app.close();
    }
  });
});
