import { describe, expect, it } from 'vitest';
import { useSqlRecorder } from '../../test/sql-recorder.ts';
import { createLabelsRepository } from './labels.repository.ts';

/** The SQL of every labels repository method: see __snapshots__/labels.repository.sql. */
const sql = useSqlRecorder();

describe('labels repository SQL', () => {
  it('matches the snapshot', async () => {
    const { workspaceId } = await sql.user();
    const repo = createLabelsRepository(sql.db);

    const { id } = await repo.insert(workspaceId, 'Web', 'blue');
    await sql.record('insert', () => repo.insert(workspaceId, 'Ops', 'green'));
    await sql.record('list', () => repo.list(workspaceId, 1000));
    await sql.record('count', () => repo.count(workspaceId));
    await sql.record('lock (in a transaction)', () =>
      sql.db.transaction().execute((trx) => createLabelsRepository(trx).lock(workspaceId, id)),
    );
    await sql.record('update', () => repo.update(workspaceId, id, { name: 'Web2', colour: 'red' }));
    await sql.record('remove', () => repo.remove(workspaceId, id));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/labels.repository.sql');
  });
});
