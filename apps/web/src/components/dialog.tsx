import * as RadixDialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';
import { focusPlace } from './focus-place.ts';

const centred =
  'top-1/2 left-1/2 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg border';
/*
 * How each size sits on the screen. Every one fits a phone and scrolls inside: a large dialog
 * (a task) takes the whole of a small screen, a sheet rises from its bottom edge.
 */
const placements = {
  md: `${centred} max-w-lg`,
  lg: `${centred} max-w-2xl max-md:inset-0 max-md:max-h-none max-md:w-full max-md:translate-none max-md:rounded-none max-md:border-0`,
  sheet: 'inset-x-0 bottom-0 max-h-[85dvh] w-full rounded-t-lg border-t',
};

/**
 * A modal dialog: focus moves in and is trapped, Escape and the close button dismiss it, and
 * focus returns to what opened it. The title names it for assistive technology.
 *
 * Radix returns focus to a `Dialog.Trigger`; these dialogs open from state and from URLs, with no
 * trigger, so the element focused when one opened is kept and focused again when it closes. If
 * that element leaves the page (the task the dialog deleted), focus goes to what took its place.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  size = 'md',
  testId,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  size?: keyof typeof placements;
  testId?: string;
  children: ReactNode;
}) {
  const opener = useRef<Element | null>(null);
  const place = useRef<ReturnType<typeof focusPlace> | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/60" />
        <RadixDialog.Content
          className={`fixed z-50 overflow-y-auto overscroll-contain border-slate-200 bg-white p-6 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${placements[size]}`}
          data-testid={testId}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement;
            // Taken now: once the opener has left the page, it no longer knows where it stood.
            place.current = focusPlace(document.activeElement);
          }}
          onCloseAutoFocus={(event) => {
            const element = opener.current;
            if (!(element instanceof HTMLElement)) return;
            event.preventDefault();
            const where = place.current;
            if (!element.isConnected) {
              where?.restore();
              return;
            }
            element.focus();
            if (where?.group) refocusOnRemoval(element, where);
          }}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="pr-8 text-lg font-semibold">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              {description}
            </RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
          <RadixDialog.Close
            aria-label="Close"
            className="absolute top-3 right-3 rounded-md px-2 py-1 text-lg leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <span aria-hidden="true">×</span>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** How long after a dialog closes the element it refocused may still be removed (an optimistic delete). */
const REMOVAL_WATCH_MS = 3_000;

/** If `element` leaves the page while focused (focus falls to the body), focus its place instead. */
function refocusOnRemoval(element: HTMLElement, place: ReturnType<typeof focusPlace>) {
  if (!place.group) return;
  const observer = new MutationObserver(() => {
    if (element.isConnected) return;
    observer.disconnect();
    const active = document.activeElement;
    if (active === null || active === document.body) place.restore();
  });
  observer.observe(place.group, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), REMOVAL_WATCH_MS);
}
