/**
 * Records a release's repository SQL: copies every `__snapshots__/*.sql` under `apps/api/src`
 * (the feature modules' and the platform's repositories alike) into
 * `apps/api/src/db/compat/<version>/`, replacing the previous release's. The migration
 * compatibility test runs these statements on the latest schema (decision 0012), so it never
 * needs the repository's history.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The snapshot folders below `dir`, at any depth. */
function snapshotDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => {
      const child = path.join(dir, entry.name);
      return entry.name === '__snapshots__' ? [child] : snapshotDirs(child);
    });
}

export function recordReleasedSql(root: string, version: string): string[] {
  const src = path.join(root, 'apps/api/src');
  const compat = path.join(src, 'db/compat');
  const sources = new Map<string, string>();
  for (const dir of snapshotDirs(src)) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
      if (sources.has(file)) throw new Error(`two repositories have a snapshot named ${file}`);
      sources.set(file, path.join(dir, file));
    }
  }
  if (sources.size === 0) throw new Error(`no SQL snapshots under ${src}`);

  if (existsSync(compat)) {
    for (const entry of readdirSync(compat, { withFileTypes: true })) {
      if (entry.isDirectory()) rmSync(path.join(compat, entry.name), { recursive: true });
    }
  }
  const target = path.join(compat, version);
  mkdirSync(target, { recursive: true });
  for (const [file, source] of sources) copyFileSync(source, path.join(target, file));
  return [...sources.keys()].sort();
}
