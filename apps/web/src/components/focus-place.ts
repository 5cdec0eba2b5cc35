/**
 * Where focus can go when the element that had it leaves the page (a task deleted from its
 * dialog): the item now at its place in the same group (the next one), else the last one, else
 * the group itself. Groups are marked `data-focus-group`, their items `data-focus-item`; an
 * item's link (else its first button) takes the focus.
 */
export function focusPlace(element: Element | null) {
  const group = element?.closest<HTMLElement>('[data-focus-group]') ?? null;
  const items = () => [...(group?.querySelectorAll<HTMLElement>('[data-focus-item]') ?? [])];
  const item = element?.closest('[data-focus-item]');
  const index = item ? items().indexOf(item as HTMLElement) : -1;
  return {
    group,
    /** Focuses what now stands in the element's place; false if there is nothing to focus. */
    restore(): boolean {
      if (!group?.isConnected) return false;
      const now = items();
      const target = index < 0 ? undefined : (now[index] ?? now.at(-1));
      const focusable =
        target?.querySelector<HTMLElement>('a[href]') ??
        target?.querySelector<HTMLElement>('button') ??
        target ??
        group;
      focusable.focus();
      return document.activeElement === focusable;
    },
  };
}
