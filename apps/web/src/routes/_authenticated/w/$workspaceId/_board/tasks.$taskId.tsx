import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { TaskDialog } from '../../../../../features/tasks/components/task-dialog.tsx';
import { useMembers } from '../../../../../features/workspaces/api/get-members.ts';

/** A task's own address: the board with the task open in its dialog. */
export const Route = createFileRoute('/_authenticated/w/$workspaceId/_board/tasks/$taskId')({
  component: TaskPage,
});

function TaskPage() {
  const { workspaceId, taskId } = Route.useParams();
  const navigate = useNavigate();
  const members = useMembers(workspaceId).data ?? [];
  return (
    <TaskDialog
      workspaceId={workspaceId}
      taskId={taskId}
      members={members}
      onClose={() =>
        void navigate({ to: '/w/$workspaceId', params: { workspaceId }, search: true })
      }
    />
  );
}
