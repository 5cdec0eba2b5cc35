import { useCallback, useRef, useState } from 'react';
import { tickTasks } from '../model/range-select.ts';

/**
 * The tasks ticked for a bulk action, with the last box clicked as the anchor of a Shift-click
 * range. Ticks belong to the tasks on screen: when `resetKey` (the filters) changes, other tasks
 * show, so the ticks start afresh.
 */
export function useBulkSelection(resetKey: string) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [checkedFor, setCheckedFor] = useState(resetKey);
  const anchor = useRef<string | null>(null);
  if (checkedFor !== resetKey) {
    setCheckedFor(resetKey);
    setChecked(new Set());
    anchor.current = null;
  }

  const tick = useCallback((order: readonly string[], id: string, on: boolean, shift: boolean) => {
    const from = anchor.current;
    setChecked((before) => tickTasks(before, order, { id, on, shift, anchor: from }));
    anchor.current = id;
  }, []);

  const tickAll = useCallback((ids: readonly string[], on: boolean) => {
    setChecked(on ? new Set(ids) : new Set());
    anchor.current = null;
  }, []);

  const clear = useCallback(() => {
    setChecked(new Set());
    anchor.current = null;
  }, []);

  return { checked, tick, tickAll, clear };
}

export type BulkSelection = ReturnType<typeof useBulkSelection>;
