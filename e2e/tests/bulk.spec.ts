import { signIn } from './accounts.ts';
import { type Api, expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import {
  createTasks,
  createWorkspace,
  readTask,
  sharedWorkspace,
  taskTitles,
} from './tasks-api.ts';

async function defineLabel(api: Api, workspaceId: string, name: string, colour: 'red' | 'green') {
  const call = api.POST('/api/v1/workspaces/{workspaceId}/label-definitions', {
    params: { path: { workspaceId } },
    body: { name, colour },
  });
  await expectAnswer(call, 201, `define label ${name}`);
}

test('select a range, assign, label, prioritise, move and delete in bulk, with undo', async ({
  page,
  accounts,
}) => {
  const { owner, ownerApi, member, workspaceId, board } = await sharedWorkspace(accounts, 'Bulk');
  const elsewhere = await createWorkspace(ownerApi, 'Elsewhere');
  await defineLabel(ownerApi, workspaceId, 'release', 'red');
  const task = await createTasks(ownerApi, workspaceId, ['Alpha', 'Beta', 'Gamma', 'Delta']);
  const read = (title: string) => readTask(ownerApi, workspaceId, task(title).id);
  await signIn(page, owner, board);
  await expect(taskTitles(page)).toHaveText(['Delta', 'Gamma', 'Beta', 'Alpha']);

  // A click, then a Shift-click two rows down, ticks the three.
  await page.getByRole('checkbox', { name: 'Select “Delta”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Beta”' }).click({ modifiers: ['Shift'] });
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByTestId('bulk-count')).toHaveText('3 selected');
  await expectNoSeriousA11yViolations(page, 'the bulk bar');
  await bar.getByLabel('Action').selectOption('assignee');
  await bar.getByLabel('Assign to').selectOption({ label: member.name });
  await bar.getByRole('button', { name: 'Apply to 3' }).click();
  await expect(bar).toBeHidden();
  for (const title of ['Delta', 'Gamma', 'Beta']) {
    await expect.poll(async () => (await read(title)).assigneeId).toBe(member.id);
  }
  expect((await read('Alpha')).assigneeId).toBeNull();

  await page.getByTestId('select-all').check();
  await expect(bar.getByTestId('bulk-count')).toHaveText('4 selected');
  await bar.getByLabel('Action').selectOption('priority');
  await bar.getByLabel('Set priority').selectOption('urgent');
  await bar.getByRole('button', { name: 'Apply to 4' }).click();
  await expect(page.getByTestId('task-priority')).toHaveText(Array(4).fill('Priority: Urgent'));
  await expect.poll(async () => (await read('Alpha')).priority).toBe('urgent');

  await page.getByRole('checkbox', { name: 'Select “Gamma”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Alpha”' }).check();
  await bar.getByLabel('Action').selectOption('addLabels');
  await bar.getByLabel('Add label').fill('release');
  await bar.getByRole('button', { name: 'Apply to 2' }).click();
  await expect.poll(async () => (await read('Gamma')).labels).toEqual(['release']);
  // The label's colour shows on the cards that carry it.
  const gamma = page.getByTestId('task-item').filter({ hasText: 'Gamma' });
  await expect(gamma.getByTestId('task-label')).toHaveAttribute('data-colour', 'red');
  await expectNoSeriousA11yViolations(page, 'coloured labels in the list');

  // Escape clears the selection.
  await page.getByRole('checkbox', { name: 'Select “Alpha”' }).check();
  await expect(bar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();

  await page.getByRole('checkbox', { name: 'Select “Alpha”' }).check();
  await bar.getByLabel('Action').selectOption('move');
  await bar.getByLabel('Move to workspace').selectOption({ label: 'Elsewhere' });
  await bar.getByRole('button', { name: 'Apply to 1' }).click();
  await expect(taskTitles(page)).toHaveText(['Delta', 'Gamma', 'Beta']);
  await expect
    .poll(async () => (await readTask(ownerApi, elsewhere, task('Alpha').id)).workspaceId)
    .toBe(elsewhere);

  await page.getByTestId('select-all').check();
  await bar.getByRole('button', { name: 'Delete 3' }).click();
  await expect(taskTitles(page)).toHaveCount(0);
  const toast = page.getByText('Deleted 3 tasks');
  await expect(toast).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(taskTitles(page)).toHaveText(['Delta', 'Gamma', 'Beta']);
  await expect.poll(async () => (await read('Beta')).title).toBe('Beta');
});

test('“+ add” in a column creates the task there, and a whole card drags to another column', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, ['Alpha']);
  await signIn(page, account, `${board}?view=kanban`);
  const inProgress = page.getByTestId('column-in_progress');
  const done = page.getByTestId('column-done');
  await expect(page.getByTestId('column-todo').getByTestId('task-title')).toHaveText(['Alpha']);

  await page.getByRole('button', { name: 'Add a task to In progress' }).click();
  const field = inProgress.getByRole('textbox', { name: 'Add a task to In progress' });
  await expect(field).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'a column’s quick add');
  await field.fill('Fresh !high');
  await field.press('Enter');
  await expect(inProgress.getByTestId('task-title')).toHaveText(['Fresh']);
  await field.press('Escape');
  await expect(field).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add a task to In progress' })).toBeFocused();

  // Picked up by the card's body (its priority badge), not by the handle.
  const card = page.getByTestId('task-item').filter({ hasText: 'Alpha' });
  await card.getByTestId('task-priority').hover();
  await page.mouse.down();
  const target = await done.boundingBox();
  if (!target) throw new Error('the column is on screen');
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(done.getByTestId('task-title')).toHaveText(['Alpha']);
  await expect
    .poll(async () => (await readTask(api, workspaceId, task('Alpha').id)).status)
    .toBe('done');
  // A click on a card still opens it.
  await card.getByTestId('task-title').click();
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
});

test('owners colour labels in settings, and the task dialog suggests them', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createTasks(api, workspaceId, [{ title: 'Design review', labels: ['ux'] }]);
  await signIn(page, account, `${board}/settings`);
  const card = page.getByTestId('labels-card');
  await expect(card.getByTestId('label-row')).toHaveText(['uxIn use, no colourGive a colour']);
  const form = card.getByTestId('new-label');
  await form.getByLabel('New label').fill('design');
  await form.getByRole('radio', { name: 'Green' }).check();
  await form.getByRole('button', { name: 'Add label' }).click();
  await expect(card.getByRole('textbox', { name: 'Name of “design”' })).toBeVisible();
  await card
    .getByRole('group', { name: 'Colour of “design”' })
    .getByRole('radio', { name: 'Purple' })
    .check();
  await expect(
    card.getByTestId('task-label').filter({ hasText: 'design' }).first(),
  ).toHaveAttribute('data-colour', 'purple');
  await expectNoSeriousA11yViolations(page, 'label settings');

  await page.goto(board);
  await page.getByRole('link', { name: 'Design review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  const labels = dialog.getByRole('combobox', { name: 'Labels' });
  await labels.fill('des');
  await expect(dialog.getByRole('option', { name: 'design' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the label suggestions');
  await labels.press('Enter');
  await expect(dialog.getByTestId('task-label')).toHaveText(['ux×', 'design×']);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('task-item').filter({ hasText: 'Design review' });
  await expect(row.getByTestId('task-label')).toHaveText(['ux', 'design']);
  await expect(row.getByTestId('task-label').nth(1)).toHaveAttribute('data-colour', 'purple');
});
