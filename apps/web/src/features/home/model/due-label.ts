import { shortDate } from '../../../lib/short-date.ts';

const DAY_MS = 86_400_000;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * A due date as read beside a task, counted from `today` (both `YYYY-MM-DD` in the user's zone):
 * "Due today", "Due tomorrow", "2 days overdue", or the date.
 */
export function dueLabel(dueDate: string | null, today: string): string | null {
  if (dueDate === null) return null;
  const days = dayNumber(dueDate) - dayNumber(today);
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  if (days === -1) return '1 day overdue';
  if (days < 0) return `${-days} days overdue`;
  return `Due ${shortDate(dueDate)}`;
}
