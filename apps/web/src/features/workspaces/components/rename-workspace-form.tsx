import { zodResolver } from '@hookform/resolvers/zod';
import { UpdateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useRenameWorkspace } from '../api/rename-workspace.ts';
import { SettingsCard } from './settings-card.tsx';

type Workspace = components['schemas']['Workspace'];

/** Owners only: the API refuses anyone else, so the page does not offer it to them. */
export function RenameWorkspaceForm({ workspace }: { workspace: Workspace }) {
  const rename = useRenameWorkspace(workspace.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(UpdateWorkspaceBody, parseOptions),
    defaultValues: { name: workspace.name },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await rename.mutateAsync(body).then(
      (renamed) => form.reset({ name: renamed.name }),
      (error: unknown) => setFormError(applyServerErrors(error, form.setError, ['name'])),
    );
  });

  return (
    <SettingsCard title="Name" testId="rename-workspace">
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label="Workspace name"
          autoComplete="off"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            Rename
          </Button>
          {rename.isSuccess && !isDirty && (
            <p role="status" className="text-sm" data-testid="rename-saved">
              Renamed.
            </p>
          )}
        </div>
      </form>
    </SettingsCard>
  );
}
