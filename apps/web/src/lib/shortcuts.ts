import { useEffect, useRef } from 'react';

type ShortcutHandlers = Partial<Record<string, (event: KeyboardEvent) => void>>;

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** Where a key press is text being typed (or a choice being made), never a command. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Read from the attribute: jsdom, where the unit tests run, has no isContentEditable.
  if (target.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}

/** Enter and Space on a focused link or button belong to it. */
function isActivation(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  return (
    event.target instanceof Element && event.target.closest('a, button, [role="button"]') !== null
  );
}

/**
 * The handler a key press triggers, if any: never with Ctrl, Alt or Meta (the browser's and the
 * system's shortcuts), while typing, or inside a dialog, which has keys of its own.
 */
export function shortcutFor(
  event: KeyboardEvent,
  handlers: ShortcutHandlers,
): ((event: KeyboardEvent) => void) | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (event.isComposing || isTypingTarget(event.target) || isActivation(event)) return undefined;
  if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return undefined;
  return handlers[event.key];
}

/** Single-key shortcuts on the whole page while `enabled`. */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      const handler = shortcutFor(event, latest.current);
      if (!handler) return;
      event.preventDefault();
      handler(event);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
