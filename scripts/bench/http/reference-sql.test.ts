import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, referenceStatements, renderGenerated } from './reference-sql.ts';

describe("the reference server's copy of the app's SQL", () => {
  it('is what the snapshots give (else: node scripts/bench/http/reference-sql.ts)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(renderGenerated());
  });

  it('filters the sorted list by two statuses', () => {
    const list = referenceStatements().list[0] ?? '';
    expect(list).toContain('and "status" in ($4, $5) order by coalesce(due_date');
    expect(list).toMatch(/limit \$6$/);
  });
});
