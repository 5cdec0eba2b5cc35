import { startTransition, useEffect, useState } from 'react';

/**
 * A long list's first `first` items at once, then the rest in steps of `step`, each in a
 * transition: the rows on screen paint first, and React renders and commits the others a slice
 * at a time, leaving the main thread free for input between them instead of one long task.
 * Once shown in full, the list stays in full (a list that grows later is not cut again).
 */
export function useProgressiveList<T>(items: T[], first: number, step = first * 2): T[] {
  const [shown, setShown] = useState(first);
  const full = shown === Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (full) return;
    if (items.length <= shown) {
      // Everything fits: from now on the list is never cut.
      if (items.length > 0) setShown(Number.POSITIVE_INFINITY);
      return;
    }
    startTransition(() => setShown((count) => count + step));
  }, [items.length, shown, full, step]);
  return full || items.length <= shown ? items : items.slice(0, shown);
}
