import { z } from 'zod';

/** Control characters (NUL above all, which PostgreSQL cannot store) have no place in text fields. */
export const noControlCharacters = (s: string) => !/\p{Cc}/u.test(s);

/** A short text that must be given: trimmed, 1 to `max` characters, none of them control characters. */
export const requiredText = (max: number, emptyMessage: string) =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(max)
    .refine(noControlCharacters, 'Use printable characters only');
