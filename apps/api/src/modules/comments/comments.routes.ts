import {
  Comment,
  CommentConflictProblem,
  CommentList,
  CommentParams,
  CreateCommentBody,
  ifMatchHeaders,
  ListCommentsQuery,
  TaskParams,
  UpdateCommentBody,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, withEtag } from '../../platform/http/if-match.ts';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { CommentScope } from './comments.repository.ts';
import type { CommentsService } from './comments.service.ts';

type Options = {
  comments: CommentsService;
  guards: Guards;
  /** Comment writes (new, edited, deleted) per member per window. */
  writeLimit: { max: number; windowMs: number };
};

const route = routeSchemas({
  tags: ['comments'],
  security: bearer,
  params: WorkspaceParams,
  problems: [401, 404],
});

const scopeOf = (
  request: Pick<FastifyRequest, 'auth'> & { params: { workspaceId: string; taskId: string } },
): CommentScope => ({
  workspaceId: request.params.workspaceId,
  taskId: request.params.taskId,
  userId: callerId(request),
});

const CommentIfMatch = ifMatchHeaders('comment');
const path = '/api/v1/workspaces/:workspaceId/tasks/:taskId/comments';

/** Comments on a task, under /api/v1/workspaces/{workspaceId}/tasks/{taskId}; members only. */
export async function commentsRoutes(
  instance: FastifyInstance,
  { comments, guards, writeLimit }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);

  const limitWrites = keyedLimit(
    instance,
    writeLimit,
    (request) => `comment-write:${request.auth?.sub}`,
  );

  app.get(
    path,
    {
      schema: route({
        operationId: 'listComments',
        summary: 'A task’s comments, oldest first, a page at a time',
        params: TaskParams,
        querystring: ListCommentsQuery,
        response: { 200: CommentList },
      }),
    },
    async (request) => comments.list(scopeOf(request), request.query),
  );

  app.post(
    path,
    {
      preHandler: limitWrites,
      schema: route({
        operationId: 'createComment',
        summary: 'Comment on a task; `@name` notifies that member, who then follows the task',
        params: TaskParams,
        body: CreateCommentBody,
        response: { 201: Comment },
        problems: [429],
      }),
    },
    async (request, reply) => {
      const comment = await comments.create(scopeOf(request), request.body.body);
      return reply.status(201).send(withEtag(reply, comment));
    },
  );

  app.patch(
    `${path}/:commentId`,
    {
      preHandler: limitWrites,
      schema: route({
        operationId: 'updateComment',
        summary: 'Edit your comment; it is marked edited',
        description:
          'With `If-Match`, the edit applies only to that version: otherwise 412 with the current comment.',
        params: CommentParams,
        headers: CommentIfMatch,
        body: UpdateCommentBody,
        response: { 200: Comment, 412: CommentConflictProblem },
        problems: [403, 429],
      }),
    },
    async (request, reply) => {
      const comment = await comments.update(
        scopeOf(request),
        request.params.commentId,
        request.body.body,
        expectedVersion(request.headers['if-match'], 'comment'),
      );
      return withEtag(reply, comment);
    },
  );

  app.delete(
    `${path}/:commentId`,
    {
      preHandler: limitWrites,
      schema: route({
        operationId: 'deleteComment',
        summary: 'Delete a comment: its author or an owner of the workspace',
        params: CommentParams,
        response: { 204: noContent },
        problems: [403, 429],
      }),
    },
    async (request, reply) => {
      await comments.remove(scopeOf(request), request.params.commentId);
      return reply.status(204).send(null);
    },
  );
}
