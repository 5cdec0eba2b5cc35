import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useDeleteWorkspace } from '../api/delete-workspace.ts';
import { useLeaveWorkspace } from '../api/leave-workspace.ts';

type Workspace = components['schemas']['Workspace'];

/** Leaving and deleting; neither exists for a personal workspace. `onGone` leaves the page. */
export function WorkspaceDangerZone({
  workspace,
  onGone,
}: {
  workspace: Workspace;
  onGone: () => void;
}) {
  const leave = useLeaveWorkspace(workspace.id);
  const remove = useDeleteWorkspace(workspace.id);
  const [asking, setAsking] = useState<'leave' | 'delete' | null>(null);
  const close = (open: boolean) => {
    if (!open) setAsking(null);
  };

  if (workspace.personal) {
    return (
      <Card title="Personal workspace" testId="danger-zone">
        <p className="text-sm">This is your personal workspace: it cannot be left or deleted.</p>
      </Card>
    );
  }

  return (
    <Card title="Leave or delete" testId="danger-zone">
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setAsking('leave')}>
          Leave workspace
        </Button>
        {workspace.role === 'owner' && (
          <Button variant="danger" onClick={() => setAsking('delete')}>
            Delete workspace
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={asking === 'leave'}
        onOpenChange={close}
        title={`Leave ${workspace.name}?`}
        description="You lose access to its tasks until an owner adds you again."
        confirmLabel="Leave workspace"
        onConfirm={() => leave.mutateAsync().then(onGone)}
        testId="leave-dialog"
      />
      <ConfirmDialog
        open={asking === 'delete'}
        onOpenChange={close}
        title={`Delete ${workspace.name}?`}
        description="The workspace and all its tasks are deleted for every member. This cannot be undone."
        confirmLabel="Delete workspace"
        typeToConfirm={workspace.name}
        onConfirm={() => remove.mutateAsync().then(onGone)}
        testId="delete-workspace-dialog"
      />
    </Card>
  );
}
