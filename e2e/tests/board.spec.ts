import { signIn } from './accounts.ts';
import { expect, test } from './fixtures.ts';
import { createTasks, dragAnnouncement, readTask, taskTitles, titlesInOrder } from './tasks-api.ts';

test('drag a card to another column with the mouse and with the keyboard, and reorder the list', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, ['Alpha', 'Beta', 'Gamma']);
  await signIn(page, account, `${board}?view=kanban`);

  const todo = page.getByTestId('column-todo');
  const inProgress = page.getByTestId('column-in_progress');
  await expect(taskTitles(page).and(todo.getByTestId('task-title'))).toHaveText([
    'Gamma',
    'Beta',
    'Alpha',
  ]);

  // A real pointer drag, in small steps, from the handle to the empty column. The pointer is put
  // on the handle once it stands still (the header may still shift as live updates connect),
  // and the column is measured after the press.
  await page.getByRole('button', { name: 'Move “Alpha”' }).hover();
  await page.mouse.down();
  const target = await inProgress.boundingBox();
  if (!target) throw new Error('the column is on screen');
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(inProgress.getByTestId('task-title')).toHaveText(['Alpha']);
  await expect(todo.getByTestId('task-title')).toHaveText(['Gamma', 'Beta']);
  await expect
    .poll(async () => (await readTask(api, workspaceId, task('Alpha').id)).status)
    .toBe('in_progress');

  // The same by keyboard: pick up with Space, move right one column, drop with Space.
  const announcement = dragAnnouncement(page);
  await page.getByRole('button', { name: 'Move “Beta”' }).focus();
  await page.keyboard.press('Space');
  await expect(announcement).toContainText('Picked up “Beta”');
  await page.keyboard.press('ArrowRight');
  await expect(announcement).toContainText('in In progress');
  await page.keyboard.press('Space');
  await expect(announcement).toContainText('“Beta” was dropped');
  await expect(inProgress.getByTestId('task-title')).toHaveCount(2);
  await expect(todo.getByTestId('task-title')).toHaveText(['Gamma']);
  await expect
    .poll(async () => (await readTask(api, workspaceId, task('Beta').id)).status)
    .toBe('in_progress');
  await page.reload();
  await expect(inProgress.getByTestId('task-title')).toHaveCount(2);

  // In the list, moving the top task down one place by keyboard reorders it on the server too.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await expect(page).toHaveURL(board);
  const [top, next, ...rest] = await taskTitles(page).allTextContents();
  if (!top || !next) throw new Error('the list shows the three tasks');
  await page.getByRole('button', { name: `Move “${top}”` }).focus();
  await page.keyboard.press('Space');
  await expect(announcement).toContainText(`Picked up “${top}”`);
  await page.keyboard.press('ArrowDown');
  await expect(announcement).toContainText('is over position 2 of 3');
  await page.keyboard.press('Space');
  await expect(announcement).toContainText(`“${top}” was dropped at position 2 of 3`);
  const after = [next, top, ...rest];
  await expect(taskTitles(page)).toHaveText(after);
  await expect.poll(() => titlesInOrder(api, workspaceId)).toEqual(after);
});

