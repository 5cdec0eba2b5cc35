import { z } from 'zod';

/** The `cursor` query parameter of a paged list: the `nextCursor` of the page before. */
export const cursorParam = (maxLength = 200) =>
  z
    .string()
    .max(maxLength)
    .regex(/^[\w-]+$/)
    .optional()
    .describe('`nextCursor` of the previous page');

/** The `limit` query parameter of a paged list: 1 to `max` items, `fallback` when not given. */
export const limitParam = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** Where the next page starts; null on the last page. */
export const nextCursor = (maxLength = 200) => z.string().max(maxLength).nullable();

/** A whole list: at most `max` items. */
export const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.object({ items: z.array(item).max(max) });

/** One page of a longer list: at most `max` items, and `cursor`, where the next page starts. */
export const pageOf = <T extends z.ZodType, C extends z.ZodType = ReturnType<typeof nextCursor>>(
  item: T,
  max: number,
  cursor?: C,
) => z.object({ items: z.array(item).max(max), nextCursor: cursor ?? nextCursor() });
