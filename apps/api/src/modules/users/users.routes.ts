import { User } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withProblems } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/auth.guards.ts';
import type { AuthService } from '../auth/auth.service.ts';

export async function usersRoutes(
  instance: FastifyInstance,
  { service, guards }: { service: AuthService; guards: Guards },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/me',
    {
      preHandler: guards.authenticated,
      schema: {
        operationId: 'getCurrentUser',
        summary: 'The signed-in user',
        tags: ['account'],
        security: [{ bearerAuth: [] }],
        response: withProblems({ 200: User }, [401]),
      },
    },
    async (request) => service.currentUser(request.auth?.sub ?? ''),
  );
}
