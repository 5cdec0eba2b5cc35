import {
  ExportCsv,
  ExportParams,
  TaskExport,
  TaskFilterQuery,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { ExportsService } from './exports.service.ts';

type Options = { service: ExportsService; guards: Guards };

const route = routeSchemas({ tags: ['tasks'], security: bearer, problems: [401, 404] });

const csvResponse = {
  description: 'The CSV file',
  content: { 'text/csv': { schema: ExportCsv } },
} as unknown as typeof ExportCsv;

/** Exports of a workspace's tasks as CSV, under /api/v1/workspaces/{workspaceId}/exports. */
export async function exportsRoutes(instance: FastifyInstance, { service, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.post(
    '/api/v1/workspaces/:workspaceId/exports',
    {
      schema: route({
        operationId: 'createExport',
        summary: 'Export the workspace’s tasks as CSV, all or those the list’s filters keep',
        description:
          'The filters are the task list’s, with the same meaning (`me` is the member asking). Made in the background: a `notification.created` event (`export.ready`) tells when it can be downloaded. At most a few an hour per user (429).',
        params: WorkspaceParams,
        querystring: TaskFilterQuery,
        response: { 202: TaskExport },
      }),
    },
    async (request, reply) => {
      const made = await service.request(
        request.params.workspaceId,
        callerId(request),
        request.query,
        request.id,
      );
      return reply.status(202).send(made);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/exports/:exportId',
    {
      schema: route({
        operationId: 'getExport',
        summary: 'An export and whether it is ready',
        params: ExportParams,
        response: { 200: TaskExport },
      }),
    },
    async (request) =>
      service.get(request.params.workspaceId, request.params.exportId, callerId(request)),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/exports/:exportId/download',
    {
      schema: route({
        operationId: 'downloadExport',
        summary: 'The CSV file of a ready export (members of the workspace only)',
        description:
          '409 while it is being made; 410 once it has expired (a day after it was made).',
        params: ExportParams,
        // Documented as text/csv rather than JSON (typed as the string it is).
        response: { 200: csvResponse },
        problems: [409, 410],
      }),
    },
    async (request, reply) => {
      const file = await service.download(
        request.params.workspaceId,
        request.params.exportId,
        callerId(request),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
