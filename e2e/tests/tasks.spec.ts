import type { Page } from '@playwright/test';
import { signIn } from './accounts.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createTasks, readTask, taskTitles, titlesInOrder } from './tasks-api.ts';

test('quick add, edit every field in the dialog, open by link, and complete', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await signIn(page, account);
  await expect(page).toHaveURL(board);
  await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
  await expect(page.getByTestId('empty-board')).toBeVisible();

  const add = page.getByLabel('Add a task');
  await add.fill('Write the release notes');
  await add.press('Enter');
  await expect(taskTitles(page)).toHaveText(['Write the release notes']);
  await add.fill('Book the venue');
  await add.press('Enter');
  // New tasks go to the top.
  await expect(taskTitles(page)).toHaveText(['Book the venue', 'Write the release notes']);

  await page.getByRole('link', { name: 'Write the release notes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Write the release notes');
  const taskUrl = page.url();
  expect(taskUrl).toMatch(new RegExp(`/w/${workspaceId}/tasks/[0-9a-f-]{36}$`));
  await dialog.getByLabel('Title').fill('Write the 2.0 release notes');
  await dialog.getByLabel('Description').fill('Cover the *new* board.');
  await dialog.getByLabel('Priority').selectOption('urgent');
  await dialog.getByLabel('Due date').fill('2030-01-15');
  await dialog.getByLabel('Assignee').selectOption({ label: account.name });
  await dialog.getByLabel('Labels').fill('docs, release');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(board);

  const row = page.getByTestId('task-item').filter({ hasText: 'Write the 2.0 release notes' });
  await expect(row.getByTestId('task-priority')).toContainText('Urgent');
  await expect(row.getByTestId('task-label')).toHaveText(['docs', 'release']);
  await expect(row.getByTestId('task-assignee')).toContainText(account.name);
  await expect(row.getByTestId('task-due')).toHaveAttribute('datetime', '2030-01-15');

  const taskId = taskUrl.split('/').at(-1) as string;
  await expect
    .poll(() => readTask(api, workspaceId, taskId))
    .toMatchObject({
      title: 'Write the 2.0 release notes',
      priority: 'urgent',
      dueDate: '2030-01-15',
      assigneeId: account.id,
      labels: ['docs', 'release'],
    });

  // The task's own address opens it, over the board.
  await page.goto(taskUrl);
  await expect(dialog.getByLabel('Title')).toHaveValue('Write the 2.0 release notes');
  await expect(dialog.getByLabel('Description')).toHaveValue('Cover the *new* board.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A click, not check(): the box is controlled by the task, which the optimistic update changes
  // a moment after the click, not within it.
  const complete = row.getByRole('checkbox', { name: 'Complete “Write the 2.0 release notes”' });
  await complete.click();
  await expect(complete).toBeChecked();
  await expect.poll(async () => (await readTask(api, workspaceId, taskId)).status).toBe('done');
  await page.reload();
  await expect(row.getByRole('checkbox', { name: /^Complete/ })).toBeChecked();
});

test('delete a task, then undo from the toast', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createTasks(api, workspaceId, ['Keep me', 'Delete me']);
  await signIn(page, account, board);

  await page.getByRole('link', { name: 'Delete me' }).click();
  await page
    .getByRole('dialog', { name: 'Edit task' })
    .getByRole('button', { name: 'Delete task' })
    .click();
  await expect(taskTitles(page)).toHaveText(['Keep me']);
  const toast = page.getByRole('listitem').filter({ hasText: 'Deleted “Delete me”' });
  await expect(toast).toBeVisible();
  await expect.poll(() => titlesInOrder(api, workspaceId)).toEqual(['Keep me']);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Restored “Delete me”')).toBeVisible();
  await expect(taskTitles(page)).toHaveText(['Delete me', 'Keep me']);
  await expect.poll(() => titlesInOrder(api, workspaceId)).toEqual(['Delete me', 'Keep me']);
});

