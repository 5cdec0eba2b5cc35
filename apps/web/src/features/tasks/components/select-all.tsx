import { useEffect, useRef } from 'react';
import type { BulkSelection } from '../hooks/use-bulk-selection.ts';
import { tickedShare } from '../model/range-select.ts';

/**
 * Whether Shift was held on the press (pointer or key) that changes a box: the change event
 * itself does not say.
 */
export function useShiftHeld() {
  const held = useRef(false);
  const press = (event: { shiftKey: boolean }) => {
    held.current = event.shiftKey;
  };
  return { held, handlers: { onPointerDown: press, onKeyDown: press } };
}

/** One box for every task loaded (those the filters match); mixed while only some are ticked. */
export function SelectAll({ order, ticks }: { order: readonly string[]; ticks: BulkSelection }) {
  const ref = useRef<HTMLInputElement>(null);
  const share = tickedShare(ticks.checked, order);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = share === 'some';
  }, [share]);
  return (
    <label className="flex w-fit items-center gap-2 px-3 text-sm">
      <input
        ref={ref}
        type="checkbox"
        checked={share === 'all'}
        onChange={(event) => ticks.tickAll(order, event.target.checked)}
        className="h-4 w-4"
        data-testid="select-all"
      />
      Select all {order.length} loaded
    </label>
  );
}
