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
import { adminBearer, withProblems } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/index.ts';
import type { JobsAdmin } from '../jobs/index.ts';
import type { SystemService } from '../system/index.ts';
import type { AdminService } from './admin.service.ts';

type Options = { admin: AdminService; jobs: JobsAdmin; system: SystemService; guards: Guards };

const tags = ['admin'];

/** The operator's dashboard data: figures, jobs (with retry and cancel), detailed health. */
export async function adminOpsRoutes(instance: FastifyInstance, options: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { admin, jobs, system, guards } = options;
  // Before validation: someone who may not call an operator route learns nothing of its input.
  for (const guard of guards.authorize('admin')) app.addHook('preValidation', guard);
  const problems = [401, 403] as const;

  app.get(
    '/api/v1/admin/stats',
    {
      schema: {
        operationId: 'getAdminStats',
        summary: 'Users, tasks and jobs: totals, today, and the last 30 days',
        tags,
        security: adminBearer,
        querystring: StatsQuery,
        response: withProblems({ 200: AdminStats }, problems),
      },
    },
    async (request) => admin.stats(request.query.tz),
  );

  app.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        operationId: 'listJobs',
        summary: 'Jobs, newest first, by state and type',
        tags,
        security: adminBearer,
        querystring: ListJobsQuery,
        response: withProblems({ 200: JobList }, problems),
      },
    },
    async (request) => jobs.list(request.query),
  );

  app.get(
    '/api/v1/admin/jobs/stats',
    {
      schema: {
        operationId: 'getJobStats',
        summary: 'Jobs by state and by type, and today’s (UTC) throughput',
        tags,
        security: adminBearer,
        response: withProblems({ 200: JobStats }, problems),
      },
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
      schema: {
        operationId: 'getJob',
        summary: 'One job, with its payload and last error',
        tags,
        security: adminBearer,
        params: JobParams,
        response: withProblems({ 200: Job }, [...problems, 404]),
      },
    },
    async (request) => jobs.get(request.params.id),
  );

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      schema: {
        operationId: 'retryJob',
        summary: 'Run a failed or cancelled job again',
        tags,
        security: adminBearer,
        params: JobParams,
        response: withProblems({ 200: Job }, [...problems, 404, 409]),
      },
    },
    async (request) => jobs.retry(request.params.id),
  );

  app.post(
    '/api/v1/admin/jobs/:id/cancel',
    {
      schema: {
        operationId: 'cancelJob',
        summary: 'Cancel a job that has not finished',
        tags,
        security: adminBearer,
        params: JobParams,
        response: withProblems({ 200: Job }, [...problems, 404, 409]),
      },
    },
    async (request) => jobs.cancel(request.params.id),
  );

  app.get(
    '/api/v1/health/detailed',
    {
      schema: {
        operationId: 'getDetailedHealth',
        summary: 'Health for operators: checks, versions, uptime, pool, queue and stream figures',
        tags,
        security: adminBearer,
        response: withProblems({ 200: DetailedHealth }, problems),
      },
    },
    async () => system.detailed(),
  );
}
