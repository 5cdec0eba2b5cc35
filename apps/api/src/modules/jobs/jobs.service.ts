import {
  JOB_STATES,
  type Job,
  type JobList,
  type JobState,
  type JobStats,
} from '@taskflow/contract';
import type { PgBoss } from 'pg-boss';
import { creationPage, decodeCreationCursor } from '../../platform/cursor.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { JobRow, JobsRepository } from './jobs.repository.ts';

function errorOf(row: JobRow): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const output = row.output ?? {};
  const message = typeof output.message === 'string' ? output.message : JSON.stringify(output);
  return message.slice(0, 2000);
}

function toJob(row: JobRow): Job {
  const data = row.data ?? null;
  return {
    id: row.id,
    type: row.name,
    state: row.state,
    attempts: row.state === 'created' ? row.retry_count : row.retry_count + 1,
    maxAttempts: row.retry_limit + 1,
    data:
      data && typeof data.payload === 'object' ? (data.payload as Record<string, unknown>) : data,
    error: errorOf(row),
    requestId: data && typeof data.requestId === 'string' ? data.requestId : null,
    createdAt: row.created_on ?? '',
    startAfter: row.start_after ?? '',
    startedAt: row.started_on,
    completedAt: row.completed_on,
  };
}

const zeroStates = () =>
  Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;

/** What operators see and do with jobs (admin API and CLI alike). */
export function createJobsAdmin({ repo, boss }: { repo: JobsRepository; boss: PgBoss }) {
  async function requireJob(id: string) {
    const row = await repo.find(id);
    if (!row) throw new NotFoundError('job');
    return row;
  }

  return {
    async list(query: {
      state?: JobState | undefined;
      type?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    }): Promise<JobList> {
      const before = query.cursor ? decodeCreationCursor(query.cursor) : undefined;
      const rows = await repo.list({
        state: query.state,
        type: query.type,
        before,
        limit: query.limit,
      });
      const { page, nextCursor } = creationPage(rows, query.limit);
      return { items: page.map(toJob), nextCursor };
    },

    /** Counts by state and by queue, and what happened since `since` (the start of today). */
    async stats(since: Date): Promise<JobStats> {
      const rows = await repo.counts(since);
      const byState = zeroStates();
      const byType = new Map<string, Record<JobState, number>>();
      const today = { createdToday: 0, completedToday: 0, failedToday: 0 };
      for (const row of rows) {
        byState[row.state] += row.n;
        const forType = byType.get(row.name) ?? zeroStates();
        forType[row.state] += row.n;
        byType.set(row.name, forType);
        today.createdToday += row.created_since;
        today.completedToday += row.completed_since;
        today.failedToday += row.failed_since;
      }
      return {
        byState,
        byType: [...byType].map(([type, counts]) => ({ type, byState: counts })).slice(0, 100),
        ...today,
      };
    },

    get: async (id: string) => toJob(await requireJob(id)),

    /** Jobs waiting (created or to retry), running, and failed, across queues. */
    async totals() {
      const { byState } = await this.stats(new Date());
      return {
        queued: byState.created + byState.retry,
        active: byState.active,
        failed: byState.failed,
      };
    },

    /** Runs a failed (or cancelled) job again, from its first attempt's budget. */
    async retry(id: string): Promise<Job> {
      const row = await requireJob(id);
      if (row.state !== 'failed' && row.state !== 'cancelled') {
        throw new DomainError('CONFLICT', { detail: `A ${row.state} job cannot be retried` });
      }
      await boss.retry(row.name, id);
      return toJob(await requireJob(id));
    },

    /** Cancels a job that has not finished. */
    async cancel(id: string): Promise<Job> {
      const row = await requireJob(id);
      if (!['created', 'retry', 'active'].includes(row.state)) {
        throw new DomainError('CONFLICT', { detail: `A ${row.state} job cannot be cancelled` });
      }
      await boss.cancel(row.name, id);
      return toJob(await requireJob(id));
    },

    /** Completed and failed jobs per day, between the bounds given. */
    perDay: (bounds: Date[]) => repo.perDay(bounds),

    /** Forgets the effects of jobs older than `before` (they outlive their jobs). */
    clearEffects: (before: Date) => repo.clearEffects(before),

    /** Removes completed and cancelled jobs older than `olderThanMs`; the number (to be) removed. */
    clearCompleted: (olderThanMs: number, dryRun: boolean) =>
      repo.clearFinished(new Date(Date.now() - olderThanMs), dryRun),
  };
}

export type JobsAdmin = ReturnType<typeof createJobsAdmin>;
