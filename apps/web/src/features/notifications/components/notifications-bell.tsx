import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useUnreadCount } from '../api/get-notifications.ts';
import { panelOffset } from '../model/panel-offset.ts';
import { NotificationsPanel } from './notifications-panel.tsx';

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
    >
      <path
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </svg>
  );
}

const bellLabel = (unread: number) =>
  unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;

/**
 * The header's bell: the unread count, and the list in a panel that opens below it (a disclosure:
 * focus stays on the bell; Escape, a click or focus elsewhere closes it). `onDownload` fetches
 * the files notifications link to (exports), which another feature knows how to do.
 */
export function NotificationsBell({
  onDownload,
}: {
  onDownload?: ((path: string) => void) | undefined;
} = {}) {
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [offset, setOffset] = useState(0);

  // Measured, because where the bell sits depends on how the header wraps.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const bell = container.current?.getBoundingClientRect();
      if (bell) setOffset(panelOffset(bell.left, document.documentElement.clientWidth));
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeIfOutside = (event: Event) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    // Captured, before the page's own Escape shortcut, which must not act on it too.
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      const focus = document.activeElement;
      if (focus === document.body || container.current?.contains(focus)) button.current?.focus();
    };
    document.addEventListener('pointerdown', closeIfOutside);
    document.addEventListener('focusin', closeIfOutside);
    document.addEventListener('keydown', closeOnEscape, true);
    return () => {
      document.removeEventListener('pointerdown', closeIfOutside);
      document.removeEventListener('focusin', closeIfOutside);
      document.removeEventListener('keydown', closeOnEscape, true);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
        className="relative rounded-md border border-slate-300 p-1.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        data-testid="notifications-button"
      >
        <BellIcon />
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -top-2 -right-2 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white"
            data-testid="unread-badge"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <NotificationsPanel
          id={panelId}
          offset={offset}
          onNavigate={() => setOpen(false)}
          onDownload={onDownload}
        />
      )}
    </div>
  );
}
