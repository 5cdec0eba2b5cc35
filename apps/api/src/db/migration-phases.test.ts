import { describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';

/** The type checker asks every migration module for its phase; this holds at run time too. */
describe('the migration registry', () => {
  it.each(Object.entries(migrations))('%s declares expand or contract', (_name, migration) => {
    expect(['expand', 'contract']).toContain(migration.phase);
  });
});
