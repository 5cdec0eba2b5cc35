import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  repositoryFactories,
  repositoryFiles,
  sectionNames,
  sectionsBeside,
  unrecorded,
} from '../test/sql-coverage.ts';

const src = path.resolve(import.meta.dirname, '..');

/**
 * Methods that only hand on a statement recorded under another name.
 *
 * - `createOutbox` (events) is `appendEvents` in a unit of work's transaction, recorded as such.
 * - `createAccountRecords` (auth) hands on two methods of `createAuthRepository`; they are
 *   recorded under their own names in auth.repository.sql, so it needs nothing here.
 * - `createEffectsRepository` (mail) is `claimEffect` in a unit of work; it is the file's only
 *   factory, so it is recorded itself, as `claim`.
 */
const recordedAs: Record<string, string> = { 'createOutbox.append': 'appendEvents' };

/** Repository files that hold reusable query pieces for another repository, and no factory. */
const queryPieces = [
  'modules/tasks/task-filter-conditions.repository.ts',
  'modules/tasks/task-list.repository.ts',
];

describe('SQL snapshots', () => {
  it('record every method of every repository, in a snapshot beside it', async () => {
    const files = repositoryFiles(src);
    const missing: string[] = [];
    const withoutFactory: string[] = [];
    for (const file of files) {
      const factories = repositoryFactories(await import(path.join(src, file)));
      if (factories.length === 0) withoutFactory.push(file);
      const sections = sectionsBeside(path.join(src, path.dirname(file)));
      missing.push(...unrecorded(factories, sections, recordedAs).map((m) => `${file}: ${m}`));
    }
    expect(files.length).toBeGreaterThan(10);
    expect(withoutFactory).toEqual(queryPieces);
    expect(missing).toEqual([]);
  });

  it('reads a section name with or without a variant, and nothing else', () => {
    const snapshot = [
      '-- find',
      'select 1;',
      '',
      '-- list, every filter',
      '  -- an indented comment in raw SQL',
      'select 2;',
      '',
      '-- lock (in a transaction)',
      'begin;',
    ].join('\n');
    expect([...sectionNames(snapshot)]).toEqual(['find', 'list', 'lock']);
  });

  it('names a method of a made-up repository that no section records', () => {
    const made = {
      createThingsRepository: () => ({ find: async () => 1, remove: async () => 2 }),
      createWrapper: () => ({ append: async () => 3 }),
      thingColumns: ['id'],
    };
    const factories = repositoryFactories(made);
    expect(factories).toEqual([
      { factory: 'createThingsRepository', methods: ['find', 'remove'] },
      { factory: 'createWrapper', methods: ['append'] },
    ]);
    const sections = sectionNames('-- find\nselect 1;\n\n-- appendThings\nselect 2;\n');
    expect(unrecorded(factories, sections)).toEqual([
      'createThingsRepository.remove',
      'createWrapper.append',
    ]);
    expect(unrecorded(factories, sections, { 'createWrapper.append': 'appendThings' })).toEqual([
      'createThingsRepository.remove',
    ]);
  });
});
