import { CreateTaskBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';

type Task = components['schemas']['Task'];
type TaskListItem = components['schemas']['TaskListItem'];

export const workspaceId = '11111111-1111-4111-8111-111111111111';

let counter = 0;

/** A task as the API returns it; `position` orders it, so tests pass increasing keys. */
export function aTask(overrides: Partial<Task> & Pick<Task, 'title' | 'position'>): Task {
  counter += 1;
  return {
    ...CreateTaskBody.parse({ title: overrides.title }),
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    workspaceId,
    version: 1,
    createdBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

/** A task as a list brings it; without counts given, it has no comments and no files. */
export const listItem = (task: Task | TaskListItem): TaskListItem =>
  'counts' in task ? task : { ...task, counts: { comments: 0, attachments: 0 } };

/** The cached shape of an infinite list: its pages and the cursors they were asked with. */
export function pagesOf(pages: (Task | TaskListItem)[][], nextCursor: string | null = null) {
  return {
    pages: pages.map((items, index) => ({
      items: items.map(listItem),
      nextCursor: index === pages.length - 1 ? nextCursor : `cursor-${index + 1}`,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)),
  };
}
