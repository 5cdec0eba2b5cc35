/**
 * docs/benchmarks.md, written whole on every run: the header, then each benchmark's section in
 * the order they ran, then every section's notes. Sections are made by the benchmarks, never by
 * hand in the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './app.ts';
import type { RunInfo } from './settings.ts';

/** What a benchmark hands back: its part of the report, and the ids of what failed. */
export type Section = { markdown: string[]; notes: string[]; failures: string[] };

const reportPath = path.join(root, 'docs/benchmarks.md');

/**
 * The Lighthouse section (`npm run lighthouse`, scripts/lighthouse.ts) of the report as it stands:
 * made by another command, so carried over as it is.
 */
function lighthouseSection(): string[] {
  const text = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
  const start = text.indexOf('<!-- lighthouse:start -->');
  const endMarker = '<!-- lighthouse:end -->';
  const end = text.indexOf(endMarker);
  return start >= 0 && end > start ? [text.slice(start, end + endMarker.length), ''] : [];
}

function renderReport(info: RunInfo, sections: Section[]): string {
  return [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench\` on ${info.date}, Node ${info.node}, ${info.cpu} (${info.cores} cores), ` +
      `${info.connections} connections, ${info.warmupSeconds} s warm-up, then ${info.rounds} interleaved rounds of ` +
      `${info.durationSeconds} s per scenario; each row is the scenario's median round.`,
    '',
    ...sections.flatMap((s) => s.markdown),
    ...lighthouseSection(),
    '## Notes',
    '',
    ...sections.flatMap((s) => s.notes),
    '',
  ].join('\n');
}

export function writeReport(info: RunInfo, sections: Section[]) {
  writeFileSync(reportPath, renderReport(info, sections));
  console.log(`Wrote ${path.relative(process.cwd(), reportPath)}`);
}