test('filters and search live in the URL: shareable, restored by Back, cleared from the empty state', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createTasks(api, workspaceId, [
    { title: 'Fix the login bug', priority: 'high', labels: ['bug'] },
    { title: 'Write the docs', priority: 'low', labels: ['docs'] },
    { title: 'Redesign the login page', status: 'in_progress' },
  ]);
  await signIn(page, account, board);
  await expect(taskTitles(page)).toHaveCount(3);

  const filters = page.getByRole('search', { name: 'Filter tasks' });
  await filters.getByRole('button', { name: 'In progress' }).click();
  await expect(page).toHaveURL(`${board}?status=in_progress`);
  await expect(taskTitles(page)).toHaveText(['Redesign the login page']);
  await filters.getByRole('button', { name: 'High' }).click();
  await expect(page).toHaveURL(`${board}?status=in_progress&priority=high`);
  await expect(page.getByText('No tasks match these filters.')).toBeVisible();

  // Back and Forward walk through the filter changes.
  await page.goBack();
  await expect(page).toHaveURL(`${board}?status=in_progress`);
  await expect(filters.getByRole('button', { name: 'High' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.goForward();
  await expect(page.getByTestId('empty-filtered')).toBeVisible();
  await page.getByTestId('empty-filtered').getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(board);
  await expect(taskTitles(page)).toHaveCount(3);

  // Typing replaces the URL's q once it pauses, rather than adding a history entry per key.
  await filters.getByRole('button', { name: 'To do' }).click();
  await expect(page).toHaveURL(`${board}?status=todo`);
  await page.getByLabel('Search tasks').pressSequentially('logi', { delay: 50 });
  await expect(page).toHaveURL(`${board}?status=todo&q=logi`);
  await expect(taskTitles(page)).toHaveText(['Fix the login bug']);
  await page.goBack();
  await expect(page).toHaveURL(board);
  await expect(page.getByLabel('Search tasks')).toHaveValue('');
  await expect(taskTitles(page)).toHaveCount(3);

  await filters.getByLabel('Label').selectOption('docs');
  await expect(taskTitles(page)).toHaveText(['Write the docs']);
  await filters.getByLabel('Label').selectOption('');

  // A shared link opens the same board.
  await page.goto(`${board}?view=kanban&q=login&assignee=none`);
  await expect(page.getByLabel('Search tasks')).toHaveValue('login');
  await expect(page.getByTestId('column-todo').getByTestId('task-title')).toHaveText([
    'Fix the login bug',
  ]);
  await expect(page.getByTestId('column-in_progress').getByTestId('task-title')).toHaveText([
    'Redesign the login page',
  ]);
  await expect(page.getByTestId('column-done').getByTestId('task-title')).toHaveCount(0);
});

test('keyboard shortcuts, and a status for several tasks at once', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, ['Third', 'Second', 'First']);
  await signIn(page, account, board);
  await expect(taskTitles(page)).toHaveText(['First', 'Second', 'Third']);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Complete the selected task');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // c focuses quick add; the shortcuts stay quiet while typing there.
  await page.keyboard.press('c');
  await expect(page.getByLabel('Add a task')).toBeFocused();
  await page.keyboard.type('Zero, typed with v and x in it');
  await page.keyboard.press('Enter');
  await expect(taskTitles(page).first()).toHaveText('Zero, typed with v and x in it');
  await expect(page).toHaveURL(board);

  // j j selects the second task, x completes it; k goes back up, Enter opens the selection.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: 'First' })).toBeFocused();
  await page.keyboard.press('x');
  await expect
    .poll(async () => (await readTask(api, workspaceId, task('First').id)).status)
    .toBe('done');
  await page.keyboard.press('k');
  await expect(page.getByRole('link', { name: 'Zero, typed with v and x in it' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Zero, typed with v and x in it');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search tasks')).toBeFocused();
  await page.getByLabel('Search tasks').press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('v');
  await expect(page).toHaveURL(`${board}?view=kanban`);
  await page.keyboard.press('v');
  await expect(page).toHaveURL(board);

  for (const title of ['Second', 'Third']) {
    await page.getByRole('checkbox', { name: `Select “${title}”` }).check();
  }
  const bulk = page.getByTestId('bulk-bar');
  await expect(bulk).toContainText('2 selected');
  await bulk.getByLabel('Set status').selectOption('in_progress');
  await bulk.getByRole('button', { name: 'Apply to 2' }).click();
  await expect(bulk).toBeHidden();
  for (const title of ['Second', 'Third']) {
    await expect
      .poll(async () => (await readTask(api, workspaceId, task(title).id)).status)
      .toBe('in_progress');
  }
});

test('the list loads more tasks as it scrolls', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  await createTasks(
    api,
    workspaceId,
    Array.from({ length: 60 }, (_, i) => `Task ${String(i + 1).padStart(2, '0')}`),
  );
  await signIn(page, account, board);
  // A page is 50 tasks; the 51st comes once the end of the list is scrolled into view.
  await expect(taskTitles(page)).toHaveCount(50);
  await expect(taskTitles(page).first()).toHaveText('Task 60');
  await page.getByTestId('load-more').scrollIntoViewIfNeeded();
  await expect(taskTitles(page)).toHaveCount(60);
  await expect(taskTitles(page).last()).toHaveText('Task 01');
  await expect(page.getByTestId('load-more')).toHaveCount(0);
});
