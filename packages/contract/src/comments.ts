import { z } from 'zod';
import { ATTACHMENT_NAME_MAX } from './attachments.ts';
import { explainedEnum, requestBody } from './named.ts';
import { cursorParam, limitParam, pageOf } from './pagination.ts';
import { ProblemDetails } from './problem.ts';
import { noControlExceptWhitespace } from './tasks.ts';

export const COMMENT_MAX_LENGTH = 10_000;
export const COMMENT_PAGE_MAX = 100;
export const HISTORY_PAGE_MAX = 100;

export const CommentBody = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(COMMENT_MAX_LENGTH)
  .refine(noControlExceptWhitespace, 'Use printable characters only')
  .meta({ description: 'Markdown text; `@name` mentions a member' });

export const Comment = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    taskId: z.uuid(),
    authorId: z.uuid().nullable().describe('null once the author’s account is gone'),
    body: z.string().max(COMMENT_MAX_LENGTH),
    version: z
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('Grows by one on every edit; also sent as the `ETag`'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable().describe('When the text was last edited; null if never'),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof Comment>;

export const CommentParams = z.object({
  workspaceId: z.uuid(),
  taskId: z.uuid(),
  commentId: z.uuid(),
});

export const CreateCommentBody = requestBody('CreateCommentBody', { body: CommentBody });
export type CreateCommentBody = z.input<typeof CreateCommentBody>;

export const UpdateCommentBody = requestBody('UpdateCommentBody', { body: CommentBody });
export type UpdateCommentBody = z.input<typeof UpdateCommentBody>;

export const ListCommentsQuery = z
  .object({ cursor: cursorParam(), limit: limitParam(COMMENT_PAGE_MAX, 50) })
  .strict();
export type ListCommentsQuery = z.input<typeof ListCommentsQuery>;

export const CommentList = pageOf(Comment, COMMENT_PAGE_MAX).meta({
  id: 'CommentList',
  description: 'A task’s comments, oldest first',
});
export type CommentList = z.infer<typeof CommentList>;

/** A 412: the edit was refused because the comment changed; `current` is the comment now. */
export const CommentConflictProblem = ProblemDetails.extend({ current: Comment }).meta({
  id: 'CommentConflictProblem',
  description: 'RFC 9457 problem details with the current version of the comment',
});

export const HISTORY_KINDS = [
  'task.created',
  'task.updated',
  'task.deleted',
  'task.restored',
  'task.moved',
  'comment.created',
  'comment.deleted',
  'attachment.added',
  'attachment.removed',
] as const;
export const HistoryKind = explainedEnum('HistoryKind', HISTORY_KINDS, {
  'task.created': 'the task was created',
  'task.updated': 'fields of the task changed (`changes` says which, from what to what)',
  'task.deleted': 'the task was deleted',
  'task.restored': 'the task was restored',
  'task.moved':
    'the task was moved here from another workspace (`changes` says what it lost, such as an assignee who is not a member here)',
  'comment.created': 'someone commented (`commentId`)',
  'comment.deleted': 'a comment was deleted (`commentId`)',
  'attachment.added': 'a file was attached (`attachment`)',
  'attachment.removed': 'an attached file was removed (`attachment`)',
});
export type HistoryKind = z.infer<typeof HistoryKind>;

export const HISTORY_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'dueDate',
  'assigneeId',
  'labels',
  'position',
] as const;

const FieldValue = z
  .union([z.string().max(200), z.array(z.string().max(50)).max(20), z.null()])
  .describe('The value; a description or position is not repeated here (null)');

export const FieldChange = z
  .object({
    field: z.enum(HISTORY_FIELDS),
    from: FieldValue,
    to: FieldValue,
  })
  .meta({ id: 'FieldChange' });
export type FieldChange = z.infer<typeof FieldChange>;

export const HistoryEntry = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    actorId: z
      .uuid()
      .nullable()
      .describe('Who made the change; null for the system or a gone account'),
    kind: HistoryKind,
    changes: z.array(FieldChange).max(HISTORY_FIELDS.length),
    commentId: z.uuid().nullable(),
    attachment: z
      .object({ id: z.uuid(), name: z.string().max(ATTACHMENT_NAME_MAX) })
      .nullable()
      .describe('The file, for `attachment.added` and `attachment.removed`'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ListHistoryQuery = z
  .object({ cursor: cursorParam(), limit: limitParam(HISTORY_PAGE_MAX, 50) })
  .strict();
export type ListHistoryQuery = z.input<typeof ListHistoryQuery>;

export const HistoryPage = pageOf(HistoryEntry, HISTORY_PAGE_MAX).meta({
  id: 'HistoryPage',
  description: 'What happened to a task, newest first',
});
export type HistoryPage = z.infer<typeof HistoryPage>;
