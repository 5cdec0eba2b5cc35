/** Markdown pieces of the report, and the roundings its figures share. */
import type { LoadFigures } from './load.ts';

/** A table cell: one line, no column separator. */
export const cell = (text: string) => text.replace(/\s+/g, ' ').replaceAll('|', '\\|');

/** A table, padded as the formatter (Biome) writes markdown tables. */
export function table(
  header: string[],
  rows: string[][],
  rightAligned: (column: number) => boolean,
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const pad = (text: string, i: number) => {
    const width = widths[i] ?? 0;
    return rightAligned(i) ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) => (rightAligned(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => String(Number(n.toFixed(2)));

/** The columns every load table shows: throughput, latency, counts. */
export const loadHeader = [
  'Requests/s (avg)',
  'p50 (ms)',
  'p99 (ms)',
  'Requests',
  'Non-2xx',
  'Errors',
];

/** The cells of those columns. */
export function loadCells(f: LoadFigures): string[] {
  return [
    int(f.requestsPerSecond),
    ms(f.p50Ms),
    ms(f.p99Ms),
    int(f.totalRequests),
    int(f.non2xx),
    int(f.errors),
  ];
}

export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
export const verdict = (met: boolean) => (met ? '**met**' : '**not met**');

/** The middle value (the upper one of an even count); undefined when there is none. */
export function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
