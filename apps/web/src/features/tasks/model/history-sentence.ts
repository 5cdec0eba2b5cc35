import type { components } from '@taskflow/contract/openapi';
import { shortDate } from '../../../lib/short-date.ts';
import type { HistoryEntry } from './comment-types.ts';
import { priorityLabels, statusLabels, type TaskStatus } from './task-types.ts';

type FieldChange = components['schemas']['FieldChange'];

/** A member's name by user id; someone no longer in the workspace gets a stand-in. */
type NameOf = (userId: string) => string | undefined;

const quoted = (value: unknown) => `“${String(value)}”`;

function listOf(values: readonly string[]): string {
  const items = values.map(quoted);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function labelsPhrase(from: readonly string[], to: readonly string[]): string {
  const added = to.filter((label) => !from.includes(label));
  const removed = from.filter((label) => !to.includes(label));
  const plural = (values: readonly string[]) => (values.length === 1 ? 'label' : 'labels');
  const parts = [
    added.length > 0 ? `added the ${plural(added)} ${listOf(added)}` : '',
    removed.length > 0 ? `removed the ${plural(removed)} ${listOf(removed)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'changed the labels';
}

function changePhrase({ field, from, to }: FieldChange, nameOf: (id: string) => string): string {
  switch (field) {
    case 'title':
      return `changed the title from ${quoted(from)} to ${quoted(to)}`;
    case 'description':
      return 'edited the description';
    case 'status':
      return `moved this to ${statusLabels[to as TaskStatus] ?? String(to)}`;
    case 'priority': {
      const label = (value: unknown) =>
        priorityLabels[value as keyof typeof priorityLabels] ?? String(value);
      return `changed the priority from ${label(from)} to ${label(to)}`;
    }
    case 'dueDate':
      if (to === null) return 'removed the due date';
      if (from === null) return `set the due date to ${shortDate(String(to))}`;
      return `moved the due date from ${shortDate(String(from))} to ${shortDate(String(to))}`;
    case 'assigneeId':
      if (to === null) return `unassigned ${nameOf(String(from))}`;
      if (from === null) return `assigned ${nameOf(String(to))}`;
      return `reassigned this from ${nameOf(String(from))} to ${nameOf(String(to))}`;
    case 'labels':
      return labelsPhrase((from as string[] | null) ?? [], (to as string[] | null) ?? []);
    case 'position':
      return 'reordered this';
  }
}

const fileName = (entry: HistoryEntry) => entry.attachment?.name ?? 'a file';

const kindPhrases: Record<
  Exclude<HistoryEntry['kind'], 'task.updated'>,
  (entry: HistoryEntry) => string
> = {
  'task.created': () => 'created this task',
  'task.deleted': () => 'deleted this task',
  'task.restored': () => 'restored this task',
  'task.moved': (entry) =>
    entry.changes.some((change) => change.field === 'assigneeId')
      ? 'moved this task here from another workspace and unassigned it (its assignee is not a member here)'
      : 'moved this task here from another workspace',
  'comment.created': () => 'commented',
  'comment.deleted': () => 'deleted a comment',
  'attachment.added': (entry) => `attached ${fileName(entry)}`,
  'attachment.removed': (entry) => `removed ${fileName(entry)}`,
};

/** One history entry as a sentence: "Sam moved this to In progress and assigned Kim". */
export function historySentence(entry: HistoryEntry, nameOf: NameOf): string {
  const name = (id: string) => nameOf(id) ?? 'a former member';
  const actor = entry.actorId === null ? 'Someone' : name(entry.actorId);
  if (entry.kind !== 'task.updated') return `${actor} ${kindPhrases[entry.kind](entry)}`;
  const phrases = entry.changes.map((change) => changePhrase(change, name));
  if (phrases.length === 0) return `${actor} changed this task`;
  const last = phrases.at(-1);
  const rest = phrases.slice(0, -1);
  return `${actor} ${rest.length > 0 ? `${rest.join(', ')} and ${last}` : last}`;
}
