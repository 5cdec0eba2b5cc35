/**
 * The ticked tasks after a click on the box of `id`, which it turned `on` or off. With Shift held
 * and an anchor (the box clicked before) still in the list, every task between the two, both
 * included, takes that state, as in a mail client; otherwise only the one clicked changes.
 */
export function tickTasks(
  checked: ReadonlySet<string>,
  order: readonly string[],
  click: { id: string; on: boolean; shift: boolean; anchor: string | null },
): ReadonlySet<string> {
  const next = new Set(checked);
  const from = click.anchor === null ? -1 : order.indexOf(click.anchor);
  const to = order.indexOf(click.id);
  const range =
    click.shift && from >= 0 && to >= 0
      ? order.slice(Math.min(from, to), Math.max(from, to) + 1)
      : [click.id];
  for (const id of range) {
    if (click.on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** How many of `order` are ticked: none, some, or all of them. */
export function tickedShare(checked: ReadonlySet<string>, order: readonly string[]) {
  const ticked = order.filter((id) => checked.has(id)).length;
  return ticked === 0 ? 'none' : ticked === order.length ? 'all' : 'some';
}
