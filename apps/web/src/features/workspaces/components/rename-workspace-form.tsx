import { UpdateWorkspaceBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { Card } from '../../../components/card.tsx';
import { SubmitForm, SubmitRow } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useRenameWorkspace } from '../api/rename-workspace.ts';

type Workspace = components['schemas']['Workspace'];

/** Owners only: the API refuses anyone else, so the page does not offer it to them. */
export function RenameWorkspaceForm({ workspace }: { workspace: Workspace }) {
  const rename = useRenameWorkspace(workspace.id);
  const submit = useSubmitForm(UpdateWorkspaceBody, {
    defaultValues: { name: workspace.name },
    fields: ['name'],
    send: (body) => rename.mutateAsync(body),
    onSuccess: (renamed, form) => form.reset({ name: renamed.name }),
  });

  return (
    <Card title="Name" testId="rename-workspace">
      <SubmitForm submit={submit}>
        <TextField label="Workspace name" autoComplete="off" {...submit.field('name')} />
        <SubmitRow
          busy={submit.isSubmitting}
          label="Rename"
          done={rename.isSuccess && !submit.form.formState.isDirty && 'Renamed.'}
          doneTestId="rename-saved"
        />
      </SubmitForm>
    </Card>
  );
}
