import { z } from 'zod';
import { Role, User } from './auth.ts';
import { JobStats } from './jobs.ts';
import { requestBody } from './named.ts';
import { cursorParam, limitParam, listOf, pageOf } from './pagination.ts';
import { noControlCharacters } from './text.ts';

export const OutboxMail = z
  .object({
    id: z.uuid(),
    to: z.string().max(254),
    subject: z.string().max(500),
    text: z.string().max(20_000),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxMail' });

export const OutboxList = listOf(OutboxMail, 100).meta({ id: 'OutboxList' });

export const OutboxQuery = z.object({
  limit: limitParam(100, 50),
});

export const UserIdParams = z.object({ id: z.uuid() });

const Count = z.int().min(0).max(2_147_483_647);

/** A user as an administrator sees them. */
export const AdminUser = User.extend({
  disabled: z.boolean(),
  lastSeenAt: z.iso.datetime().nullable().describe('The last use of any of their sessions'),
  twoFactor: z.boolean().describe('Two-factor sign-in is on'),
}).meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;

export const USER_PAGE_MAX = 100;

export const ListUsersQuery = z
  .object({
    q: z
      .string()
      .max(200)
      .refine(noControlCharacters, 'Use printable characters only')
      .optional()
      .describe('Part of a name or an email address'),
    cursor: cursorParam(),
    limit: limitParam(USER_PAGE_MAX, 50),
  })
  .strict();
export type ListUsersQuery = z.input<typeof ListUsersQuery>;

export const AdminUserList = pageOf(AdminUser, USER_PAGE_MAX).meta({ id: 'AdminUserList' });

export const UpdateUserBody = requestBody('UpdateUserBody', { role: Role });
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

const DayFigures = z.object({
  date: z.string().max(10).describe('`YYYY-MM-DD`'),
  tasksCreated: Count,
  tasksCompleted: Count,
  jobsCompleted: Count,
  jobsFailed: Count,
});

export const AdminStats = z
  .object({
    users: z.object({ total: Count, admins: Count, disabled: Count, createdToday: Count }),
    tasks: z.object({ total: Count, createdToday: Count, completedToday: Count }),
    jobs: JobStats,
    series: z.array(DayFigures).max(30).describe('The last 30 days, oldest first'),
    timeZone: z.string().max(64),
  })
  .meta({ id: 'AdminStats' });
export type AdminStats = z.infer<typeof AdminStats>;

const Check = z.object({ status: z.enum(['ok', 'fail']), detail: z.string().max(500).optional() });

export const DetailedHealth = z
  .object({
    status: z.enum(['ok', 'fail']),
    version: z.string().max(50),
    mode: z.enum(['embedded', 'cluster']),
    node: z.string().max(50),
    uptimeSeconds: Count,
    checks: z.object({
      database: Check,
      migrations: Check,
      jobs: Check,
      redis: Check.optional(),
    }),
    database: z.object({
      kind: z.enum(['pglite', 'postgres', 'offline']),
      latencyMs: z.number().min(0).max(1_000_000).nullable(),
      pool: z
        .object({ total: Count, idle: Count, waiting: Count, max: Count })
        .nullable()
        .describe('PostgreSQL connection pool; null on the embedded database'),
    }),
    jobs: z.object({ queued: Count, active: Count, failed: Count, workers: Count }),
    streams: z.object({ open: Count }),
    memory: z.object({
      rssBytes: Count.max(Number.MAX_SAFE_INTEGER),
      heapUsedBytes: Count.max(Number.MAX_SAFE_INTEGER),
    }),
    eventLoopLagMs: z.number().min(0).max(1_000_000),
  })
  .meta({ id: 'DetailedHealth' });
export type DetailedHealth = z.infer<typeof DetailedHealth>;
export type AdminUserList = z.infer<typeof AdminUserList>;
