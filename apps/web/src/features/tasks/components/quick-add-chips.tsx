import type { QuickAddChip } from '../model/quick-add-line.ts';

const chipColours: Record<QuickAddChip['kind'], string> = {
  date: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  priority: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  label: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  assignee: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
};

/**
 * What the quick-add line will set besides the title, before Enter. Not a live region: it
 * describes the field, so a screen reader reads it with the field instead of at every key.
 */
export function QuickAddChips({ id, chips }: { id: string; chips: readonly QuickAddChip[] }) {
  if (chips.length === 0) return null;
  return (
    <ul
      id={id}
      aria-label="The new task will have"
      className="mt-2 flex flex-wrap gap-2"
      data-testid="quick-add-preview"
    >
      {chips.map((chip) => (
        <li
          key={`${chip.kind}:${chip.text}`}
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${chipColours[chip.kind]}`}
          data-kind={chip.kind}
          data-testid="quick-add-chip"
        >
          {chip.text}
        </li>
      ))}
    </ul>
  );
}
