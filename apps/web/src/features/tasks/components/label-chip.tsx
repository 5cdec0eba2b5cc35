import { createContext, type ReactNode, useContext } from 'react';
import { useLabelColour } from '../api/get-label-definitions.ts';
import {
  type LabelColour,
  labelColourClasses,
  neutralLabelClasses,
} from '../model/label-colours.ts';

const chip = 'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium';

type ColourOf = (name: string) => LabelColour | null;

/**
 * The workspace's label colours, given once by a board to all its cards: a card outside a board
 * (the task page) asks for them itself. One query observer per board, not one per card.
 */
export const LabelColours = createContext<ColourOf | null>(null);

type ChipsProps = { workspaceId: string; labels: readonly string[] };

/** A task's labels as chips in the workspace's colours. */
export function LabelChips(props: ChipsProps) {
  const colourOf = useContext(LabelColours);
  if (props.labels.length === 0) return null;
  return colourOf ? (
    <Chips labels={props.labels} colourOf={colourOf} />
  ) : (
    <ChipsColouredHere {...props} />
  );
}

function ChipsColouredHere({ workspaceId, labels }: ChipsProps) {
  return <Chips labels={labels} colourOf={useLabelColour(workspaceId)} />;
}

function Chips({ labels, colourOf }: { labels: readonly string[]; colourOf: ColourOf }) {
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
