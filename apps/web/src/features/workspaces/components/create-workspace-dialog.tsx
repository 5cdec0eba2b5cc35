import { CreateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useCreateWorkspace } from '../api/create-workspace.ts';

type Workspace = components['schemas']['Workspace'];

export function CreateWorkspaceDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (workspace: Workspace) => void;
}) {
  const create = useCreateWorkspace();
  const submit = useSubmitForm(CreateWorkspaceBody, {
    defaultValues: { name: '' },
    fields: ['name'],
    send: (body) => create.mutateAsync(body),
    onSuccess: (workspace) => {
      change(false);
      onCreated(workspace);
    },
  });

  function change(next: boolean) {
    if (!next) {
      submit.form.reset();
      submit.setFormError(null);
    }
    onOpenChange(next);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title="New workspace"
      description="A shared workspace for a team; you will be its owner and can add members."
      testId="create-workspace-dialog"
    >
      <SubmitForm submit={submit}>
        <TextField label="Workspace name" autoComplete="off" {...submit.field('name')} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => change(false)}>
            Cancel
          </Button>
          <SubmitButton busy={submit.isSubmitting}>Create workspace</SubmitButton>
        </div>
      </SubmitForm>
    </Dialog>
  );
}
