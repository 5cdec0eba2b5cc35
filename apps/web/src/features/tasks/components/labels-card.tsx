import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { useLabelDefinitions } from '../api/get-label-definitions.ts';
import { useLabelDefinitionChanges } from '../api/label-definition-changes.ts';
import type { LabelColour, WorkspaceLabel } from '../model/label-colours.ts';
import { ColourSwatches } from './colour-swatches.tsx';
import { LabelChip } from './label-chip.tsx';

const input =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

type Changes = ReturnType<typeof useLabelDefinitionChanges>;

const failed = (error: unknown) => toast.error(humanMessage(error));

/**
 * The workspace's labels: owners define them with a colour, rename (on every task too), recolour
 * and delete them; members see them. Labels used on tasks without a definition show neutral, and
 * an owner can give them a colour.
 */
export function LabelsCard({
  workspaceId,
  canManage,
}: {
  workspaceId: string;
  canManage: boolean;
}) {
  const labels = useLabelDefinitions(workspaceId);
  const changes = useLabelDefinitionChanges(workspaceId);
  return (
    <Card
      title="Labels"
      testId="labels-card"
      description={
        canManage
          ? 'Give labels a colour. Renaming a label renames it on every task; deleting it leaves it on tasks, without a colour.'
          : 'Only owners can change labels. Use a new label on a task to add it.'
      }
    >
      {canManage && <NewLabelForm changes={changes} />}
      {labels.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No labels yet.</p>
      ) : (
        <ul aria-label="Labels" className="divide-y divide-slate-200 dark:divide-slate-800">
          {labels.map((label) => (
            <li key={label.id ?? label.name} className="py-2" data-testid="label-row">
              {canManage ? (
                <LabelEditor label={label} changes={changes} />
              ) : (
                <LabelChip name={label.name} colour={label.colour} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function NewLabelForm({ changes }: { changes: Changes }) {
  const [name, setName] = useState('');
  const [colour, setColour] = useState<LabelColour>('blue');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    changes.create.mutate(
      { name: name.trim(), colour },
      { onSuccess: () => setName(''), onError: failed },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-3" data-testid="new-label">
      <label className="flex items-center gap-2 text-sm">
        <span>New label</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={50}
          autoComplete="off"
          className={input}
        />
      </label>
      <ColourSwatches
        name="new-label-colour"
        legend="Colour of the new label"
        value={colour}
        onChange={setColour}
      />
      <Button size="sm" type="submit" disabled={changes.create.isPending}>
        Add label
      </Button>
    </form>
  );
}

function LabelEditor({ label, changes }: { label: WorkspaceLabel; changes: Changes }) {
  const [name, setName] = useState(label.name);
  // Shown chosen at once; back to the saved one if the change is refused.
  const [colour, setColour] = useState<LabelColour>(label.colour ?? 'gray');
  const { id } = label;
  if (id === null) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <LabelChip name={label.name} colour={null} />
        <span className="text-sm text-slate-600 dark:text-slate-300">In use, no colour</span>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Give a colour to “${label.name}”`}
          onClick={() =>
            changes.create.mutate({ name: label.name, colour: 'gray' }, { onError: failed })
          }
        >
          Give a colour
        </Button>
      </div>
    );
  }
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || name.trim() === label.name) return;
    changes.update.mutate({ labelId: id, name: name.trim() }, { onError: failed });
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <LabelChip name={label.name} colour={label.colour} />
      <form onSubmit={rename} className="flex items-center gap-2">
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-label={`Name of “${label.name}”`}
          maxLength={50}
          autoComplete="off"
          className={input}
        />
        <Button size="sm" variant="secondary" type="submit" aria-label={`Rename “${label.name}”`}>
          Rename
        </Button>
      </form>
      <ColourSwatches
        name={`colour-${id}`}
        legend={`Colour of “${label.name}”`}
        value={colour}
        onChange={(next) => {
          setColour(next);
          changes.update.mutate(
            { labelId: id, colour: next },
            {
              onError: (error) => {
                setColour(label.colour ?? 'gray');
                failed(error);
              },
            },
          );
        }}
      />
      <Button
        size="sm"
        variant="danger"
        aria-label={`Delete label “${label.name}”`}
        onClick={() => changes.remove.mutate(id, { onError: failed })}
      >
        Delete
      </Button>
    </div>
  );
}
