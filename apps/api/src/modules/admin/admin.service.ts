import type { AdminStats, AdminUser, AdminUserList } from '@taskflow/contract';
import { decodePosition, pageOf } from '../../platform/http/position-cursor.ts';
import { recentDays } from '../../platform/time/zoned-days.ts';
import type { JobsRepository } from '../jobs/jobs.repository.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { AdminRepository, AdminUserRow } from './admin.repository.ts';

const SERIES_DAYS = 30;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    disabled: row.disabled_at !== null,
    lastSeenAt: iso(row.last_seen_at),
  };
}

type Deps = {
  repo: AdminRepository;
  jobs: JobsService;
  jobsRepo: JobsRepository;
  now?: () => number;
};

/** The operator's figures and user list. */
export function createAdminService({ repo, jobs, jobsRepo, now = Date.now }: Deps) {
  return {
    async stats(timeZone: string): Promise<AdminStats> {
      const { days, end } = recentDays(timeZone, now(), SERIES_DAYS);
      const bounds = [...days.map((d) => d.start), end];
      const todayStart = bounds.at(-2) ?? end;
      const [figures, taskDays, jobDays, jobStats] = await Promise.all([
        repo.figures(todayStart),
        repo.taskSeries(bounds),
        jobsRepo.perDay(bounds),
        jobs.stats(todayStart),
      ]);
      return {
        users: {
          total: figures.users,
          admins: figures.admins,
          disabled: figures.disabled,
          createdToday: figures.users_today,
        },
        tasks: {
          total: figures.tasks,
          createdToday: figures.tasks_today,
          completedToday: figures.completed_today,
        },
        jobs: jobStats,
        series: days.map((d, i) => ({
          date: d.date,
          tasksCreated: taskDays[i]?.created ?? 0,
          tasksCompleted: taskDays[i]?.completed ?? 0,
          jobsCompleted: jobDays[i]?.completed ?? 0,
          jobsFailed: jobDays[i]?.failed ?? 0,
        })),
        timeZone,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

/** Users, newest first, optionally searched by name or email, a page at a time. */
export async function listAdminUsers(
  repo: AdminRepository,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<AdminUserList> {
  const before = query.cursor ? decodePosition(query.cursor) : undefined;
  const rows = await repo.listUsers({
    q: query.q?.trim() || undefined,
    before,
    limit: query.limit,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.created_key);
  return { items: page.map(toAdminUser), nextCursor };
}
