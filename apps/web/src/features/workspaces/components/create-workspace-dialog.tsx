import { zodResolver } from '@hookform/resolvers/zod';
import { CreateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { parseOptions } from '../../../lib/form.ts';
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
  const form = useForm({
    resolver: zodResolver(CreateWorkspaceBody, parseOptions),
    defaultValues: { name: '' },
  });
  const { onSubmit, formError, setFormError, field, isSubmitting } = useSubmitForm(form, {
    fields: ['name'],
    send: (body) => create.mutateAsync(body),
    onSuccess: (workspace) => {
      change(false);
      onCreated(workspace);
    },
  });

  function change(next: boolean) {
    if (!next) {
      form.reset();
      setFormError(null);
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
      <SubmitForm onSubmit={onSubmit} error={formError}>
        <TextField label="Workspace name" autoComplete="off" {...field('name')} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => change(false)}>
            Cancel
          </Button>
          <SubmitButton busy={isSubmitting}>Create workspace</SubmitButton>
        </div>
      </SubmitForm>
    </Dialog>
  );
}