test('the board, in list and kanban, light and dark, and the edit dialog pass axe-core', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createTasks(api, workspaceId, [
    { title: 'Overdue and urgent', priority: 'urgent', dueDate: '2020-01-01', labels: ['ops'] },
    { title: 'Assigned', assigneeId: account.id, priority: 'low' },
    { title: 'Done already', status: 'done', priority: 'high' },
    { title: 'In progress', status: 'in_progress' },
  ]);

  await signIn(page, account, board);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Back to the list, from the kanban of the round before.
    await page.goto(board);
    await expect(taskTitles(page)).toHaveCount(4);
    await page.getByTestId('task-select').first().check();
    await expect(page.getByTestId('bulk-bar')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the list view (${colorScheme})`);
    await page.getByRole('button', { name: 'Kanban' }).click();
    await expect(page.getByTestId('column-done').getByTestId('task-title')).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, `the kanban view (${colorScheme})`);
  }

  await page.getByRole('link', { name: 'Overdue and urgent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the edit dialog');
  await dialog.getByLabel('Title').fill('');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByTestId('title-error')).toHaveText('Enter a title');
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the edit dialog with an error');
  await page.keyboard.press('Escape');
  // The emptied title is an unsaved edit: closing asks first.
  const discard = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(discard.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the question before unsaved edits are dropped');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  // Focus goes back to where the dialog was opened from.
  await expect(page.getByRole('link', { name: 'Overdue and urgent' })).toBeFocused();
});

async function editTitle(page: Page, from: string, to: string) {
  await page.getByRole('link', { name: from }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue(from);
  await dialog.getByLabel('Title').fill(to);
  return dialog;
}

test.describe('two browsers editing the same task', () => {
  // The stale save is refused, and the app shows it as a conflict to resolve.
  test.use({ expectedFailures: { '/api/v1/workspaces/*/tasks/*': 412 } });

  test('a save over someone else’s change shows both versions: keep mine, or use theirs', async ({
    page,
    personalBoard: { account, api, workspaceId, board },
    newBrowserContext,
  }) => {
    const { id } = (await createTasks(api, workspaceId, ['Plan the offsite']))('Plan the offsite');
    await signIn(page, account, board);
    const other = await (await newBrowserContext()).newPage();
    await signIn(other, account, board);

    // Both open the task; the other browser saves first.
    const mine = await editTitle(page, 'Plan the offsite', 'Plan the spring offsite');
    await mine.getByLabel('Priority').selectOption('high');
    const theirs = await editTitle(other, 'Plan the offsite', 'Plan the team offsite');
    await theirs.getByRole('button', { name: 'Save changes' }).click();
    await expect(theirs).toBeHidden();

    await mine.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByRole('dialog', { name: 'This task was changed by someone else' });
    await expect(conflict.getByTestId('theirs-title')).toHaveText('Plan the team offsite');
    await expect(conflict.getByTestId('mine-title')).toHaveText('Plan the spring offsite');
    await expect(conflict.getByTestId('theirs-priority')).toHaveText('Medium');
    await expect(conflict.getByTestId('mine-priority')).toHaveText('High');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(conflict).toBeHidden();
    await expect(mine).toBeHidden();
    await expect(taskTitles(page)).toHaveText(['Plan the spring offsite']);
    await expect
      .poll(() => readTask(api, workspaceId, id))
      .toMatchObject({ title: 'Plan the spring offsite', priority: 'high', version: 3 });

    // Again, the other way round: this time their change stays.
    await other.reload();
    const again = await editTitle(page, 'Plan the spring offsite', 'Plan the summer offsite');
    const theirsAgain = await editTitle(
      other,
      'Plan the spring offsite',
      'Plan the autumn offsite',
    );
    await theirsAgain.getByRole('button', { name: 'Save changes' }).click();
    await expect(theirsAgain).toBeHidden();
    await again.getByRole('button', { name: 'Save changes' }).click();
    await conflict.getByRole('button', { name: 'Use theirs' }).click();
    await expect(again).toBeHidden();
    await expect(taskTitles(page)).toHaveText(['Plan the autumn offsite']);
    expect((await readTask(api, workspaceId, id)).title).toBe('Plan the autumn offsite');
  });
});
