import { useState } from 'react';
import { saveTheme, storedChoice, type ThemeChoice } from '../lib/theme.ts';

const choices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** main.tsx applies the theme before the first render; this only reads and changes the choice. */
export function ThemeSelect() {
  const [choice, setChoice] = useState<ThemeChoice>(storedChoice);

  return (
    <>
      <label htmlFor="theme-choice" className="sr-only">
        Theme
      </label>
      <select
        id="theme-choice"
        name="theme"
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          saveTheme(next);
          setChoice(next);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {choices.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}
