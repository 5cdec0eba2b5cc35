import {
  CreateLabelBody,
  LabelParams,
  UpdateLabelBody,
  WorkspaceLabel,
  WorkspaceLabelList,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { LabelsService } from './labels.service.ts';

const route = routeSchemas({
  tags: ['labels'],
  security: bearer,
  params: WorkspaceParams,
  problems: [401, 404],
});

const scopeOf = (request: Pick<FastifyRequest, 'auth'> & { params: { workspaceId: string } }) => ({
  workspaceId: request.params.workspaceId,
  userId: callerId(request),
});

const base = '/api/v1/workspaces/:workspaceId/label-definitions';

/** A workspace's labels and their colours: members read them, owners manage them. */
export async function labelsRoutes(
  instance: FastifyInstance,
  { service, guards }: { service: LabelsService; guards: Guards },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  app.get(
    base,
    {
      schema: route({
        operationId: 'listLabelDefinitions',
        summary: 'The workspace’s labels with their colours',
        description:
          'Defined labels, and the labels tasks carry without a definition (`id` and `colour` null, shown in a neutral colour), by name.',
        response: { 200: WorkspaceLabelList },
      }),
    },
    async (request) => ({ items: await service.list(scopeOf(request)) }),
  );

  app.post(
    base,
    {
      schema: route({
        operationId: 'createLabelDefinition',
        summary: 'Define a label and its colour (owners)',
        body: CreateLabelBody,
        response: { 201: WorkspaceLabel },
        problems: [403, 409],
      }),
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(scopeOf(request), request.body)),
  );

  app.patch(
    `${base}/:labelId`,
    {
      schema: route({
        operationId: 'updateLabelDefinition',
        summary: 'Rename or recolour a label (owners)',
        description:
          'A new name is given to the label on every task of the workspace that carries it.',
        params: LabelParams,
        body: UpdateLabelBody,
        response: { 200: WorkspaceLabel },
        problems: [403, 409],
      }),
    },
    async (request) => service.update(scopeOf(request), request.params.labelId, request.body),
  );

  app.delete(
    `${base}/:labelId`,
    {
      schema: route({
        operationId: 'deleteLabelDefinition',
        summary: 'Delete a label’s definition (owners)',
        description: 'Tasks keep the label; it shows in the neutral colour.',
        params: LabelParams,
        response: { 204: noContent },
        problems: [403],
      }),
    },
    async (request, reply) => {
      await service.remove(scopeOf(request), request.params.labelId);
      return reply.status(204).send(null);
    },
  );
}
