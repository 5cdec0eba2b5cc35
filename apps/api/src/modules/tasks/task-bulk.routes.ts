import {
  BULK_MAX_TASKS,
  BulkTasksBody,
  BulkTasksResult,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { TaskBulkService } from './task-bulk.service.ts';

const route = routeSchemas({
  tags: ['tasks'],
  security: bearer,
  params: WorkspaceParams,
  problems: [401, 404],
});

/** One action on many tasks of a workspace; members only. */
export async function taskBulkRoutes(
  instance: FastifyInstance,
  { bulk, guards }: { bulk: TaskBulkService; guards: Guards },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.post(
    '/api/v1/workspaces/:workspaceId/tasks/bulk',
    {
      schema: route({
        operationId: 'bulkUpdateTasks',
        summary: 'Change, delete or move several tasks at once',
        description: `Up to ${BULK_MAX_TASKS} tasks, one action, all or nothing: if one task is not a live task of the workspace, none changes (404). Deleted tasks can be restored one by one. A move needs the caller to be a member of the target workspace (400 otherwise).`,
        body: BulkTasksBody,
        response: { 200: BulkTasksResult },
      }),
    },
    async (request) => ({
      items: await bulk.run(
        { workspaceId: request.params.workspaceId, userId: callerId(request) },
        request.body,
      ),
    }),
  );
}
