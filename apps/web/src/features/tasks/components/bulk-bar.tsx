import { type ReactNode, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { SelectOptions } from '../../../components/select-field.tsx';
import type { BulkAction } from '../model/bulk-action.ts';
import type { WorkspaceLabel } from '../model/label-colours.ts';
import {
  type Member,
  priorityLabels,
  statusLabels,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStatus,
} from '../model/task-types.ts';
import { MemberOptions } from './member-options.tsx';

/** A workspace tasks can be moved to. */
export type MoveTarget = { id: string; name: string };

const actionLabels = {
  status: 'Set status',
  assignee: 'Assign to',
  priority: 'Set priority',
  addLabels: 'Add label',
  removeLabels: 'Remove label',
  move: 'Move to workspace',
} as const;
type Kind = keyof typeof actionLabels;
const KINDS = Object.keys(actionLabels) as Kind[];

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** The action `kind` with `value` (a status, a user id, a label…); undefined while incomplete. */
function actionOf(kind: Kind, value: string): BulkAction | undefined {
  switch (kind) {
    case 'status':
      return { type: 'status', status: value as TaskStatus };
    case 'priority':
      return { type: 'priority', priority: value as TaskPriority };
    case 'assignee':
      return { type: 'assignee', assigneeId: value === '' ? null : value };
    case 'addLabels':
    case 'removeLabels':
      return value.trim() === '' ? undefined : { type: kind, labels: [value.trim()] };
    case 'move':
      return value === '' ? undefined : { type: 'move', targetWorkspaceId: value };
  }
}

const firstValue = (kind: Kind) => (kind === 'status' ? 'done' : kind === 'priority' ? 'high' : '');

/**
 * Shown while tasks are ticked in the list: how many, one action for all of them (chosen, then
 * its value), deletion, and a way out (Esc too).
 */
export function BulkBar({
  count,
  members,
  labels,
  moveTargets,
  onApply,
  onClear,
}: {
  count: number;
  members: readonly Member[];
  labels: readonly WorkspaceLabel[];
  moveTargets: readonly MoveTarget[];
  onApply: (action: BulkAction) => void;
  onClear: () => void;
}) {
  const [kind, setKind] = useState<Kind>('status');
  const [value, setValue] = useState(firstValue('status'));
  const action = actionOf(kind, value);

  return (
    <section
      aria-label="Selected tasks"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-300 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
      data-testid="bulk-bar"
    >
      <p aria-live="polite" className="font-medium" data-testid="bulk-count">
        {count} selected
      </p>
      <label htmlFor="bulk-action">Action</label>
      <select
        id="bulk-action"
        value={kind}
        onChange={(event) => {
          const next = event.target.value as Kind;
          setKind(next);
          setValue(firstValue(next));
        }}
        className={control}
        data-testid="bulk-action"
      >
        {KINDS.map((k) => (
          <option key={k} value={k} disabled={k === 'move' && moveTargets.length === 0}>
            {actionLabels[k]}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-value" className="sr-only">
        {actionLabels[kind]}
      </label>
      <BulkValue
        kind={kind}
        value={value}
        onChange={setValue}
        members={members}
        labels={labels}
        moveTargets={moveTargets}
      />
      <Button size="sm" disabled={!action} onClick={() => action && onApply(action)}>
        Apply to {count}
      </Button>
      <Button size="sm" variant="danger" onClick={() => onApply({ type: 'delete' })}>
        Delete {count}
      </Button>
      <Button size="sm" variant="secondary" onClick={onClear}>
        Clear selection
      </Button>
    </section>
  );
}

/** The value of the chosen action, as the control that fits it. */
function BulkValue({
  kind,
  value,
  onChange,
  members,
  labels,
  moveTargets,
}: {
  kind: Kind;
  value: string;
  onChange: (value: string) => void;
  members: readonly Member[];
  labels: readonly WorkspaceLabel[];
  moveTargets: readonly MoveTarget[];
}) {
  const select = (children: ReactNode) => (
    <select
      value={value}
      onChange={(event) => onChange(event.target.value)}
      id="bulk-value"
      className={control}
      data-testid="bulk-value"
    >
      {children}
    </select>
  );
  switch (kind) {
    case 'status':
      return select(<SelectOptions values={TASK_STATUSES} labels={statusLabels} />);
    case 'priority':
      return select(<SelectOptions values={TASK_PRIORITIES} labels={priorityLabels} />);
    case 'assignee':
      return select(
        <>
          <option value="">Nobody</option>
          <MemberOptions members={members} />
        </>,
      );
    case 'move':
      return select(
        <>
          <option value="">Choose a workspace</option>
          {moveTargets.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </>,
      );
    case 'addLabels':
    case 'removeLabels':
      return (
        <>
          <input
            value={value}
            onChange={(event) => onChange(event.target.value)}
            list="bulk-label-options"
            autoComplete="off"
            maxLength={50}
            placeholder="Label"
            id="bulk-value"
            className={control}
            data-testid="bulk-value"
          />
          <datalist id="bulk-label-options">
            {labels.map((l) => (
              <option key={l.name} value={l.name} />
            ))}
          </datalist>
        </>
      );
  }
}
