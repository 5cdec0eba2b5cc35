import { COARSE_POINTER, useMediaQuery } from '../../../lib/media-query.ts';

const button = (on: boolean) =>
  `px-3 py-1.5 text-sm font-medium ${on ? 'bg-indigo-700 text-white dark:bg-indigo-400 dark:text-slate-950' : 'bg-white text-slate-800 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800'}`;

type ViewSwitchProps = { kanban: boolean; onChange: (kanban: boolean) => void };

/** List or kanban; the choice is part of the board's URL. */
export function ViewSwitch({ kanban, onChange }: ViewSwitchProps) {
  const touch = useMediaQuery(COARSE_POINTER);
  return (
    <fieldset className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
      <legend className="sr-only">{touch ? 'View' : 'View (press v to switch)'}</legend>
      <button
        type="button"
        aria-pressed={!kanban}
        className={button(!kanban)}
        onClick={() => onChange(false)}
      >
        List
      </button>
      <button
        type="button"
        aria-pressed={kanban}
        className={button(kanban)}
        onClick={() => onChange(true)}
      >
        Kanban
      </button>
    </fieldset>
  );
}
