import {
  BulkStatusBody,
  CreateTaskBody,
  HistoryPage,
  IfMatchHeaders,
  LabelList,
  ListHistoryQuery,
  ListTasksQuery,
  MoveTaskBody,
  RESTORE_WINDOW_DAYS,
  StatsQuery,
  Task,
  TaskConflictProblem,
  TaskFilterQuery,
  TaskItems,
  TaskList,
  TaskParams,
  TaskStats,
  TaskStatusCounts,
  TrashPage,
  TrashQuery,
  UpdateTaskBody,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, withEtag } from '../../platform/http/if-match.ts';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { TaskHistoryService } from './task-history.service.ts';
import type { StatsService } from './task-stats.service.ts';
import type { TrashService } from './task-trash.service.ts';
import type { TaskScope } from './tasks.repository.ts';
import type { TasksService } from './tasks.service.ts';

type Options = {
  tasks: TasksService;
  stats: StatsService;
  history: TaskHistoryService;
  trash: TrashService;
  guards: Guards;
};

/** Every route is a member's, on a workspace (most on one of its tasks: other params). */
const route = routeSchemas({
  tags: ['tasks'],
  security: bearer,
  params: WorkspaceParams,
  problems: [401, 404],
});

const scopeOf = (
  request: Pick<FastifyRequest, 'auth'> & { params: { workspaceId: string } },
): TaskScope => ({
  workspaceId: request.params.workspaceId,
  userId: callerId(request),
});

/** Tasks of a workspace, under /api/v1/workspaces/{workspaceId}; members only. */
export async function tasksRoutes(
  instance: FastifyInstance,
  { tasks, stats, history, trash, guards }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.get(
    '/api/v1/workspaces/:workspaceId/tasks',
    {
      schema: route({
        operationId: 'listTasks',
        summary: 'List, filter, search and sort the workspace’s tasks, a page at a time',
        description:
          'Keyset pagination: pass `nextCursor` as `cursor` with the same filters and sort. Tasks added while paging never make another task appear twice or go missing.',
        querystring: ListTasksQuery,
        response: { 200: TaskList },
      }),
    },
    async (request) => tasks.list(scopeOf(request), request.query),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/tasks/counts',
    {
      schema: route({
        operationId: 'countTasksByStatus',
        summary: 'How many tasks of each status match the list’s filters',
        description:
          'The same filters as the list, with the same meaning: a board column’s count is the length of its whole list.',
        querystring: TaskFilterQuery,
        response: { 200: TaskStatusCounts },
      }),
    },
    async (request) => tasks.statusCounts(scopeOf(request), request.query),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/tasks',
    {
      schema: route({
        operationId: 'createTask',
        summary: 'Create a task; it goes to the top of the manual order',
        body: CreateTaskBody,
        response: { 201: Task },
      }),
    },
    async (request, reply) => {
      const task = await tasks.create(scopeOf(request), request.body);
      return reply.status(201).send(withEtag(reply, task));
    },
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/tasks/bulk-status',
    {
      schema: route({
        operationId: 'setTasksStatus',
        summary: 'Set the status of several tasks at once',
        description: 'All or nothing: if one of the tasks is not found, none changes (404).',
        body: BulkStatusBody,
        response: { 200: TaskItems },
      }),
    },
    async (request) => ({ items: await tasks.setStatus(scopeOf(request), request.body) }),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId',
    {
      schema: route({
        operationId: 'getTask',
        summary: 'One task, with its version as the ETag',
        params: TaskParams,
        response: { 200: Task },
      }),
    },
    async (request, reply) =>
      withEtag(reply, await tasks.get(scopeOf(request), request.params.taskId)),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId',
    {
      schema: route({
        operationId: 'updateTask',
        summary: 'Change some fields of a task',
        description:
          'With `If-Match`, the change applies only to that version: otherwise 412 with the current task.',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: UpdateTaskBody,
        response: { 200: Task, 412: TaskConflictProblem },
      }),
    },
    async (request, reply) => {
      const version = expectedVersion(request.headers['if-match']);
      const task = await tasks.update(
        scopeOf(request),
        request.params.taskId,
        request.body,
        version,
      );
      return withEtag(reply, task);
    },
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId',
    {
      schema: route({
        operationId: 'deleteTask',
        summary: 'Delete a task; it can be restored for 30 days',
        params: TaskParams,
        response: { 204: noContent },
      }),
    },
    async (request, reply) => {
      await tasks.remove(scopeOf(request), request.params.taskId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId/history',
    {
      schema: route({
        operationId: 'listTaskHistory',
        summary: 'What happened to a task, newest first, a page at a time',
        description:
          'One entry per change: fields from → to, status moves, assignments, comments. Written by the change’s own transaction.',
        params: TaskParams,
        querystring: ListHistoryQuery,
        response: { 200: HistoryPage },
      }),
    },
    async (request) => history.page(scopeOf(request), request.params.taskId, request.query),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId/restore',
    {
      schema: route({
        operationId: 'restoreTask',
        summary: 'Undo the deletion of a task',
        params: TaskParams,
        response: { 200: Task },
      }),
    },
    async (request, reply) =>
      withEtag(reply, await tasks.restore(scopeOf(request), request.params.taskId)),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/trash',
    {
      schema: route({
        operationId: 'listTrash',
        summary: 'Deleted tasks that can still be restored, most recently deleted first',
        description: `A deleted task stays restorable for ${RESTORE_WINDOW_DAYS} days (\`restorableUntil\`), then it is purged. Restore one with \`POST …/tasks/{taskId}/restore\`. Keyset pagination: pass \`nextCursor\` as \`cursor\`.`,
        querystring: TrashQuery,
        response: { 200: TrashPage },
      }),
    },
    async (request) => trash.page(scopeOf(request), request.query),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/tasks/:taskId/move',
    {
      schema: route({
        operationId: 'moveTask',
        summary: 'Move a task to another status and/or next to another task',
        description:
          'Only the moved task changes: its new position lies between its new neighbours.',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: MoveTaskBody,
        response: { 200: Task, 412: TaskConflictProblem },
      }),
    },
    async (request, reply) => {
      const version = expectedVersion(request.headers['if-match']);
      const task = await tasks.move(scopeOf(request), request.params.taskId, request.body, version);
      return withEtag(reply, task);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/labels',
    {
      schema: route({
        operationId: 'listLabels',
        summary: 'The labels used by the workspace’s tasks',
        response: { 200: LabelList },
      }),
    },
    async (request) => ({ items: await tasks.labels(scopeOf(request)) }),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/stats',
    {
      schema: route({
        operationId: 'getWorkspaceStats',
        summary: 'Task counts and the 30-day completion series of a workspace',
        querystring: StatsQuery,
        response: { 200: TaskStats },
      }),
    },
    async (request) => stats.stats(scopeOf(request), request.query.tz),
  );
}
