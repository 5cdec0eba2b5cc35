import type { ReactNode } from 'react';
import { useLabelColour } from '../api/get-label-definitions.ts';
import { labelColourClasses, neutralLabelClasses } from '../model/label-colours.ts';

const chip = 'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium';

/** A task's labels as chips in the workspace's colours. */
export function LabelChips({
  workspaceId,
  labels,
}: {
  workspaceId: string;
  labels: readonly string[];
}) {
  const colourOf = useLabelColour(workspaceId);
  return labels.map((label) => <LabelChip key={label} name={label} colour={colourOf(label)} />);
}

/** One label; `children` (a remove button) comes after its name. */
export function LabelChip({
  name,
  colour,
  children,
}: {
  name: string;
  colour: keyof typeof labelColourClasses | null;
  children?: ReactNode;
}) {
  return (
    <span
      className={`${chip} ${colour ? labelColourClasses[colour] : neutralLabelClasses}`}
      data-testid="task-label"
      data-colour={colour ?? 'none'}
    >
      {name}
      {children}
    </span>
  );
}
