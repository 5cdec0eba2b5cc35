import { TASK_PRIORITIES, type TaskSort } from '@taskflow/contract';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';

/**
 * Keyset pagination: a cursor holds the sort it belongs to and the sort key and id of the last
 * task of a page, so the next page starts strictly after it. Tasks inserted meanwhile land on one
 * side or the other of that key; no task already there is skipped or repeated.
 *
 * Keys are the text PostgreSQL gives for them (timestamps with microseconds, a real's shortest
 * exact form), so they compare exactly when cast back.
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

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

const invalid = (message: string) =>
  new AppError('VALIDATION_FAILED', { errors: [{ path: 'query.cursor', message }] });

/** The cursor of a previous page of the same sort, or a 400 naming `query.cursor`. */
export function decodeCursor(text: string, sort: TaskSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('Not a cursor from this API');
  }
  const shape = z.tuple([z.string(), z.string(), z.uuid()]).safeParse(parsed);
  if (!shape.success) throw invalid('Not a cursor from this API');
  const [cursorSort, key, id] = shape.data;
  if (cursorSort !== sort) throw invalid('The cursor belongs to another sort order');
  if (!keyFormats[sort].safeParse(key).success) throw invalid('Not a cursor from this API');
  return { sort, key, id };
}
