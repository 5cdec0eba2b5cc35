/**
 * Records a release's repository SQL: copies every `apps/api/src/modules/<module>/__snapshots__/
 * *.sql` into `apps/api/src/db/compat/<version>/`, replacing the previous release's. The
 * migration compatibility test runs these statements on the latest schema (decision 0012), so
 * it never needs the repository's history.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export function recordReleasedSql(root: string, version: string): string[] {
  const modules = path.join(root, 'apps/api/src/modules');
  const compat = path.join(root, 'apps/api/src/db/compat');
  const sources = new Map<string, string>();
  for (const module of readdirSync(modules)) {
    const dir = path.join(modules, module, '__snapshots__');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
      if (sources.has(file)) throw new Error(`two modules have a snapshot named ${file}`);
      sources.set(file, path.join(dir, file));
    }
  }
  if (sources.size === 0) throw new Error(`no SQL snapshots under ${modules}`);

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
