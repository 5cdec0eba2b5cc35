import { TASK_PRIORITIES, TASK_STATUSES, type Task, type TaskSort } from '@taskflow/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../test/api-client.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { addMember, createTask, createWorkspace, tasksPath } from '../../test/workspaces.ts';

const { ada, bob } = useTestUsers(['ada', 'bob']);

describe('concurrent writes', () => {
  it('two PATCHes with the same version: exactly one 200 and one 412, every time', async () => {
    const ws = await createTeam(ada, 'Race', bob);
    for (let round = 0; round < 20; round++) {
      const task = await createTask(ada, ws, { title: `Race ${round}` });
      const url = `${tasksPath(ws)}/${task.id}`;
      const ifMatch = { 'if-match': `"${task.version}"` };
      const [a, b] = await Promise.all([
        ada.send('PATCH', url, { title: 'Ada wins' }, ifMatch),
        bob.send('PATCH', url, { title: 'Bob wins' }, ifMatch),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
      // The loser is shown exactly what the winner wrote.
      expect(loser.json().current).toEqual(winner.json());
      const stored = bodyOf(
        await ada.api.get('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
          path: { workspaceId: ws, taskId: task.id },
        }),
        200,
      );
      expect(stored).toEqual(winner.json());
      expect(stored.version).toBe(2);
    }
  });
});

const sorts: TaskSort[] = ['position', 'updated', 'created', 'due', 'priority'];
const taskSpec = fc.record({
  title: fc
    .string({ minLength: 1, maxLength: 20, unit: 'grapheme-ascii' })
    .filter((t) => t.trim() !== ''),
  status: fc.constantFrom(...TASK_STATUSES),
  priority: fc.constantFrom(...TASK_PRIORITIES),
  dueDate: fc.option(fc.constantFrom('2026-01-01', '2026-06-15', '2026-06-16', '2027-03-01'), {
    nil: null,
  }),
});

describe('pagination under concurrent inserts', () => {
  it('returns every task that existed before the walk exactly once, whatever is inserted meanwhile', async () => {
    let walks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sorts),
        fc.array(taskSpec, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(taskSpec, { maxLength: 4 }), { minLength: 1, maxLength: 10 }),
        async (sort, existing, limit, insertsPerPage) => {
          const ws = (await createWorkspace(ada, 'Paging')).id;
          await addMember(ada, ws, bob.email);
          const before = new Set<string>();
          for (const spec of existing) before.add((await createTask(ada, ws, spec)).id);

          const seen: string[] = [];
          let cursor: string | null = null;
          let page = 0;
          do {
            const query: string = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
            // The page is read while other requests insert tasks into the same workspace.
            const [res] = await Promise.all([
              bob.get(`${tasksPath(ws)}?${query}`),
              ...(insertsPerPage[page % insertsPerPage.length] ?? []).map((spec) =>
                createTask(ada, ws, spec),
              ),
            ]);
            expect(res.statusCode).toBe(200);
            const body = res.json() as { items: Task[]; nextCursor: string | null };
            seen.push(...body.items.map((t) => t.id));
            cursor = body.nextCursor;
            page += 1;
          } while (cursor);

          expect(new Set(seen).size, 'no task twice').toBe(seen.length);
          const missing = [...before].filter((id) => !seen.includes(id));
          expect(missing, 'no pre-existing task missing').toEqual([]);
          walks += 1;
          await ada.send('DELETE', `/api/v1/workspaces/${ws}`);
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
    expect(walks).toBe(40);
  }, 180_000);
});
