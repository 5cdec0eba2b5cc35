import { ApiError } from './api-error.ts';

const byStatus: Record<number, string> = {
  401: 'Please sign in to continue.',
  403: 'You do not have access to this.',
  404: 'We could not find what you were looking for.',
  409: 'This conflicts with a change made elsewhere. Reload and try again.',
  412: 'Someone else changed this in the meantime. Reload to see the latest version.',
  422: 'Some of the values are not valid.',
  429: 'Too many requests. Please wait a moment and try again.',
};

/** A message fit to show a person, for any error a query or mutation can throw. */
export function humanMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'NETWORK') return 'You appear to be offline, or the server cannot be reached.';
  if (error.status >= 500) return 'The server had a problem. Please try again in a moment.';
  if (error.status === 400) return error.problem?.detail ?? 'The request was not valid.';
  return byStatus[error.status] ?? error.message;
}
