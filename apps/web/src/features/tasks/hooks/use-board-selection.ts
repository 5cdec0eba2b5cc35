import { type FocusEvent, useCallback, useRef, useState } from 'react';

/**
 * The keyboard selection of the board (j/k), kept in step with focus: the selected task's link
 * is focused, and tabbing to a task selects it. The order is the order on screen.
 */
export function useBoardSelection() {
  const containerRef = useRef<HTMLElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const focusTask = useCallback((id: string) => {
    const row = containerRef.current?.querySelector(`[data-task-id="${CSS.escape(id)}"]`);
    row?.querySelector<HTMLElement>('[data-task-link]')?.focus();
  }, []);

  const move = useCallback(
    (step: 1 | -1) => {
      const rows = containerRef.current?.querySelectorAll<HTMLElement>('[data-task-id]') ?? [];
      const ids = [...rows].map((row) => row.dataset.taskId ?? '');
      if (ids.length === 0) return;
      const index = selectedId === null ? -1 : ids.indexOf(selectedId);
      const nextIndex =
        index < 0
          ? step === 1
            ? 0
            : ids.length - 1
          : Math.min(Math.max(index + step, 0), ids.length - 1);
      const next = ids[nextIndex];
      if (!next) return;
      setSelectedId(next);
      focusTask(next);
    },
    [selectedId, focusTask],
  );

  const onFocus = useCallback((event: FocusEvent) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-task-id]');
    if (row?.dataset.taskId) setSelectedId(row.dataset.taskId);
  }, []);

  return { containerRef, selectedId, select: setSelectedId, move, onFocus };
}
