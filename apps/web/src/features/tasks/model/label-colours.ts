import type { components } from '@taskflow/contract/openapi';

export type LabelColour = components['schemas']['LabelColour'];
export type WorkspaceLabel = components['schemas']['WorkspaceLabel'];

/** Each named colour's shades, light and dark: dark text on a pale tint (or the reverse) passes AA. */
export const labelColourClasses: Record<LabelColour, string> = {
  gray: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  red: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  orange: 'bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  green: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  teal: 'bg-teal-100 text-teal-900 dark:bg-teal-950 dark:text-teal-200',
  blue: 'bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200',
  indigo: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200',
  purple: 'bg-purple-100 text-purple-900 dark:bg-purple-950 dark:text-purple-200',
  pink: 'bg-pink-100 text-pink-900 dark:bg-pink-950 dark:text-pink-200',
};

/** A label without a definition: no colour of its own. */
export const neutralLabelClasses =
  'border border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200';

export const colourNames: Record<LabelColour, string> = {
  gray: 'Gray',
  red: 'Red',
  orange: 'Orange',
  amber: 'Amber',
  green: 'Green',
  teal: 'Teal',
  blue: 'Blue',
  indigo: 'Indigo',
  purple: 'Purple',
  pink: 'Pink',
};

export const LABEL_COLOURS = Object.keys(colourNames) as LabelColour[];

/** Colours by label name, compared as the API compares names (case-insensitively). */
export function colourLookup(labels: readonly WorkspaceLabel[]) {
  let lookup = lookups.get(labels);
  if (!lookup) {
    const byName = new Map(labels.map((l) => [l.name.toLowerCase(), l.colour]));
    lookup = (name: string): LabelColour | null => byName.get(name.toLowerCase()) ?? null;
    lookups.set(labels, lookup);
  }
  return lookup;
}

/** One lookup per list of labels: every card of a board asks with the same cached list. */
const lookups = new WeakMap<readonly WorkspaceLabel[], (name: string) => LabelColour | null>();

/** The suggestions for a label being typed: names that start with it first, then containing it. */
export function suggestLabels(
  labels: readonly WorkspaceLabel[],
  typed: string,
  taken: readonly string[],
  max = 8,
): WorkspaceLabel[] {
  const query = typed.trim().toLowerCase();
  const have = new Set(taken.map((t) => t.toLowerCase()));
  const open = labels.filter((l) => !have.has(l.name.toLowerCase()));
  const starts = open.filter((l) => l.name.toLowerCase().startsWith(query));
  const contains = open.filter(
    (l) => !l.name.toLowerCase().startsWith(query) && l.name.toLowerCase().includes(query),
  );
  return [...starts, ...contains].slice(0, max);
}
