import {
  AdminStats,
  DetailedHealth,
  Job,
  JobList,
  JobParams,
  JobStats,
  ListJobsQuery,
  StatsQuery,
} from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminBearer, routeSchemas } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { SystemService } from '../system/index.ts';
import type { AdminService } from './admin.service.ts';

type Options = { admin: AdminService; jobs: JobsAdmin; system: SystemService; guards: Guards };

const route = routeSchemas({ tags: ['admin'], security: adminBearer, problems: [401, 403] });

/** The operator's dashboard data: figures, jobs (with retry and cancel), detailed health. */
export async function adminOpsRoutes(instance: FastifyInstance, options: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { admin, jobs, system, guards } = options;
  // Before validation: someone who may not call an operator route learns nothing of its input.
  for (const guard of guards.authorize('admin')) app.addHook('preValidation', guard);

  app.get(
    '/api/v1/admin/stats',
    {
      schema: route({
        operationId: 'getAdminStats',
        summary: 'Users, tasks and jobs: totals, today, and the last 30 days',
        querystring: StatsQuery,
        response: { 200: AdminStats },
      }),
    },
    async (request) => admin.stats(request.query.tz),
  );

  app.get(
    '/api/v1/admin/jobs',
    {
      schema: route({
        operationId: 'listJobs',
        summary: 'Jobs, newest first, by state and type',
        querystring: ListJobsQuery,
        response: { 200: JobList },
      }),
    },
    async (request) => jobs.list(request.query),
  );

  app.get(
    '/api/v1/admin/jobs/stats',
    {
      schema: route({
        operationId: 'getJobStats',
        summary: 'Jobs by state and by type, and today’s (UTC) throughput',
        response: { 200: JobStats },
      }),
    },
    async () => {
      const today = new Date();
      today.setUTCHours(0, 0, 0, 0);
      return jobs.stats(today);
    },
  );

  app.get(
    '/api/v1/admin/jobs/:id',
    {
      schema: route({
        operationId: 'getJob',
        summary: 'One job, with its payload and last error',
        params: JobParams,
        response: { 200: Job },
        problems: [404],
      }),
    },
    async (request) => jobs.get(request.params.id),
  );

  /** An action on one job, answered with the job as it is then; 409 where it does not apply. */
  const jobAction = (operationId: string, summary: string) => ({
    schema: route({
      operationId,
      summary,
      params: JobParams,
      response: { 200: Job },
      problems: [404, 409],
    }),
  });

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    jobAction('retryJob', 'Run a failed or cancelled job again'),
    async (request) => jobs.retry(request.params.id),
  );

  app.post(
    '/api/v1/admin/jobs/:id/cancel',
    jobAction('cancelJob', 'Cancel a job that has not finished'),
    async (request) => jobs.cancel(request.params.id),
  );

  app.get(
    '/api/v1/health/detailed',
    {
      schema: route({
        operationId: 'getDetailedHealth',
        summary: 'Health for operators: checks, versions, uptime, pool, queue and stream figures',
        response: { 200: DetailedHealth },
      }),
    },
    async () => system.detailed(),
  );
}
