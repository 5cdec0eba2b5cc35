import Table from 'cli-table3';

type Cell = string | number | null | undefined;

/** Plain tables: no colours, so that they read the same in a terminal, a pipe or a log file. */
const plain = { style: { head: [], border: [], compact: true } };

/** A table with a header row; columns listed in `right` are right-aligned (numbers). */
export function table(head: string[], rows: Cell[][], right: number[] = []): string {
  const t = new Table({
    ...plain,
    head,
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
  });
  t.push(...rows.map((row) => row.map((cell) => cell ?? '')));
  return t.toString();
}

/**
 * A two-column table of names and values, values right-aligned when they are numbers; with
 * `valueWidth`, long values wrap at that width.
 */
export function keyValues(rows: [string, Cell][], valueWidth?: number): string {
  const t = new Table(
    valueWidth ? { ...plain, colWidths: [null, valueWidth], wordWrap: true } : plain,
  );
  t.push(
    ...rows.map(([key, value]) => ({
      [key]:
        typeof value === 'number' ? { content: value, hAlign: 'right' as const } : (value ?? ''),
    })),
  );
  return t.toString();
}

export const print = (text: string) => process.stdout.write(`${text}\n`);

/** The one JSON document of a `--json` command. */
export const printJson = (value: unknown) =>
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** An ISO instant as `YYYY-MM-DD HH:MM:SS` (UTC), or an empty cell. */
export const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '');

/** `text`, cut at `max` characters with an ellipsis. */
export const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
