import {
  ListNotificationsQuery,
  MarkNotificationsReadBody,
  NotificationList,
  NotificationSettings,
  TaskFollow,
  TaskParams,
  UnreadCount,
  UpdateNotificationSettingsBody,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { NotificationsService } from './notifications.service.ts';

type Options = { service: NotificationsService; guards: Guards };

const route = routeSchemas({ tags: ['notifications'], security: bearer, problems: [401] });

const taskOf = (request: FastifyRequest & { params: { workspaceId: string; taskId: string } }) =>
  [request.params.workspaceId, request.params.taskId, callerId(request)] as const;

/** The caller's notifications, and following tasks. */
export async function notificationsRoutes(instance: FastifyInstance, { service, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.get(
    '/api/v1/notifications',
    {
      schema: route({
        operationId: 'listNotifications',
        summary: 'Your notifications, newest first, with the number unread',
        querystring: ListNotificationsQuery,
        response: { 200: NotificationList },
      }),
    },
    async (request) => service.list(callerId(request), request.query),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      schema: route({
        operationId: 'markNotificationsRead',
        summary: 'Mark some of your notifications, or all, as read',
        body: MarkNotificationsReadBody,
        response: { 200: UnreadCount },
      }),
    },
    async (request) =>
      service.markRead(callerId(request), 'ids' in request.body ? request.body.ids : undefined),
  );

  app.get(
    '/api/v1/notifications/settings',
    {
      schema: route({
        operationId: 'getNotificationSettings',
        summary: 'What comes to you by mail as well as in the app',
        response: { 200: NotificationSettings },
      }),
    },
    async (request) => service.settings(callerId(request)),
  );

  app.put(
    '/api/v1/notifications/settings',
    {
      schema: route({
        operationId: 'updateNotificationSettings',
        summary: 'Choose what comes to you by mail as well as in the app',
        body: UpdateNotificationSettingsBody,
        response: { 200: NotificationSettings },
      }),
    },
    async (request) => service.saveSettings(callerId(request), request.body),
  );

  const followSchema = (operationId: string, summary: string) =>
    route({
      operationId,
      summary,
      params: TaskParams,
      response: { 200: TaskFollow },
      problems: [404],
    });
  const followPath = '/api/v1/workspaces/:workspaceId/tasks/:taskId/follow';

  app.get(
    followPath,
    { schema: followSchema('getTaskFollow', 'Whether you follow a task') },
    async (request) => service.following(...taskOf(request)),
  );
  app.put(
    followPath,
    {
      schema: followSchema('followTask', 'Follow a task: be notified when someone changes it'),
    },
    async (request) => service.setFollowing(...taskOf(request), true),
  );
  app.delete(
    followPath,
    { schema: followSchema('unfollowTask', 'Stop following a task') },
    async (request) => service.setFollowing(...taskOf(request), false),
  );
}
