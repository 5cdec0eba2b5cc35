import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createTask } from '../../test/workspaces.ts';

const { ctx, ada, bob, cy, signUp } = useTestUsers(['ada', 'bob', 'cy']);

/** The mails to `to` about `subject` in the development outbox, once `count` of them are there. */
async function mailsAbout(to: string, subject: string, count: number) {
  for (let tries = 0; ; tries++) {
    const mails = await ctx.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .where('subject', '=', subject)
      .orderBy('created_at')
      .execute();
    if (mails.length >= count || tries > 400) return mails;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The mention mail jobs ever enqueued for `to` (a job exists only if its transaction committed);
 * being added to a workspace mails too, and is not counted.
 */
async function mailJobsTo(to: string) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pgboss.job
    where name = 'mail.send' and data->'payload'->>'to' = ${to}
      and data->'payload'->>'subject' like '% mentioned you %'`.execute(ctx.database.db);
  return rows[0]?.n ?? 0;
}

const commentsPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments' as const;
const commentPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}' as const;
const historyPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/history' as const;

async function teamTask(title = 'Plan the launch') {
  const workspaceId = await createTeam(ada, `Team ${title}`, bob);
  const task = await createTask(ada, workspaceId, { title });
  return { workspaceId, taskId: task.id };
}

type Where = Awaited<ReturnType<typeof teamTask>>;

const comment = async (client: Client, where: Where, body: string) =>
  bodyOf(await client.api.post(commentsPath, { path: where, body: { body } }), 201);

const comments = async (client: Client, where: Where) =>
  bodyOf(await client.api.get(commentsPath, { path: where }), 200).items;

const history = async (client: Client, where: Where) =>
  bodyOf(await client.api.get(historyPath, { path: where }), 200).items;

const mentionsOf = async (client: Client) =>
  bodyOf(await client.api.get('/api/v1/notifications'), 200).items.filter(
    (n) => n.type === 'comment.mentioned',
  );

describe('comments', () => {
  it('are written, listed oldest first, edited with If-Match (412 when stale) and deleted', async () => {
    const where = await teamTask();
    const first = await comment(ada, where, '  Draft is **ready**  ');
    expect(first).toMatchObject({ body: 'Draft is **ready**', version: 1, editedAt: null });
    await comment(bob, where, 'Looks good');
    expect((await comments(bob, where)).map((c) => c.body)).toEqual([
      'Draft is **ready**',
      'Looks good',
    ]);

    const path = { ...where, commentId: first.id };
    const edited = await ada.api.patch(commentPath, {
      path,
      headers: { 'if-match': '"1"' },
      body: { body: 'Draft is ready, see the doc' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(bodyOf(edited, 200)).toMatchObject({ version: 2, editedAt: expect.any(String) });

    const stale = await ada.api.patch(commentPath, {
      path,
      headers: { 'if-match': '"1"' },
      body: { body: 'Lost update' },
    });
    expect(stale.status).toBe(412);
    expect(bodyOf(stale, 412)).toMatchObject({
      code: 'PRECONDITION_FAILED',
      current: { body: 'Draft is ready, see the doc', version: 2 },
    });

    const notAuthor = await bob.api.patch(commentPath, { path, body: { body: 'Mine now' } });
    expect(notAuthor.status).toBe(403);
    expect((await bob.api.delete(commentPath, { path })).status).toBe(403);

    expect((await ada.api.delete(commentPath, { path })).status).toBe(204);
    expect((await comments(ada, where)).map((c) => c.body)).toEqual(['Looks good']);
    expect((await ada.api.delete(commentPath, { path })).status).toBe(404);
  });

  it('an owner deletes a member’s comment; empty, control-character and huge bodies are refused', async () => {
    const where = await teamTask('Moderation');
    const byBob = await comment(bob, where, 'Off topic');
    const path = { ...where, commentId: byBob.id };
    expect((await ada.api.delete(commentPath, { path })).status).toBe(204);
    for (const body of ['   ', 'nul\u0000here', 'x'.repeat(10_001)]) {
      const res = await ada.api.post(commentsPath, { path: where, body: { body } });
      expect(res.status, body.slice(0, 20)).toBe(400);
      expect(res.raw.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('are paged with a cursor, each once', async () => {
    const where = await teamTask('Long thread');
    for (let i = 0; i < 5; i++) await comment(ada, where, `Reply ${i}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = bodyOf(
        await ada.api.get(commentsPath, { path: where, query: { limit: 2, cursor } }),
        200,
      );
      seen.push(...page.items.map((c) => c.body));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Reply 0', 'Reply 1', 'Reply 2', 'Reply 3', 'Reply 4']);
  });

  it('a mention notifies the member once and makes them follow the task', async () => {
    const where = await teamTask('Mentions');
    const before = (await mentionsOf(bob)).length;
    const made = await comment(ada, where, 'Can @bob review? cc @ada @nobody');
    const mentions = await mentionsOf(bob);
    expect(mentions).toHaveLength(before + 1);
    expect(mentions[0]).toMatchObject({ taskId: where.taskId, actorId: ada.userId });
    expect(mentions[0]?.title).toContain('mentioned you on “Mentions”');
    const follow = await bob.api.get('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/follow', {
      path: where,
    });
    expect(bodyOf(follow, 200).following).toBe(true);
    // Nobody mentions themselves.
    expect(await mentionsOf(ada)).toHaveLength(0);

    // An edit that keeps the mention does not notify again; a linked mention is found by id.
    await ada.api.patch(commentPath, {
      path: { ...where, commentId: made.id },
      body: { body: 'Can @bob review it today?' },
    });
    expect(await mentionsOf(bob)).toHaveLength(before + 1);
    await comment(ada, where, `Thanks @[Bob B.](mention:${bob.userId})`);
    expect(await mentionsOf(bob)).toHaveLength(before + 2);
  });

  it('a mention also comes by mail, once, to those who keep mails on', async () => {
    const dan = await signUp('dan');
    const where = await teamTask('Mail me');
    await ada.api.post('/api/v1/workspaces/{workspaceId}/members', {
      path: { workspaceId: where.workspaceId },
      body: { email: dan.email },
    });
    const off = await dan.api.put('/api/v1/notifications/settings', {
      body: { mailOnMention: false },
    });
    expect(bodyOf(off, 200)).toEqual({ mailOnMention: false });
    expect(bodyOf(await bob.api.get('/api/v1/notifications/settings'), 200).mailOnMention).toBe(
      true,
    );

    const made = await comment(ada, where, 'Ready for @bob and @dan: see **the plan**');
    const subject = 'Test User mentioned you on “Mail me”';
    const [mail] = await mailsAbout(bob.email, subject, 1);
    expect(mail?.subject).toBe(subject);
    expect(mail?.text_body).toContain('see **the plan**');
    expect(mail?.text_body).toContain(`/w/${where.workspaceId}/t/${where.taskId}`);
    // Dan is told in the app only: no mail job was ever enqueued for him.
    expect(await mailJobsTo(dan.email)).toBe(0);
    expect((await mentionsOf(dan)).length).toBe(1);

    // Editing the comment does not mail again.
    await ada.api.patch(commentPath, {
      path: { ...where, commentId: made.id },
      body: { body: 'Ready for @bob and @dan: see the plan' },
    });
    expect((await mailsAbout(bob.email, subject, 1)).length).toBe(1);
    expect(await mailJobsTo(dan.email)).toBe(0);
  });

  it('answer 404 to anyone outside the workspace, and for another workspace’s task', async () => {
    const where = await teamTask('Private');
    const made = await comment(ada, where, 'Internal');
    const path = { ...where, commentId: made.id };
    expect((await cy.api.get(commentsPath, { path: where })).status).toBe(404);
    expect((await cy.api.post(commentsPath, { path: where, body: { body: 'Hi' } })).status).toBe(
      404,
    );
    expect((await cy.api.patch(commentPath, { path, body: { body: 'x' } })).status).toBe(404);
    expect((await cy.api.delete(commentPath, { path })).status).toBe(404);
    expect((await cy.api.get(historyPath, { path: where })).status).toBe(404);
    // The same comment through a task of another workspace of the same member.
    const other = await teamTask('Elsewhere');
    const across = { ...other, commentId: made.id };
    expect((await ada.api.patch(commentPath, { path: across, body: { body: 'x' } })).status).toBe(
      404,
    );
  });
});

