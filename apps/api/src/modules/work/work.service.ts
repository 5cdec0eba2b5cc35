import {
  MY_WORK_FOLLOWING_DAYS,
  MY_WORK_FOLLOWING_MAX,
  MY_WORK_GROUP_MAX,
  MY_WORK_GROUPS,
  type MyWork,
  type MyWorkGroup,
  type MyWorkTask,
} from '@taskflow/contract';
import { addDays, localDate } from '../../platform/time/zoned-days.ts';
import type { AssignedRow, FollowedRow, WorkRepository } from './work.repository.ts';

const DAY_MS = 86_400_000;

type Deps = {
  repo: WorkRepository;
  /** The clock (ms since the epoch): "today" and "recent" are counted from it. */
  now?: () => number;
};

/** The coming Sunday of a local date (the date itself on a Sunday): where "this week" ends. */
export function weekEndOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (7 - weekday) % 7);
}

const toWorkTask = (row: AssignedRow | FollowedRow): MyWorkTask => ({
  id: row.id,
  workspaceId: row.workspace_id,
  workspaceName: row.workspace_name,
  title: row.title,
  status: row.status,
  priority: row.priority,
  dueDate: row.due_date,
  updatedAt: row.updated_at,
});

function groupsOf(rows: AssignedRow[]): MyWorkGroup[] {
  const groups = new Map(
    MY_WORK_GROUPS.map((key) => [key, { key, total: 0, items: [] as MyWorkTask[] }]),
  );
  for (const row of rows) {
    const group = groups.get(row.group_key);
    if (!group) continue;
    group.total = row.total;
    group.items.push(toWorkTask(row));
  }
  return [...groups.values()];
}

/** "My work": a user's open tasks across their workspaces, and what changed on those they follow. */
export function createWorkService({ repo, now = Date.now }: Deps) {
  return {
    async myWork(userId: string, timeZone: string): Promise<MyWork> {
      const instant = now();
      const today = localDate(timeZone, instant);
      const weekEnds = weekEndOf(today);
      const since = new Date(instant - MY_WORK_FOLLOWING_DAYS * DAY_MS);
      const [assigned, followed] = await Promise.all([
        repo.assigned(userId, { today, weekEnds }, MY_WORK_GROUP_MAX),
        repo.followed(userId, since, MY_WORK_FOLLOWING_MAX),
      ]);
      return {
        timeZone,
        today,
        weekEnds,
        groups: groupsOf(assigned),
        following: followed.map((row) => ({
          task: toWorkTask(row),
          kind: row.kind,
          changedAt: row.changed_at,
          changedBy:
            row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
        })),
      };
    },
  };
}

export type WorkService = ReturnType<typeof createWorkService>;
