import { zodResolver } from '@hookform/resolvers/zod';
import { UpdateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useForm } from 'react-hook-form';
import { Card } from '../../../components/card.tsx';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { parseOptions } from '../../../lib/form.ts';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useRenameWorkspace } from '../api/rename-workspace.ts';

type Workspace = components['schemas']['Workspace'];

/** Owners only: the API refuses anyone else, so the page does not offer it to them. */
export function RenameWorkspaceForm({ workspace }: { workspace: Workspace }) {
  const rename = useRenameWorkspace(workspace.id);
  const form = useForm({
    resolver: zodResolver(UpdateWorkspaceBody, parseOptions),
    defaultValues: { name: workspace.name },
  });
  const { onSubmit, formError, field, isSubmitting } = useSubmitForm(form, {
    fields: ['name'],
    send: (body) => rename.mutateAsync(body),
    onSuccess: (renamed) => form.reset({ name: renamed.name }),
  });

  return (
    <Card title="Name" testId="rename-workspace">
      <SubmitForm onSubmit={onSubmit} error={formError}>
        <TextField label="Workspace name" autoComplete="off" {...field('name')} />
        <SubmitRow
          busy={isSubmitting}
          label="Rename"
          done={rename.isSuccess && !form.formState.isDirty && 'Renamed.'}
          doneTestId="rename-saved"
        />
      </SubmitForm>
    </Card>
  );
}
