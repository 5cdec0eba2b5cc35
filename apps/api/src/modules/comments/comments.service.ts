import type { Comment, CommentList } from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { creationPage, decodeCreationCursor } from '../../platform/cursor.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { createOutbox, type NewEvent } from '../events/index.ts';
import type { MailPayload } from '../mail/index.ts';
import { createNotices, createNotificationsRepository } from '../notifications/index.ts';
import { createTaskHistoryRepository } from '../tasks/index.ts';
import {
  type CommentRow,
  type CommentScope,
  type CommentsRepository,
  createCommentsRepository,
} from './comments.repository.ts';
import { mentionedIn, withPlainMentions } from './mentions.ts';

/** Sends a mail once the transaction `trx` commits. */
export type MentionMail = (trx: Kysely<DB>, mail: MailPayload) => Promise<unknown>;

type Deps = { db: Kysely<DB>; appUrl: () => string; mail: MentionMail };

/** The first lines of a comment, as plain text for a mail. */
const excerpt = (body: string) => {
  const text = withPlainMentions(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
};

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  workspaceId: row.workspace_id,
  taskId: row.task_id,
  authorId: row.author_id,
  body: row.body,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  editedAt: row.edited_at,
});

const taskNotFound = () => new NotFoundError('task');
const commentNotFound = () => new NotFoundError('comment');

/** The caller's role, and the task's title; 404 unless the task is live and the caller a member. */
async function requireAccess(repo: CommentsRepository, scope: CommentScope) {
  const access = await repo.access(scope);
  if (!access?.task_title) throw taskNotFound();
  return { role: access.role, taskTitle: access.task_title };
}

const commentEvent = (
  type: string,
  scope: CommentScope,
  data: Record<string, unknown>,
): NewEvent => ({
  type,
  workspaceId: scope.workspaceId,
  actorId: scope.userId,
  data,
});

/**
 * Comments on tasks: written with their history entry, the notifications of the people they
 * mention (who then follow the task) and their events, in one transaction.
 */
export function createCommentsService({ db, appUrl, mail }: Deps) {
  const reads = createCommentsRepository(db);
  const uow = unitOfWork(db, {
    comments: createCommentsRepository,
    history: createTaskHistoryRepository,
    followers: createNotificationsRepository,
    notices: createNotices,
    outbox: createOutbox,
    mails: (trx: Kysely<DB>) => ({ send: (m: MailPayload) => mail(trx, m) }),
  });
  type Tx = Parameters<Parameters<typeof uow.run>[0]>[0];

  /**
   * Tells the members newly mentioned in a comment (never its author): in the app, and by mail
   * for those who want it. They then follow the task.
   */
  async function mention(
    tx: Tx,
    scope: CommentScope,
    taskTitle: string,
    comment: { id: string; body: string },
    before?: string,
  ): Promise<void> {
    const members = await tx.comments.members(scope.workspaceId);
    const already = before === undefined ? [] : mentionedIn(before, members);
    const mentioned = mentionedIn(comment.body, members).filter(
      (id) => id !== scope.userId && !already.includes(id),
    );
    if (mentioned.length === 0) return;
    const author = members.find((m) => m.id === scope.userId)?.name ?? 'Someone';
    const title = `${author} mentioned you on “${taskTitle}”`;
    await tx.followers.follow(mentioned.map((userId) => ({ taskId: scope.taskId, userId })));
    await tx.notices.send(
      mentioned.map((userId) => ({
        userId,
        type: 'comment.mentioned',
        workspaceId: scope.workspaceId,
        taskId: scope.taskId,
        actorId: scope.userId,
        title,
      })),
    );
    const link = `${appUrl()}/w/${scope.workspaceId}/t/${scope.taskId}`;
    for (const member of members) {
      if (!mentioned.includes(member.id) || !member.mail_on_mention) continue;
      await tx.mails.send({
        to: member.email,
        subject: title,
        text: `${title}:\n\n${excerpt(comment.body)}\n\nOpen the task: ${link}\n\nYou can turn these mails off in your account settings.`,
        // Once per comment and person, however often the job runs.
        key: `mention:${comment.id}:${member.id}`,
      });
    }
  }

  return {
    async list(scope: CommentScope, query: { cursor?: string | undefined; limit: number }) {
      const after = query.cursor ? decodeCreationCursor(query.cursor) : undefined;
      await requireAccess(reads, scope);
      const rows = await reads.page(scope, after, query.limit);
      const { page, nextCursor } = creationPage(rows, query.limit);
      return { items: page.map(toComment), nextCursor } satisfies CommentList;
    },

    create: (scope: CommentScope, body: string) =>
      uow.run(async (tx) => {
        const { taskTitle } = await requireAccess(tx.comments, scope);
        const comment = toComment(await tx.comments.insert(scope, body));
        await tx.followers.follow([{ taskId: scope.taskId, userId: scope.userId }]);
        await tx.history.insert([
          { ...scope, actorId: scope.userId, kind: 'comment.created', commentId: comment.id },
        ]);
        await tx.outbox.append([commentEvent('comment.created', scope, { comment })]);
        await mention(tx, scope, taskTitle, comment);
        return comment;
      }),

    /** Only the author edits; with `expectedVersion`, only that version (else 412). */
    update: (scope: CommentScope, commentId: string, body: string, expectedVersion?: number) =>
      uow.run(async (tx) => {
        const { taskTitle } = await requireAccess(tx.comments, scope);
        const row = await tx.comments.lock(scope, commentId);
        if (!row) throw commentNotFound();
        if (row.author_id !== scope.userId) {
          throw new DomainError('FORBIDDEN', { detail: 'Only its author can edit a comment' });
        }
        if (expectedVersion !== undefined && row.version !== expectedVersion) {
          throw new StaleVersionError(toComment(row), 'comment');
        }
        if (row.body === body) return toComment(row);
        const comment = toComment(await tx.comments.edit(commentId, body));
        await tx.outbox.append([commentEvent('comment.updated', scope, { comment })]);
        await mention(tx, scope, taskTitle, comment, row.body);
        return comment;
      }),

    /** By its author or an owner of the workspace; the text stays out of every read. */
    remove: (scope: CommentScope, commentId: string) =>
      uow.run(async (tx) => {
        const { role } = await requireAccess(tx.comments, scope);
        const row = await tx.comments.lock(scope, commentId);
        if (!row) throw commentNotFound();
        if (row.author_id !== scope.userId && role !== 'owner') {
          throw new DomainError('FORBIDDEN', {
            detail: 'Only its author or an owner of the workspace can delete a comment',
          });
        }
        await tx.comments.remove(commentId);
        await tx.history.insert([
          { ...scope, actorId: scope.userId, kind: 'comment.deleted', commentId },
        ]);
        await tx.outbox.append([
          commentEvent('comment.deleted', scope, { taskId: scope.taskId, commentId }),
        ]);
      }),
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
