import type { WorkspaceLabel } from '@taskflow/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createTask, tasksPath } from '../../test/workspaces.ts';

const { ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy']);
let ws: string;
let base: string;

beforeAll(async () => {
  ws = await createTeam(ada, 'Labels', bob);
  base = `/api/v1/workspaces/${ws}/label-definitions`;
});

const list = async (client: Client) => {
  const res = await client.get(base);
  expect(res.statusCode).toBe(200);
  return res.json().items as WorkspaceLabel[];
};

const define = (client: Client, name: string, colour = 'blue') =>
  client.send('POST', base, { name, colour });

describe('workspace labels', () => {
  it('lists definitions and the labels tasks use without one, by name', async () => {
    await createTask(bob, ws, { title: 'Uses labels', labels: ['zeta', 'Alpha'] });
    const made = await define(ada, 'alpha', 'green');
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ name: 'alpha', colour: 'green' });
    const labels = await list(bob);
    expect(labels.map((l) => [l.name, l.colour])).toEqual([
      ['alpha', 'green'],
      ['zeta', null],
    ]);
    expect(labels[1]?.id).toBeNull();
  });

  it('keeps names unique whatever their case', async () => {
    expect((await define(ada, 'Bug')).statusCode).toBe(201);
    const again = await define(ada, 'BUG', 'red');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('LABEL_EXISTS');
    const other = await define(ada, 'Feature');
    const clash = await ada.send('PATCH', `${base}/${other.json().id}`, { name: 'bug' });
    expect(clash.statusCode).toBe(409);
  });

  it('renames the label on every task of the workspace, and recolours', async () => {
    const label = (await define(ada, 'Frontend', 'teal')).json() as WorkspaceLabel;
    const a = await createTask(bob, ws, { title: 'A', labels: ['ops', 'frontend'] });
    const b = await createTask(bob, ws, { title: 'B', labels: ['other'] });
    const mine = await createTask(ada, ada.personalId, { title: 'Mine', labels: ['Frontend'] });
    const res = await ada.send('PATCH', `${base}/${label.id}`, { name: 'Web', colour: 'pink' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: label.id, name: 'Web', colour: 'pink' });
    expect((await bob.get(`${tasksPath(ws)}/${a.id}`)).json()).toMatchObject({
      labels: ['ops', 'Web'],
      version: 2,
    });
    expect((await bob.get(`${tasksPath(ws)}/${b.id}`)).json()).toMatchObject({ version: 1 });
    expect((await ada.get(`${tasksPath(ada.personalId)}/${mine.id}`)).json().labels).toEqual([
      'Frontend',
    ]);
    const [entry] = (await bob.get(`${tasksPath(ws)}/${a.id}/history`)).json().items;
    expect(entry).toMatchObject({ kind: 'task.updated', actorId: ada.userId });
  });

  it('lets owners manage labels; members only read them; others see nothing', async () => {
    expect((await define(bob, 'Mine')).statusCode).toBe(403);
    const label = (await define(ada, 'Owned')).json() as WorkspaceLabel;
    expect((await bob.send('PATCH', `${base}/${label.id}`, { colour: 'red' })).statusCode).toBe(
      403,
    );
    expect((await bob.send('DELETE', `${base}/${label.id}`)).statusCode).toBe(403);
    expect((await cy.get(base)).statusCode).toBe(404);
    expect((await define(cy, 'Intruder')).statusCode).toBe(404);
    expect((await cy.send('PATCH', `${base}/${label.id}`, { colour: 'red' })).statusCode).toBe(404);
    expect((await cy.send('DELETE', `${base}/${label.id}`)).statusCode).toBe(404);
    // A label of another workspace is not found through this one.
    const elsewhere = (
      await ada.send('POST', `/api/v1/workspaces/${ada.personalId}/label-definitions`, {
        name: 'Private',
      })
    ).json() as WorkspaceLabel;
    expect((await ada.send('PATCH', `${base}/${elsewhere.id}`, { colour: 'red' })).statusCode).toBe(
      404,
    );
  });

  it('deletes a definition; tasks keep the label, in the neutral colour', async () => {
    const label = (await define(ada, 'Gone', 'purple')).json() as WorkspaceLabel;
    await createTask(bob, ws, { title: 'Keeps it', labels: ['Gone'] });
    expect((await ada.send('DELETE', `${base}/${label.id}`)).statusCode).toBe(204);
    expect((await ada.send('DELETE', `${base}/${label.id}`)).statusCode).toBe(404);
    const gone = (await list(ada)).find((l) => l.name === 'Gone');
    expect(gone).toEqual({ id: null, name: 'Gone', colour: null });
  });

  it('refuses colours outside the palette and empty changes', async () => {
    expect((await define(ada, 'Odd', 'chartreuse')).statusCode).toBe(400);
    const label = (await define(ada, 'Plain')).json() as WorkspaceLabel;
    expect((await ada.send('PATCH', `${base}/${label.id}`, {})).statusCode).toBe(400);
  });
});