describe('task history', () => {
  it('records one entry per change with its fields from → to, comments included', async () => {
    const where = await teamTask('Ship it');
    const taskPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}' as const;
    bodyOf(
      await ada.api.patch(taskPath, {
        path: where,
        body: {
          title: 'Ship it now',
          status: 'in_progress',
          assigneeId: bob.userId,
          labels: ['web'],
        },
      }),
      200,
    );
    bodyOf(await ada.api.patch(taskPath, { path: where, body: { description: 'Steps' } }), 200);
    const said = await comment(bob, where, 'On it');
    expect((await ada.api.delete(taskPath, { path: where })).status).toBe(204);
    bodyOf(
      await ada.api.post('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore', {
        path: where,
      }),
      200,
    );

    const entries = await history(bob, where);
    expect(entries.map((e) => e.kind)).toEqual([
      'task.restored',
      'task.deleted',
      'comment.created',
      'task.updated',
      'task.updated',
      'task.created',
    ]);
    expect(entries[2]).toMatchObject({ actorId: bob.userId, commentId: said.id });
    expect(entries[3]?.changes).toEqual([{ field: 'description', from: null, to: null }]);
    expect(entries[4]?.changes).toEqual([
      { field: 'title', from: 'Ship it', to: 'Ship it now' },
      { field: 'status', from: 'todo', to: 'in_progress' },
      { field: 'assigneeId', from: null, to: bob.userId },
      { field: 'labels', from: [], to: ['web'] },
    ]);
    expect(entries.every((e) => e.taskId === where.taskId)).toBe(true);
  });

  it('a refused or rolled-back change leaves no entry', async () => {
    const where = await teamTask('Careful');
    const taskPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}' as const;
    const stale = await ada.api.patch(taskPath, {
      path: where,
      headers: { 'if-match': '"9"' },
      body: { title: 'Never' },
    });
    expect(stale.status).toBe(412);
    // Not a member: the assignee's foreign key fails inside the transaction.
    const outsider = await ada.api.patch(taskPath, {
      path: where,
      body: { title: 'Also never', assigneeId: cy.userId },
    });
    expect(outsider.status).toBe(400);
    expect((await history(ada, where)).map((e) => e.kind)).toEqual(['task.created']);
  });

  it('a member’s removal that unassigns their tasks, and bulk changes, are recorded', async () => {
    const where = await teamTask('Handover');
    const taskPath = '/api/v1/workspaces/{workspaceId}/tasks/{taskId}' as const;
    bodyOf(await ada.api.patch(taskPath, { path: where, body: { assigneeId: bob.userId } }), 200);
    bodyOf(
      await ada.api.post('/api/v1/workspaces/{workspaceId}/tasks/bulk-status', {
        path: { workspaceId: where.workspaceId },
        body: { ids: [where.taskId], status: 'done' },
      }),
      200,
    );
    expect(
      (
        await ada.api.delete('/api/v1/workspaces/{workspaceId}/members/{userId}', {
          path: { workspaceId: where.workspaceId, userId: bob.userId },
        })
      ).status,
    ).toBe(204);
    const [removal, bulk] = await history(ada, where);
    expect(removal?.changes).toEqual([{ field: 'assigneeId', from: bob.userId, to: null }]);
    expect(bulk?.changes).toEqual([{ field: 'status', from: 'todo', to: 'done' }]);
  });
});
