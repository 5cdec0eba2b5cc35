import {
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { matchesQuery, sortOf } from '../model/task-match.ts';
import {
  addToCount,
  asListItem,
  findTask,
  insertBeside,
  insertByPosition,
  type Placement,
  removeTask,
  replaceTask,
  type TaskPages,
} from '../model/task-pages.ts';
import type { ListQuery, Task, TaskCounts, TaskListItem } from '../model/task-types.ts';
import { taskDeletions } from './task-deletions.ts';
import { taskKeys } from './task-keys.ts';

const queryOf = (key: QueryKey) => key[3] as ListQuery;

/**
 * Where a changed task goes in one cached list, so the board shows the change before the API.
 * The task comes without counts: it keeps those of this list, else those of another (`known`).
 */
function placeInList(
  data: TaskPages,
  query: ListQuery,
  changed: Task,
  known: TaskCounts | undefined,
  placement?: Placement,
) {
  const held = findTask(data, changed.id);
  const present = held !== undefined;
  const task = asListItem(changed, held?.counts ?? known);
  const match = matchesQuery(task, query);
  if (match === false || (match === undefined && !present)) return removeTask(data, task.id);
  if (sortOf(query) !== 'position') return present ? replaceTask(data, task) : data;
  const beside = placement ? insertBeside(data, task, placement) : null;
  if (beside) return beside;
  return present && !placement ? replaceTask(data, task) : insertByPosition(data, task);
}

/** Optimistic writes to every cached list page and detail of one workspace's tasks. */
export function taskCache(queryClient: QueryClient, workspaceId: string) {
  const all = taskKeys.all(workspaceId);
  const lists = () =>
    queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists(workspaceId) });
  const detailKey = (id: string) => taskKeys.detail(workspaceId, id);

  /** A task recorded as deleted is back (restored): its open page shows it again at once. */
  function undelete(task: Task) {
    if (taskDeletions(queryClient, workspaceId).forget(task.id)) {
      queryClient.setQueryData(detailKey(task.id), task);
    }
  }

  /** A task as one of the cached lists holds it, with its counts. */
  function inLists(id: string): TaskListItem | undefined {
    for (const [, data] of lists()) {
      const task = data && findTask(data, id);
      if (task) return task;
    }
    return undefined;
  }

  function updateLists(update: (data: TaskPages, query: ListQuery) => TaskPages) {
    for (const [key, data] of lists()) {
      const next = data && update(data, queryOf(key));
      if (next && next !== data) queryClient.setQueryData<TaskPages>(key, next);
    }
  }

  /** Refetches once the last of the overlapping writes is done, so none undoes another. */
  const settle = async () => {
    if (queryClient.isMutating({ mutationKey: all }) <= 1) {
      await queryClient.invalidateQueries({ queryKey: all });
    }
  };

  return {
    /** Stops refetches that would overwrite the optimistic state, and returns the way back. */
    async snapshot(): Promise<() => void> {
      await queryClient.cancelQueries({ queryKey: all });
      const saved = queryClient.getQueriesData({ queryKey: all });
      return () => {
        for (const [key, data] of saved) queryClient.setQueryData(key, data);
      };
    },

    /** Whether one of the lists asked with `queries` holds the task, in what is loaded. */
    isListed(id: string, queries: readonly ListQuery[]): boolean {
      return queries.some((query) => {
        const data = queryClient.getQueryData<TaskPages>(taskKeys.list(workspaceId, query));
        return data !== undefined && findTask(data, id) !== undefined;
      });
    },

    find(id: string): Task | undefined {
      return queryClient.getQueryData<Task>(detailKey(id)) ?? inLists(id);
    },

    put(task: Task, placement?: Placement) {
      undelete(task);
      const known = inLists(task.id)?.counts;
      updateLists((data, query) => placeInList(data, query, task, known, placement));
      if (queryClient.getQueryData(detailKey(task.id))) {
        queryClient.setQueryData(detailKey(task.id), task);
      }
    },

    /**
     * A change made elsewhere (a live event): applied only where the cache holds an older
     * version of the task, or none, so a late echo of one's own write changes nothing.
     */
    putIfNewer(task: Task) {
      const older = (held: Task | undefined) => held === undefined || held.version < task.version;
      undelete(task);
      const known = inLists(task.id)?.counts;
      updateLists((data, query) =>
        older(findTask(data, task.id)) ? placeInList(data, query, task, known) : data,
      );
      const detail = queryClient.getQueryData<Task>(detailKey(task.id));
      if (detail && older(detail)) queryClient.setQueryData(detailKey(task.id), task);
    },

    /** A comment or file added to a task (`delta` 1) or taken from it (-1), in every list. */
    addToCount(id: string, count: keyof TaskCounts, delta: number) {
      updateLists((data) => addToCount(data, id, count, delta));
    },

    remove(id: string) {
      updateLists((data) => removeTask(data, id));
      // Cancelled, not refetched: the deleted task's detail would only answer 404.
      queryClient.removeQueries({ queryKey: detailKey(id) });
    },

    /** What every task mutation carries: the key `settle` counts by, and `settle` itself. */
    mutation: { mutationKey: all, onSettled: settle },
  };
}

/** The task cache of one workspace, for a component or mutation hook. */
function useTaskCache(workspaceId: string) {
  return taskCache(useQueryClient(), workspaceId);
}

type TaskCache = ReturnType<typeof taskCache>;

/**
 * A mutation of one workspace's tasks: `mutationFn` sends it; what every task mutation carries
 * (`cache.mutation`) comes first, then the options made with the workspace's task cache.
 */
export function useTaskMutation<TData, TVariables, TContext = unknown>(
  workspaceId: string,
  mutationFn: (variables: TVariables) => Promise<TData>,
  options: (
    cache: TaskCache,
  ) => Omit<UseMutationOptions<TData, Error, TVariables, TContext>, 'mutationFn'>,
) {
  const cache = useTaskCache(workspaceId);
  return useMutation({ ...cache.mutation, mutationFn, ...options(cache) });
}

/**
 * Whether a task just written stays out of the lists asked with `queries`: by what the task
 * says where that is enough, else by whether the refreshed lists hold it.
 */
export function useHiddenCheck(workspaceId: string) {
  const cache = useTaskCache(workspaceId);
  return (task: Task, queries: readonly ListQuery[]) =>
    !queries.some((query) => matchesQuery(task, query) === true) &&
    !cache.isListed(task.id, queries);
}

/** Looks a task up in what the board has loaded, for commands that start from an id. */
export function useTaskLookup(workspaceId: string): (taskId: string) => Task | undefined {
  const cache = useTaskCache(workspaceId);
  return cache.find;
}
