import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * The opaque cursor of a list ordered newest first by (created time, id): the position of the
 * last row of a page. The time is PostgreSQL's text of it (microseconds kept, a Date would drop
 * them), cast back when compared, so no row is skipped or repeated at a page boundary.
 */
export type Position = { createdAt: string; id: string };

const Shape = z.tuple([z.string().max(60), z.uuid()]);

export const encodePosition = (position: Position) =>
  Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');

/** The position in a cursor from this API, or a 400 naming `query.cursor`. */
export function decodePosition(text: string): Position {
  try {
    const [createdAt, id] = Shape.parse(
      JSON.parse(Buffer.from(text, 'base64url').toString('utf8')),
    );
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'query.cursor', message: 'Not a cursor from this API' }],
    });
  }
}

/** One page of rows fetched with one more than `limit`, and the cursor of the next page. */
export function pageOf<R extends { id: string }>(
  rows: R[],
  limit: number,
  positionOf: (row: R) => string,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor:
      rows.length > limit && last
        ? encodePosition({ createdAt: positionOf(last), id: last.id })
        : null,
  };
}
