import type { components } from '@taskflow/contract/openapi';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './comment-types.ts';
import { historySentence } from './history-sentence.ts';

type FieldChange = components['schemas']['FieldChange'];

const sam = '00000000-0000-4000-8000-000000000001';
const kim = '00000000-0000-4000-8000-000000000002';
const gone = '00000000-0000-4000-8000-000000000009';
const names = new Map([
  [sam, 'Sam'],
  [kim, 'Kim'],
]);
const nameOf = (id: string) => names.get(id);

const entry = (kind: HistoryEntry['kind'], changes: FieldChange[] = []): HistoryEntry => ({
  id: '10000000-0000-4000-8000-000000000000',
  taskId: '20000000-0000-4000-8000-000000000000',
  actorId: sam,
  kind,
  changes,
  commentId: null,
  attachment: null,
  createdAt: '2026-03-10T12:00:00.000Z',
});
const file = { id: '30000000-0000-4000-8000-000000000000', name: 'screenshot.png' };
const updated = (...changes: FieldChange[]) => entry('task.updated', changes);

describe('historySentence', () => {
  it.each<[string, HistoryEntry, string]>([
    ['a creation', entry('task.created'), 'Sam created this task'],
    ['a deletion', entry('task.deleted'), 'Sam deleted this task'],
    ['a restore', entry('task.restored'), 'Sam restored this task'],
    ['a comment', entry('comment.created'), 'Sam commented'],
    ['a deleted comment', entry('comment.deleted'), 'Sam deleted a comment'],
    [
      'an attached file',
      { ...entry('attachment.added'), attachment: file },
      'Sam attached screenshot.png',
    ],
    [
      'a removed file',
      { ...entry('attachment.removed'), attachment: file },
      'Sam removed screenshot.png',
    ],
    ['a file it does not name', entry('attachment.added'), 'Sam attached a file'],
    [
      'a status move',
      updated({ field: 'status', from: 'todo', to: 'in_progress' }),
      'Sam moved this to In progress',
    ],
    [
      'a new title',
      updated({ field: 'title', from: 'A', to: 'B' }),
      'Sam changed the title from “A” to “B”',
    ],
    [
      'an edited description',
      updated({ field: 'description', from: null, to: null }),
      'Sam edited the description',
    ],
    [
      'a priority',
      updated({ field: 'priority', from: 'low', to: 'urgent' }),
      'Sam changed the priority from Low to Urgent',
    ],
    [
      'a first due date',
      updated({ field: 'dueDate', from: null, to: '2026-03-05' }),
      'Sam set the due date to Mar 5',
    ],
    [
      'a moved due date',
      updated({ field: 'dueDate', from: '2026-03-05', to: '2026-04-01' }),
      'Sam moved the due date from Mar 5 to Apr 1',
    ],
    [
      'a removed due date',
      updated({ field: 'dueDate', from: '2026-03-05', to: null }),
      'Sam removed the due date',
    ],
    ['an assignment', updated({ field: 'assigneeId', from: null, to: kim }), 'Sam assigned Kim'],
    [
      'a reassignment',
      updated({ field: 'assigneeId', from: kim, to: sam }),
      'Sam reassigned this from Kim to Sam',
    ],
    [
      'an unassignment of a former member',
      updated({ field: 'assigneeId', from: gone, to: null }),
      'Sam unassigned a former member',
    ],
    [
      'labels added and removed',
      updated({ field: 'labels', from: ['bug', 'ui'], to: ['ui', 'api', 'db'] }),
      'Sam added the labels “api” and “db” and removed the label “bug”',
    ],
    ['a reorder', updated({ field: 'position', from: null, to: null }), 'Sam reordered this'],
    [
      'several changes at once',
      updated(
        { field: 'status', from: 'todo', to: 'done' },
        { field: 'assigneeId', from: null, to: kim },
        { field: 'position', from: null, to: null },
      ),
      'Sam moved this to Done, assigned Kim and reordered this',
    ],
    ['the system', { ...entry('task.deleted'), actorId: null }, 'Someone deleted this task'],
    [
      'a former member',
      { ...entry('comment.created'), actorId: gone },
      'a former member commented',
    ],
  ])('tells %s', (_, given, sentence) => {
    expect(historySentence(given, nameOf)).toBe(sentence);
  });
});
