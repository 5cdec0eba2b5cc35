import { z } from 'zod';

/** A request body named `id` in the document: an object that refuses fields it does not list. */
export const requestBody = <S extends z.ZodRawShape>(id: string, shape: S) =>
  z.object(shape).strict().meta({ id });

/**
 * An enum named `id` in the document, described value by value in `notes`:
 * `` `created` waiting; `completed`; `failed` after its last attempt ``. A value without a note
 * is only named.
 */
export const explainedEnum = <const T extends readonly [string, ...string[]]>(
  id: string,
  values: T,
  notes: { readonly [V in T[number]]?: string },
) =>
  z.enum(values).meta({
    id,
    description: (values as readonly T[number][])
      .map((v) => (notes[v] ? `\`${v}\` ${notes[v]}` : `\`${v}\``))
      .join('; '),
  });
