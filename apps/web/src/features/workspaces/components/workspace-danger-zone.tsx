import type { components } from '@taskflow/contract/openapi';
import { type ComponentProps, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useDeleteWorkspace } from '../api/delete-workspace.ts';
import { useLeaveWorkspace } from '../api/leave-workspace.ts';

type Workspace = components['schemas']['Workspace'];

/** A button that asks in a dialog, whose confirm button says the same, before it acts. */
function ConfirmedAction({
  label,
  variant,
  ...dialog
}: { label: string; variant: 'secondary' | 'danger' } & Omit<
  ComponentProps<typeof ConfirmDialog>,
  'open' | 'onOpenChange' | 'confirmLabel'
>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog open={open} onOpenChange={setOpen} confirmLabel={label} {...dialog} />
    </>
  );
}

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
        <ConfirmedAction
          label="Leave workspace"
          variant="secondary"
          title={`Leave ${workspace.name}?`}
          description="You lose access to its tasks until an owner adds you again."
          onConfirm={() => leave.mutateAsync().then(onGone)}
          testId="leave-dialog"
        />
        {workspace.role === 'owner' && (
          <ConfirmedAction
            label="Delete workspace"
            variant="danger"
            title={`Delete ${workspace.name}?`}
            description="The workspace and all its tasks are deleted for every member. This cannot be undone."
            typeToConfirm={workspace.name}
            onConfirm={() => remove.mutateAsync().then(onGone)}
            testId="delete-workspace-dialog"
          />
        )}
      </div>
    </Card>
  );
}
