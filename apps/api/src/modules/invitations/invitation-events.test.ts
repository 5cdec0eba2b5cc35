import { describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createWorkspace } from '../../test/workspaces.ts';

/** Every change to a workspace's pending invitations is a live event of that workspace. */
const { ctx, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy']);

const invitationsPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invitations`;

/** The invitation events of a workspace's outbox, oldest first. */
const invitationEvents = (workspaceId: string) =>
  ctx.database.db
    .selectFrom('events')
    .select(['type', 'actor_id', 'user_id', 'payload'])
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', 'invitation.changed')
    .orderBy('id')
    .execute();

describe('invitation events', () => {
  it('tell the workspace when an invitation is made, renewed, used or revoked, naming no address', async () => {
    const team = await createTeam(ada, 'Evented', bob);
    const elsewhere = (await createWorkspace(ada, 'Quiet')).id;

    const invite = () =>
      ada.send('POST', invitationsPath(team), { email: 'dee@example.com', role: 'member' });
    const first = await invite();
    expect(first.statusCode, first.body).toBe(201);
    expect((await invite()).statusCode).toBe(201);
    const link = await ada.send('POST', `/api/v1/workspaces/${team}/invite-links`, {});
    expect(link.statusCode, link.body).toBe(201);
    const { id: linkId, url } = link.json() as { id: string; url: string };
    const token = url.slice(url.indexOf('#') + 1);
    const joined = await cy.send('POST', '/api/v1/invitations/accept', { token });
    expect(joined.statusCode, joined.body).toBe(200);
    const revoked = await ada.send('DELETE', `${invitationsPath(team)}/${first.json().id}`);
    expect(revoked.statusCode).toBe(204);

    const events = await invitationEvents(team);
    expect(events.map((e) => [e.payload.change, e.payload.invitationId])).toEqual([
      ['created', first.json().id],
      ['refreshed', first.json().id],
      ['created', linkId],
      ['used', linkId],
      ['revoked', first.json().id],
    ]);
    expect(events.map((e) => e.actor_id)).toEqual([
      ada.userId,
      ada.userId,
      ada.userId,
      cy.userId,
      ada.userId,
    ]);
    // Every member receives them (no one user is addressed), so they carry no address.
    for (const event of events) {
      expect(event.user_id).toBeNull();
      expect(JSON.stringify(event.payload)).not.toContain('@');
    }
    expect(await invitationEvents(elsewhere)).toEqual([]);
  });

  it('are not written when the change is refused', async () => {
    const team = await createTeam(ada, 'Guarded', bob);
    const refused = await bob.send('POST', invitationsPath(team), {
      email: 'eve@example.com',
      role: 'member',
    });
    expect(refused.statusCode).toBe(403);
    const outsider = await cy.send('POST', `/api/v1/workspaces/${team}/invite-links`, {});
    expect(outsider.statusCode).toBe(404);
    expect(await invitationEvents(team)).toEqual([]);
  });
});
