import { startTransition, useEffect, useState } from 'react';

/**
 * A long list's first `first` items at once, then all of them in a transition: the rows on
 * screen paint first, and React renders the rest in slices that leave the main thread free for
 * input, instead of in one long task. Once shown in full, the list stays in full.
 */
export function useProgressiveList<T>(items: T[], first: number): T[] {
  const [full, setFull] = useState(false);
  const long = items.length > first;
  useEffect(() => {
    if (long && !full) startTransition(() => setFull(true));
  }, [long, full]);
  return full || !long ? items : items.slice(0, first);
}
