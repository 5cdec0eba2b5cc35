import { useSyncExternalStore } from 'react';

/** Narrower than Tailwind's `md` breakpoint: a phone, where the board's filters go in a sheet. */
export const SMALL_SCREEN = '(max-width: 47.99rem)';
/** A touch screen as the main input: no keyboard to press shortcuts with, no hover. */
export const COARSE_POINTER = '(hover: none) and (pointer: coarse)';

/**
 * Whether a media query matches now, re-rendering when that changes (a rotated phone).
 * Without matchMedia (jsdom, in unit tests) it never matches: the desktop layout.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia?.(query);
      media?.addEventListener('change', onChange);
      return () => media?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(query).matches ?? false,
  );
}
