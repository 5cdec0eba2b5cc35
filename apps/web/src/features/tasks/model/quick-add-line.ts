import { type CreateTaskBody, parseQuickAdd, type QuickAddResult } from '@taskflow/contract';
import { type Member, priorityLabels } from './task-types.ts';

/** One understood part of the line, as the preview under the field shows it. */
export type QuickAddChip = { kind: 'date' | 'priority' | 'label' | 'assignee'; text: string };

const dueLabel = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The browser's zone: "tomorrow" is tomorrow where the person typing it is. Read once per page
 * load: asking Intl for it makes a formatter, costly on a slow phone at every render of the field.
 */
let zone: string | undefined;
const localZone = () => {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
};

const emptyLine = (): QuickAddResult => ({
  title: '',
  dueDate: undefined,
  priority: undefined,
  labels: [],
  assignee: undefined,
  tokens: [],
});

/** Reads a quick-add line with the workspace's members and labels, as of `now`. */
export function readQuickAdd(
  text: string,
  members: readonly Member[],
  labels: readonly string[],
  now = new Date(),
): QuickAddResult {
  // Nothing typed, nothing to read: the board's first render skips the parser and its calendar.
  if (text.trim() === '') return emptyLine();
  return parseQuickAdd(text, {
    now,
    timeZone: localZone(),
    members: members.map((member) => ({
      id: member.userId,
      name: member.name,
      email: member.email,
    })),
    labels,
  });
}

export function chipsOf(line: QuickAddResult, members: readonly Member[]): QuickAddChip[] {
  const chips: QuickAddChip[] = [];
  if (line.dueDate) chips.push({ kind: 'date', text: `Due ${dueLabel(line.dueDate)}` });
  if (line.priority) {
    chips.push({ kind: 'priority', text: `${priorityLabels[line.priority]} priority` });
  }
  for (const label of line.labels) chips.push({ kind: 'label', text: `#${label}` });
  const assignee = members.find((member) => member.userId === line.assignee);
  if (assignee) chips.push({ kind: 'assignee', text: `Assigned to ${assignee.name}` });
  return chips;
}

/** The task the line asks for; the title is checked by the contract like any other. */
export function bodyOf(line: QuickAddResult): CreateTaskBody {
  return {
    title: line.title,
    ...(line.dueDate && { dueDate: line.dueDate }),
    ...(line.priority && { priority: line.priority }),
    ...(line.labels.length > 0 && { labels: line.labels }),
    ...(line.assignee && { assigneeId: line.assignee }),
  };
}
