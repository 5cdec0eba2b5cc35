const DAY_MS = 86_400_000;

/** How long a deleted task can still be restored, as read beside it. */
export function daysLeft(restorableUntil: string, now: number = Date.now()): string {
  const left = Date.parse(restorableUntil) - now;
  if (left < DAY_MS) return 'Less than a day left';
  // Just deleted, a task has its full 30 days left, not 29 and some hours.
  const days = Math.ceil(left / DAY_MS);
  return days === 1 ? '1 day left' : `${days} days left`;
}
