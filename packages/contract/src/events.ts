import { z } from 'zod';
import { ATTACHMENT_NAME_MAX } from './attachments.ts';
import { Role } from './auth.ts';
import { Comment } from './comments.ts';
import { Notification } from './notifications.ts';
import { Task } from './tasks.ts';
import { Member } from './workspaces.ts';

/** An outbox id: a positive integer, as text (it outgrows JavaScript numbers). */
export const EventId = z
  .string()
  .max(19)
  .regex(/^\d{1,19}$/)
  .describe('The outbox id of an event, as decimal text');

/** What an event says about a workspace without the reader's role in it. */
export const WorkspaceChange = z
  .object({
    id: z.uuid(),
    name: z.string().max(100),
    personal: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkspaceChange' });

/** `task.created` → `TaskCreatedEvent`: the name of an event's schema in the document. */
const schemaId = (type: string) =>
  `${type.replace(/(?:^|\.)(\w)/g, (_, c: string) => c.toUpperCase())}Event`;

/** An event of the outbox, of `type`, with its own `data`. */
const envelope = <T extends string, D extends z.ZodRawShape>(
  type: T,
  data: D,
  description: string,
) =>
  z
    .object({
      id: EventId,
      type: z.literal(type),
      workspaceId: z
        .uuid()
        .nullable()
        .describe('The workspace it happened in; null for personal events'),
      actorId: z.uuid().nullable().describe('Who made the change; null for the system'),
      createdAt: z.iso.datetime(),
      data: z.object(data),
    })
    .meta({ id: schemaId(type), description });

export const TaskCreatedEvent = envelope('task.created', { task: Task }, 'A task was created');
export const TaskUpdatedEvent = envelope(
  'task.updated',
  { task: Task },
  'A task changed: its fields, its status or its place',
);
export const TaskDeletedEvent = envelope(
  'task.deleted',
  { taskId: z.uuid() },
  'A task was deleted (it can be restored for a while)',
);
export const TaskRestoredEvent = envelope(
  'task.restored',
  { task: Task },
  'A deleted task was restored',
);
export const CommentCreatedEvent = envelope(
  'comment.created',
  { comment: Comment },
  'Someone commented on a task',
);
export const CommentUpdatedEvent = envelope(
  'comment.updated',
  { comment: Comment },
  'A comment was edited',
);
export const CommentDeletedEvent = envelope(
  'comment.deleted',
  { taskId: z.uuid(), commentId: z.uuid() },
  'A comment was deleted',
);
const AttachmentRef = {
  taskId: z.uuid(),
  attachmentId: z.uuid(),
  name: z.string().max(ATTACHMENT_NAME_MAX),
};
export const AttachmentCreatedEvent = envelope(
  'attachment.created',
  AttachmentRef,
  'A file was attached to a task (list the task’s attachments for its links)',
);
export const AttachmentUpdatedEvent = envelope(
  'attachment.updated',
  AttachmentRef,
  'An attached image’s thumbnail is ready',
);
export const AttachmentDeletedEvent = envelope(
  'attachment.deleted',
  AttachmentRef,
  'An attached file was removed',
);
export const WorkspaceCreatedEvent = envelope(
  'workspace.created',
  { workspace: WorkspaceChange },
  'A workspace was created; its creator is its first member',
);
export const WorkspaceUpdatedEvent = envelope(
  'workspace.updated',
  { workspace: WorkspaceChange },
  'A workspace was renamed',
);
export const WorkspaceDeletedEvent = envelope(
  'workspace.deleted',
  { workspaceId: z.uuid() },
  'A workspace was deleted with its tasks; its members receive nothing more from it',
);
export const MemberAddedEvent = envelope(
  'member.added',
  { member: Member },
  'Someone joined a workspace (the new member receives this too)',
);
export const MemberUpdatedEvent = envelope(
  'member.updated',
  { member: Member },
  'A member’s role changed',
);
export const MemberRemovedEvent = envelope(
  'member.removed',
  { userId: z.uuid() },
  'Someone left or was removed; the person removed receives this, then nothing more',
);
export const InvitationChangedEvent = envelope(
  'invitation.changed',
  {
    invitationId: z.uuid(),
    change: z
      .enum(['created', 'refreshed', 'revoked', 'used'])
      .describe('`refreshed`: an address invited again gets a new link'),
  },
  'A pending invitation was made, renewed, revoked or used: owners read the list again (every member receives this, so it names no address)',
);
export const NotificationCreatedEvent = envelope(
  'notification.created',
  { notification: Notification },
  'A notification for you (only its reader receives it)',
);
export const NotificationsReadEvent = envelope(
  'notifications.read',
  {
    ids: z
      .array(z.uuid())
      .max(100)
      .nullable()
      .describe('The notifications marked read; null when all were'),
    unreadCount: z.int().min(0).max(2_147_483_647),
  },
  'You marked notifications read (in this tab or another)',
);

export const UserRoleChangedEvent = envelope(
  'user.role_changed',
  { role: Role },
  'An administrator changed your role: refresh the session for a token that carries it',
);

/** Every event of the outbox, told apart by `type`. */
export const LiveEvent = z
  .discriminatedUnion('type', [
    TaskCreatedEvent,
    TaskUpdatedEvent,
    TaskDeletedEvent,
    TaskRestoredEvent,
    CommentCreatedEvent,
    CommentUpdatedEvent,
    CommentDeletedEvent,
    AttachmentCreatedEvent,
    AttachmentUpdatedEvent,
    AttachmentDeletedEvent,
    WorkspaceCreatedEvent,
    WorkspaceUpdatedEvent,
    WorkspaceDeletedEvent,
    MemberAddedEvent,
    MemberUpdatedEvent,
    MemberRemovedEvent,
    InvitationChangedEvent,
    NotificationCreatedEvent,
    NotificationsReadEvent,
    UserRoleChangedEvent,
  ])
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

export const LIVE_EVENT_TYPES = LiveEvent.options.map((o) => o.shape.type.value) as LiveEventType[];

/**
 * Sent first, instead of `ready` and a replay the server cannot make (the missed events were pruned, or the id is
 * not one it issued): refetch what is shown, then carry on from this event's id.
 */
export const ResetEvent = z
  .object({
    id: EventId,
    type: z.literal('reset'),
    reason: z.enum(['too_old', 'unknown_id', 'too_many']),
  })
  .meta({ id: 'ResetEvent' });
export type ResetEvent = z.infer<typeof ResetEvent>;

/**
 * The first message of every connection that needs no reset: the position the stream starts
 * from. Every event after it is delivered.
 */
export const ReadyEvent = z
  .object({ id: EventId, type: z.literal('ready') })
  .meta({ id: 'ReadyEvent' });
export type ReadyEvent = z.infer<typeof ReadyEvent>;

/** One message of the stream: the SSE `event:` is `type`, `id:` is `id`, `data:` is this JSON. */
export const StreamMessage = z
  .union([LiveEvent, ReadyEvent, ResetEvent])
  .meta({ id: 'StreamMessage' });
export type StreamMessage = z.infer<typeof StreamMessage>;

export const EventsQuery = z
  .object({
    lastEventId: EventId.optional().describe(
      'Where to resume on a first connection; the `Last-Event-ID` header wins when both are sent',
    ),
  })
  .strict();

export const EventsHeaders = z.object({
  'last-event-id': EventId.optional().describe('The id of the last event received'),
});

/** How long the outbox keeps events for replay. */
export const EVENT_RETENTION_DAYS = 7;
/** Past this many missed events, a reconnecting client is told to refetch instead. */
export const MAX_REPLAY = 5_000;
