import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/api-error.ts';
import { humanMessage } from '../api/error-message.ts';

type Issue = { code?: string; origin?: string; minimum?: unknown; maximum?: unknown };

/**
 * Plain words for the bounds a contract schema leaves unworded (its own messages win): an empty
 * required field, and the lengths of text.
 */
function boundsMessage(issue: Issue) {
  if (issue.code === 'too_small' && issue.minimum === 1) return 'This field is required';
  if (issue.origin !== 'string') return undefined;
  if (issue.code === 'too_small') return `Use at least ${String(issue.minimum)} characters`;
  if (issue.code === 'too_big') return `Use at most ${String(issue.maximum)} characters`;
  return undefined;
}

/** Parse options for `zodResolver(ContractSchema, parseOptions)`. */
export const parseOptions = { error: boundsMessage };

/**
 * Puts the API's field errors (`body.password`) beside the form's inputs and returns the message
 * for the form itself, or null when every problem is already shown beside its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  let placed = 0;
  let unplaced = 0;
  for (const [name, message] of Object.entries(fieldErrors)) {
    const field = fields.find((f) => f === name);
    if (field) {
      setError(field, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced += 1;
    }
  }
  return placed > 0 && unplaced === 0 ? null : humanMessage(error);
}
