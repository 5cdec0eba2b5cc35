import { zodResolver } from '@hookform/resolvers/zod';
import { CreateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(CreateWorkspaceBody, parseOptions),
    defaultValues: { name: '' },
  });
  const { errors, isSubmitting } = form.formState;

  function change(next: boolean) {
    if (!next) {
      form.reset();
      setFormError(null);
    }
    onOpenChange(next);
  }

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await create.mutateAsync(body).then(
      (workspace) => {
        change(false);
        onCreated(workspace);
      },
      (error: unknown) => setFormError(applyServerErrors(error, form.setError, ['name'])),
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title="New workspace"
      description="A shared workspace for a team; you will be its owner and can add members."
      testId="create-workspace-dialog"
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label="Workspace name"
          autoComplete="off"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => change(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
