import { z } from 'zod';
import { InvalidInputError } from './errors.ts';

/**
 * Keyset pagination's opaque cursor: the values that place the last row of a page (its sort key
 * and id), so the next page starts strictly after it. Keys are PostgreSQL's text of them
 * (timestamps keep their microseconds, where a Date would drop them), cast back when compared,
 * so no row is skipped or repeated at a page boundary.
 */
const encodeCursor = (parts: readonly string[]) =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');

const notOurs = 'Not a cursor from this API';

/** A cursor's field error, for checks made after decoding. */
export const invalidCursor = (message = notOurs) => InvalidInputError.field('cursor', message);

/** The parts of a cursor from this API, in the shape given, or an error naming `cursor`. */
export function decodeCursor<T extends z.ZodType>(text: string, shape: T): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = shape.safeParse(parsed);
  if (!result.success) throw invalidCursor();
  return result.data;
}

/** The place of a row in a list ordered by (created time, id), either way. */
export type CreationCursor = { createdAt: string; id: string };

const CreationShape = z.tuple([z.string().max(60), z.uuid()]);

export function decodeCreationCursor(text: string): CreationCursor {
  const [createdAt, id] = decodeCursor(text, CreationShape);
  return { createdAt, id };
}

/**
 * One page of rows fetched with one more than `limit`, and the cursor of the next page: the
 * parts `cursorOf` takes from the page's last row.
 */
export function pageOf<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => readonly string[],
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** A page of a list ordered by (created time, id), newest or oldest first. */
export const creationPage = <R extends { id: string; created_key: string }>(
  rows: R[],
  limit: number,
) => pageOf(rows, limit, (last) => [last.created_key, last.id]);
