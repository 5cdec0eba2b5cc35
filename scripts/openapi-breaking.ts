/**
 * `npm run check:breaking`: fails when docs/openapi.json breaks the last released document
 * (docs/openapi.released.json) while `info.version` is still the released one. A release records
 * its document with `node scripts/openapi-breaking.ts --release`, which also records its
 * repository SQL for the migration compatibility test (release-sql.ts).
 *   node scripts/openapi-breaking.ts [--released FILE] [--current FILE] [--release]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { breakingChanges, type Doc } from './openapi-diff.ts';
import { recordReleasedSql } from './release-sql.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    released: { type: 'string', default: path.join(root, 'docs/openapi.released.json') },
    current: { type: 'string', default: path.join(root, 'docs/openapi.json') },
    release: { type: 'boolean', default: false },
  },
});

const current = readFileSync(values.current, 'utf8');
const next = JSON.parse(current) as Doc;
if (values.release) {
  const version = next.info?.version;
  if (!version) throw new Error(`${values.current} has no info.version`);
  writeFileSync(values.released, current);
  console.log(`recorded ${path.relative(root, values.current)} as the released document`);
  const files = recordReleasedSql(root, version);
  console.log(`recorded the SQL of ${version}: ${files.join(', ')}`);
  process.exit(0);
}

const released = JSON.parse(readFileSync(values.released, 'utf8')) as Doc;
const problems = breakingChanges(released, next);
const [was, now] = [released.info?.version, next.info?.version];

if (problems.length === 0) {
  console.log(`check:breaking: nothing breaks the released ${was} document`);
} else if (was !== now) {
  console.log(
    `check:breaking: ${problems.length} breaking changes since ${was}, released as ${now}:`,
  );
  for (const p of problems) console.log(`  ${p}`);
} else {
  console.error(`check:breaking: ${problems.length} changes break clients of ${was}:`);
  for (const p of problems) console.error(`  ${p}`);
  console.error('Keep the old behaviour, or bump the version and record the release (--release).');
  process.exit(1);
}
