import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';

/**
 * Whether the header's menu is open; it closes whenever the page changes, since a link in it
 * was the likely way there.
 */
export function useMenuClosingOnNavigation() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  return [open, setOpen] as const;
}

/** Shows or hides the header's secondary items on a small screen; absent from `md` up. */
export function MenuButton({
  open,
  onOpenChange,
  controls,
  className = '',
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  controls: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onOpenChange(!open)}
      className={`rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 md:hidden dark:border-slate-600 dark:hover:bg-slate-800 ${className}`}
      data-testid="menu-button"
    >
      <span aria-hidden="true">☰ </span>Menu
    </button>
  );
}
