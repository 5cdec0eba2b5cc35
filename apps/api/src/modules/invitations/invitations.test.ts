import { describe, expect, it } from 'vitest';
import { signedIn, testPassword } from '../../test/accounts.ts';
import { createApiClient } from '../../test/api-client.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createWorkspace } from '../../test/workspaces.ts';

const { ctx, ada, bob, cy, signUp } = useTestUsers(['ada', 'bob', 'cy']);

const invitationsPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invitations`;
const linksPath = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invite-links`;

/** The newest mail to `to` whose subject contains `about`, once it is in the outbox. */
async function mailTo(to: string, about: string) {
  for (let tries = 0; ; tries++) {
    const mail = await ctx.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .where('subject', 'like', `%${about}%`)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (mail || tries > 400) return mail;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The token of the newest invitation link mailed to `to`. */
async function mailedToken(to: string, workspaceName: string) {
  const mail = await mailTo(to, workspaceName);
  const token = mail?.text_body.match(/\/invite#([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation mailed to ${to}`);
  return token;
}

const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);

async function createLink(owner: Client, workspaceId: string, body: object = {}) {
  const res = await owner.send('POST', linksPath(workspaceId), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; url: string; maxUses: number | null; expiresAt: string };
}

const accept = (client: Client, token: string) =>
  client.send('POST', '/api/v1/invitations/accept', { token });

const preview = (token: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/invitations/preview', payload: { token } });

async function memberEmails(owner: Client, workspaceId: string) {
  const res = await owner.get(`/api/v1/workspaces/${workspaceId}/members`);
  return (res.json().items as { email: string }[]).map((m) => m.email).sort();
}

async function notificationsOf(client: Client) {
  const res = await client.get('/api/v1/notifications');
  return res.json().items as { type: string; title: string; link: string | null }[];
}

describe('inviting by email', () => {
  it('mails a link to an address without an account; signing up with it verifies the address, and joining notifies', async () => {
    const team = await createWorkspace(ada, 'Garden club');
    const res = await ada.send('POST', invitationsPath(team.id), {
      email: 'New.Person@Example.com',
      role: 'member',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'email',
      email: 'new.person@example.com',
      role: 'member',
      invitedBy: ada.userId,
      maxUses: 1,
      uses: 0,
    });
    const mail = await mailTo('new.person@example.com', 'Garden club');
    expect(mail?.text_body).toContain('http://localhost');
    const token = await mailedToken('new.person@example.com', 'Garden club');
    expect(JSON.stringify(res.json())).not.toContain(token.slice(32));

    const seen = await preview(token);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      workspaceName: 'Garden club',
      invitedByName: 'Test User',
      kind: 'email',
      email: 'new.person@example.com',
      role: 'member',
    });

    const api = createApiClient(ctx.app);
    const registered = await api.post('/api/v1/auth/register', {
      body: {
        email: 'new.person@example.com',
        name: 'New Person',
        password: testPassword,
        invitation: token,
      },
    });
    expect(registered.status).toBe(202);
    // Verified by the invitation: no verification mail, and signing in works at once.
    expect(
      await ctx.database.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', 'new.person@example.com')
        .where('subject', 'like', '%Verify%')
        .execute(),
    ).toEqual([]);
    const newcomer = await signedIn(ctx.app, 'new.person@example.com');
    const joined = await accept(newcomer, token);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().workspace).toMatchObject({
      id: team.id,
      name: 'Garden club',
      role: 'member',
    });
    expect(await memberEmails(ada, team.id)).toContain('new.person@example.com');
    expect(await notificationsOf(newcomer)).toEqual([
      expect.objectContaining({
        type: 'workspace.joined',
        title: 'You joined “Garden club”, invited by Test User',
        link: `/w/${team.id}`,
      }),
    ]);
    // Used: it leaves the pending list, and cannot be used again.
    expect((await ada.get(invitationsPath(team.id))).json().items).toEqual([]);
    expect((await accept(newcomer, token)).json().code).toBe('ALREADY_MEMBER');
  });

  it('signing up with another address, or with a link invitation, still needs the mailed verification', async () => {
    const team = await createWorkspace(ada, 'Verify club');
    await ada.send('POST', invitationsPath(team.id), { email: 'invited@example.com' });
    const token = await mailedToken('invited@example.com', 'Verify club');
    const link = await createLink(ada, team.id);
    const api = createApiClient(ctx.app);
    for (const [email, invitation] of [
      ['someone.else@example.com', token],
      ['by.link@example.com', tokenOf(link.url)],
    ] as const) {
      const res = await api.post('/api/v1/auth/register', {
        body: { email, name: 'Other', password: testPassword, invitation },
      });
      expect(res.status).toBe(202);
      const signIn = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: testPassword },
      });
      expect(signIn.json().code, email).toBe('EMAIL_NOT_VERIFIED');
    }
  });

  it('an existing account accepts only as the invited address, in any case', async () => {
    const team = await createWorkspace(ada, 'Address check');
    await ada.send('POST', invitationsPath(team.id), { email: 'BOB@example.com' });
    const token = await mailedToken('bob@example.com', 'Address check');
    const wrong = await accept(cy, token);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'INVITATION_WRONG_ACCOUNT',
      type: 'urn:taskflow:problem:invitation-wrong-account',
    });
    expect((await accept(bob, token)).statusCode).toBe(200);
    expect(await memberEmails(ada, team.id)).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('inviting an address again refreshes its invitation: one pending, and only the new link works', async () => {
    const team = await createWorkspace(ada, 'Refresh club');
    const first = await ada.send('POST', invitationsPath(team.id), { email: 'twice@example.com' });
    const oldToken = await mailedToken('twice@example.com', 'Refresh club');
    const second = await ada.send('POST', invitationsPath(team.id), {
      email: 'Twice@example.com',
      role: 'owner',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ id: first.json().id, role: 'owner' });
    let newToken = oldToken;
    for (let tries = 0; newToken === oldToken && tries < 400; tries++) {
      newToken = await mailedToken('twice@example.com', 'Refresh club');
      if (newToken === oldToken) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(newToken).not.toBe(oldToken);
    const pending = (await ada.get(invitationsPath(team.id))).json().items;
    expect(pending).toHaveLength(1);
    expect((await preview(oldToken)).statusCode).toBe(404);
    expect((await preview(newToken)).json().role).toBe('owner');
  });

  it('inviting an address whose account is a member answers 409 ALREADY_MEMBER', async () => {
    const team = await createTeam(ada, 'Already', bob);
    const res = await ada.send('POST', invitationsPath(team), { email: 'Bob@Example.com' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ALREADY_MEMBER');
  });

  it('validates the address and the role', async () => {
    const team = await createWorkspace(ada, 'Validation');
    for (const body of [
      { email: 'not-an-email' },
      { email: 'a@example.com', role: 'admin' },
      { email: 'a@example.com', extra: true },
      {},
    ]) {
      const res = await ada.send('POST', invitationsPath(team.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    for (const body of [
      { expiresInDays: 0 },
      { expiresInDays: 31 },
      { maxUses: 0 },
      { maxUses: 501 },
    ]) {
      const res = await ada.send('POST', linksPath(team.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('invitation links', () => {
  it('any signed-in account joins with a link, with the link’s role; it defaults to 7 days', async () => {
    const team = await createWorkspace(ada, 'Link club');
    const link = await createLink(ada, team.id, { role: 'owner' });
    expect(link.url).toMatch(/^http:\/\/localhost:\d+\/invite#[0-9a-f]{32}[\w-]{43}$/);
    const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const joined = await accept(bob, tokenOf(link.url));
    expect(joined.json().workspace).toMatchObject({ id: team.id, role: 'owner' });
    expect((await accept(cy, tokenOf(link.url))).statusCode).toBe(200);
    const [listed] = (await ada.get(invitationsPath(team.id))).json().items;
    expect(listed).toMatchObject({ id: link.id, kind: 'link', uses: 2, maxUses: null });
    expect(listed).not.toHaveProperty('url');
    expect(await notificationsOf(cy)).toContainEqual(
      expect.objectContaining({ type: 'workspace.joined', link: `/w/${team.id}` }),
    );
  });

  it('two accepts racing on a use limit of 1 make exactly one member', async () => {
    const team = await createWorkspace(ada, 'Race');
    const link = await createLink(ada, team.id, { maxUses: 1 });
    const [dee, eve] = [await signUp('dee'), await signUp('eve')];
    const results = await Promise.all([
      accept(dee, tokenOf(link.url)),
      accept(eve, tokenOf(link.url)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(results.find((r) => r.statusCode === 410)?.json().code).toBe('INVITATION_USED_UP');
    expect(await memberEmails(ada, team.id)).toHaveLength(2);
    const stored = await ctx.database.db
      .selectFrom('workspace_invitations')
      .select('uses')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(stored.uses).toBe(1);
  });

  it('a revoked link answers 410 INVITATION_REVOKED and leaves the pending list', async () => {
    const team = await createWorkspace(ada, 'Revoke');
    const link = await createLink(ada, team.id);
    const revoked = await ada.send('DELETE', `${invitationsPath(team.id)}/${link.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await ada.get(invitationsPath(team.id))).json().items).toEqual([]);
    for (const res of [await accept(bob, tokenOf(link.url)), await preview(tokenOf(link.url))]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().code).toBe('INVITATION_REVOKED');
    }
    // Revoking again: there is no pending invitation of that id.
    expect((await ada.send('DELETE', `${invitationsPath(team.id)}/${link.id}`)).statusCode).toBe(
      404,
    );
    expect(await memberEmails(ada, team.id)).toEqual(['ada@example.com']);
  });

  it('an expired invitation answers 410 INVITATION_EXPIRED', async () => {
    const team = await createWorkspace(ada, 'Expired');
    const link = await createLink(ada, team.id, { expiresInDays: 1 });
    await ctx.database.db
      .updateTable('workspace_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', link.id)
      .execute();
    for (const res of [await accept(bob, tokenOf(link.url)), await preview(tokenOf(link.url))]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().code).toBe('INVITATION_EXPIRED');
    }
    expect((await ada.get(invitationsPath(team.id))).json().items).toEqual([]);
  });

  it('a token that is wrong in any part answers 404, like one that never existed', async () => {
    const team = await createWorkspace(ada, 'Wrong token');
    const token = tokenOf((await createLink(ada, team.id)).url);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const otherId = `${'0'.repeat(32)}${token.slice(32)}`;
    for (const bad of [flipped, otherId, token.slice(0, 40), 'x'.repeat(75)]) {
      const res = await accept(bob, bad);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'NOT_FOUND',
        detail: 'The invitation was not found',
      });
    }
    expect((await accept(bob, 'has spaces and / slashes')).statusCode).toBe(400);
  });

  it('accepting needs a session; a member accepting answers 409 ALREADY_MEMBER', async () => {
    const team = await createTeam(ada, 'Members only', bob);
    const token = tokenOf((await createLink(ada, team)).url);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(anonymous.statusCode).toBe(401);
    const again = await accept(bob, token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_MEMBER');
  });
});

describe('who manages invitations', () => {
  it('only owners create, list and revoke; another workspace’s invitation answers 404', async () => {
    const team = await createTeam(ada, 'Owners only', bob);
    const link = await createLink(ada, team);
    for (const res of [
      await bob.get(invitationsPath(team)),
      await bob.send('POST', invitationsPath(team), { email: 'x@example.com' }),
      await bob.send('POST', linksPath(team), {}),
      await bob.send('DELETE', `${invitationsPath(team)}/${link.id}`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    for (const res of [
      await cy.get(invitationsPath(team)),
      await cy.send('POST', invitationsPath(team), { email: 'x@example.com' }),
      await cy.send('DELETE', `${invitationsPath(team)}/${link.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    // Revoking through an owner's own other workspace does not reach it either.
    const own = await createWorkspace(cy, 'Cy’s own');
    const across = await cy.send('DELETE', `${invitationsPath(own.id)}/${link.id}`);
    expect(across.statusCode).toBe(404);
    expect((await ada.get(invitationsPath(team))).json().items).toHaveLength(1);
  });
});

describe('adding a member directly', () => {
  it('tells the person added: a notification and a mail', async () => {
    const team = await createWorkspace(ada, 'Direct add');
    const res = await ada.send('POST', `/api/v1/workspaces/${team.id}/members`, {
      email: 'cy@example.com',
    });
    expect(res.statusCode).toBe(201);
    expect(await notificationsOf(cy)).toContainEqual(
      expect.objectContaining({
        type: 'workspace.joined',
        title: 'Test User added you to “Direct add”',
        link: `/w/${team.id}`,
      }),
    );
    const mail = await mailTo('cy@example.com', 'Direct add');
    expect(mail?.text_body).toContain(`/w/${team.id}`);
  });
});
