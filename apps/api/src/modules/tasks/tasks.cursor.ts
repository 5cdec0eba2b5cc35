import { TASK_PRIORITIES, type TaskSort } from '@taskflow/contract';
import { z } from 'zod';
import { decodeCursor, invalidCursor } from '../../platform/cursor.ts';

/**
 * A task list's cursor holds the sort it belongs to, and the sort key and id of the last task of
 * a page. Keys are the text PostgreSQL gives for them (timestamps with microseconds, a real's
 * shortest exact form), so they compare exactly when cast back.
 */
const timestamp = z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/);

const keyFormats: Record<TaskSort, z.ZodType<string>> = {
  position: z.string().regex(/^[0-9A-Za-z]{1,200}$/),
  updated: timestamp,
  created: timestamp,
  due: z.string().regex(/^(\d{4}-\d\d-\d\d|infinity)$/),
  priority: z.enum(TASK_PRIORITIES),
  relevance: z.string().regex(/^\d+(\.\d+)?(e-?\d+)?$/),
};

export type Cursor = { sort: TaskSort; key: string; id: string };

const Shape = z.tuple([z.string(), z.string(), z.uuid()]);

/** The parts a task list's cursor is made of, in order. */
export const cursorParts = (cursor: Cursor) => [cursor.sort, cursor.key, cursor.id] as const;

/** The cursor of a previous page of the same sort, or an error naming `cursor`. */
export function decodeTaskCursor(text: string, sort: TaskSort): Cursor {
  const [cursorSort, key, id] = decodeCursor(text, Shape);
  if (cursorSort !== sort) throw invalidCursor('The cursor belongs to another sort order');
  if (!keyFormats[sort].safeParse(key).success) throw invalidCursor();
  return { sort, key, id };
}
