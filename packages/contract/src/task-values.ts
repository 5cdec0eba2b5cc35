/*
 * Plain values of tasks.ts that code without zod uses (the quick-add parser): kept apart from the
 * schemas so that a bundle taking them does not also build every task schema.
 */

/** In rising urgency: sorting by priority puts `urgent` first. */
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

export const MAX_LABELS = 20;
