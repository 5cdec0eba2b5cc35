import { createFileRoute, Link, Outlet, useNavigate } from '@tanstack/react-router';
import { ExportTasks } from '../../../../../features/exports/components/export-tasks.tsx';
import { tasksQueryOptions } from '../../../../../features/tasks/api/get-tasks.ts';
import { Board } from '../../../../../features/tasks/components/board.tsx';
import {
  boardQueries,
  parseBoardSearch,
  toFilterQuery,
} from '../../../../../features/tasks/model/board-search.ts';
import { useMembers } from '../../../../../features/workspaces/api/get-members.ts';
import {
  useWorkspace,
  useWorkspaces,
} from '../../../../../features/workspaces/api/get-workspaces.ts';

/** The board; its filters and view live in the URL, shared with the task dialog below it. */
export const Route = createFileRoute('/_authenticated/w/$workspaceId/_board')({
  validateSearch: parseBoardSearch,
  loaderDeps: ({ search }) => ({ queries: boardQueries(search) }),
  // The tasks are asked for with the workspace list (the layout's check) and the board's code,
  // not after them; not awaited, so the board shows its own loading state meanwhile.
  loader: ({ context: { queryClient }, params: { workspaceId }, deps: { queries } }) => {
    for (const query of queries) {
      void queryClient.prefetchInfiniteQuery(tasksQueryOptions(workspaceId, query));
    }
  },
  component: BoardPage,
});

/** Composes the board (tasks) with the workspace and its members (workspaces) and exports. */
function BoardPage() {
  const { workspaceId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = useNavigate();
  const workspace = useWorkspace(workspaceId);
  const members = useMembers(workspaceId).data ?? [];
  const filters = toFilterQuery(search);
  const workspaces = useWorkspaces().data ?? [];
  const moveTargets = workspaces.filter((w) => w.id !== workspaceId);

  return (
    <>
      <Board
        key={workspaceId}
        workspaceId={workspaceId}
        title={workspace?.name ?? 'Tasks'}
        search={search}
        members={members}
        moveTargets={moveTargets}
        actions={
          <>
            <Link
              to="/w/$workspaceId/trash"
              params={{ workspaceId }}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Trash
            </Link>
            {/* Other filters make another export: what was made for the old ones is not offered. */}
            <ExportTasks
              key={`${workspaceId}:${JSON.stringify(filters)}`}
              workspaceId={workspaceId}
              filters={filters}
            />
          </>
        }
        onSearchChange={(next, options) =>
          void navigate({ to: '.', search: next, replace: options?.replace ?? false })
        }
        onOpenTask={(taskId) =>
          void navigate({
            to: '/w/$workspaceId/tasks/$taskId',
            params: { workspaceId, taskId },
            search: true,
          })
        }
      />
      <Outlet />
    </>
  );
}
