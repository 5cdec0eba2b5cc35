import { z } from 'zod';

export const RuntimeMode = z.enum(['embedded', 'cluster']).meta({ id: 'RuntimeMode' });
export type RuntimeMode = z.infer<typeof RuntimeMode>;

export const Meta = z
  .object({
    name: z.string().max(100),
    version: z.string().max(50),
    mode: RuntimeMode,
    serverTime: z.iso.datetime(),
  })
  .meta({ id: 'Meta', description: 'What this server is and how it runs' });
export type Meta = z.infer<typeof Meta>;

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

const CheckResult = z.object({
  status: z.enum(['ok', 'fail']),
  detail: z.string().max(500).optional(),
});

export const Readiness = z
  .object({
    status: z.enum(['ok', 'fail']),
    checks: z.object({
      database: CheckResult,
      migrations: CheckResult,
      jobs: CheckResult.optional().describe('The job system (pg-boss) has started'),
      redis: CheckResult.optional().describe(
        'Only when Redis is configured. Redis is an accelerator: while it fails the instance stays ready (see `degraded`)',
      ),
      shutdown: CheckResult.optional().describe(
        'Present while the instance drains before it stops: it fails, so balancers stop sending',
      ),
    }),
    degraded: z
      .array(z.string().max(50))
      .max(10)
      .optional()
      .describe(
        'Checks that fail without making the instance unready (Redis: per-process fallbacks)',
      ),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
