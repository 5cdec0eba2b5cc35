import { createFileRoute } from '@tanstack/react-router';
import { useSession } from '../../../../features/auth/session/auth-context.tsx';
import { TaskPage } from '../../../../features/tasks/components/task-page.tsx';
import { useMembers } from '../../../../features/workspaces/api/get-members.ts';
import { useWorkspace } from '../../../../features/workspaces/api/get-workspaces.ts';

/** A task's own page: its fields, description, comments and history (the code loads with it). */
export const Route = createFileRoute('/_authenticated/w/$workspaceId/t/$taskId')({
  component: TaskRoute,
});

/** Composes the task (tasks) with its workspace's members and the caller's role (workspaces). */
function TaskRoute() {
  const { workspaceId, taskId } = Route.useParams();
  const session = useSession();
  const workspace = useWorkspace(workspaceId);
  const members = useMembers(workspaceId).data ?? [];
  return (
    <TaskPage
      key={taskId}
      workspaceId={workspaceId}
      taskId={taskId}
      members={members}
      permissions={{
        currentUserId: session.user?.id ?? '',
        canDeleteAny: workspace?.role === 'owner',
      }}
    />
  );
}
