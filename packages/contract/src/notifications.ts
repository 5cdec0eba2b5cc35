import { z } from 'zod';
import { explainedEnum, requestBody } from './named.ts';
import { cursorParam, limitParam, pageOf } from './pagination.ts';

export const NOTIFICATION_TYPES = [
  'task.assigned',
  'task.changed',
  'task.due',
  'comment.mentioned',
  'export.ready',
  'workspace.joined',
] as const;
export const NotificationType = explainedEnum('NotificationType', NOTIFICATION_TYPES, {
  'task.assigned': 'a task was assigned to you',
  'task.changed': 'a task you follow changed',
  'task.due': 'a task of yours is due soon',
  'comment.mentioned': 'someone mentioned you in a comment',
  'export.ready': 'an export you asked for can be downloaded',
  'workspace.joined': 'you became a member of a workspace (added by an owner, or by an invitation)',
});
export type NotificationType = z.infer<typeof NotificationType>;

export const NOTIFICATION_PAGE_MAX = 100;

export const Notification = z
  .object({
    id: z.uuid(),
    type: NotificationType,
    title: z.string().max(500).describe('What happened, as a sentence to show'),
    workspaceId: z.uuid().nullable(),
    taskId: z.uuid().nullable(),
    actorId: z.uuid().nullable().describe('Who caused it; null for the system'),
    link: z
      .string()
      .max(500)
      .nullable()
      .describe('Where to go from the notification: an app path or an API download path'),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('`true`: only the unread ones'),
    cursor: cursorParam(),
    limit: limitParam(NOTIFICATION_PAGE_MAX, 20),
  })
  .strict();
export type ListNotificationsQuery = z.input<typeof ListNotificationsQuery>;

const Count = z.int().min(0).max(2_147_483_647);

export const NotificationList = pageOf(Notification, NOTIFICATION_PAGE_MAX)
  .extend({ unreadCount: Count })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkNotificationsReadBody = z
  .union([
    z
      .object({
        ids: z
          .array(z.uuid())
          .min(1)
          .max(NOTIFICATION_PAGE_MAX)
          .describe('These notifications (others’ ids are ignored)'),
      })
      .strict(),
    z.object({ all: z.literal(true).describe('Every notification') }).strict(),
  ])
  .meta({ id: 'MarkNotificationsReadBody' });
export type MarkNotificationsReadBody = z.input<typeof MarkNotificationsReadBody>;

export const UnreadCount = z.object({ unreadCount: Count }).meta({ id: 'UnreadCount' });

export const TaskFollow = z
  .object({ following: z.boolean().describe('Whether you are told about the task’s changes') })
  .meta({ id: 'TaskFollow' });
export type TaskFollow = z.infer<typeof TaskFollow>;

export const NotificationSettings = z
  .object({
    mailOnMention: z
      .boolean()
      .describe('Whether a mention in a comment also comes by mail (it always shows here)'),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettingsBody = requestBody('UpdateNotificationSettingsBody', {
  mailOnMention: z.boolean(),
});
export type UpdateNotificationSettingsBody = z.input<typeof UpdateNotificationSettingsBody>;
