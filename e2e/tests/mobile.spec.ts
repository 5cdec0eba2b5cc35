import { signIn } from './accounts.ts';
import { admin } from './admin-account.ts';
import { expectAnswer } from './api-client.ts';
import { expect, INSTANCE, test } from './fixtures.ts';
import { expectNoPageOverflow } from './overflow.ts';
import { createTasks, taskTitles } from './tasks-api.ts';

// A phone held upright: a touch screen, no hover, no keyboard to press shortcuts with.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on a phone the board, its kanban, the task dialog and the task page fit the screen', async ({
  page,
  personalBoard: { account, api, workspaceId, board },
}) => {
  const task = await createTasks(api, workspaceId, [
    { title: 'Renew the certificate before it expires next month', priority: 'high' },
    { title: 'Write the release notes', status: 'in_progress', labels: ['docs'] },
    { title: 'Ship it', status: 'done' },
  ]);
  await signIn(page, account, board);
  await expect(taskTitles(page)).toHaveCount(3);
  await expectNoPageOverflow(page, 'the list view');

  // No keyboard hints on a touch screen.
  await expect(page.getByRole('button', { name: /Shortcuts/ })).toBeHidden();

  // The header folds its secondary items into a menu.
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await expectNoPageOverflow(page, 'the board with the menu open');
  await menu.click();
  await expect(nav).toBeHidden();

  // The filters wait in a sheet, behind a button that counts those in use.
  await expect(page.getByTestId('filter-bar')).toBeHidden();
  const filters = page.getByRole('button', { name: 'Filters' });
  await filters.click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet.getByRole('searchbox', { name: 'Search tasks' })).toHaveAttribute(
    'placeholder',
    'Search tasks',
  );
  await sheet
    .getByRole('group', { name: 'Priority' })
    .getByRole('button', { name: 'High' })
    .click();
  await expect(page).toHaveURL(/priority=high/);
  await expectNoPageOverflow(page, 'the filter sheet');
  await sheet.getByRole('button', { name: 'Show tasks' }).click();
  await expect(sheet).toBeHidden();
  await expect(taskTitles(page)).toHaveText(['Renew the certificate before it expires next month']);
  await expect(page.getByRole('button', { name: 'Filters 1 in use' })).toBeVisible();
  await page.goto(board);

  // Kanban: the columns scroll sideways inside the board, a column at a time; the page does not.
  await page.getByRole('button', { name: 'Kanban' }).click();
  await expect(page.getByTestId('column-done').getByTestId('task-title')).toHaveCount(1);
  await expectNoPageOverflow(page, 'the kanban view');
  const scroller = page.getByTestId('kanban');
  const columns = page.getByTestId(/^column-(todo|in_progress|done)$/);
  await expect(scroller).toHaveCSS('scroll-snap-type', 'x mandatory');
  await expect(columns.first()).toHaveCSS('scroll-snap-align', 'start');
  const sizes = await scroller.evaluate((el: { scrollWidth: number; clientWidth: number }) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
  // A column is most of the screen's width, and the next one peeks in beside it.
  const first = await columns.first().boundingBox();
  expect(first?.width).toBeGreaterThan(390 * 0.7);
  expect(first?.width).toBeLessThan(sizes.clientWidth);
  // Scrolled part of the way, the board comes to rest with the second column at its start.
  await scroller.evaluate((el: { scrollBy: (options: object) => void }) =>
    el.scrollBy({ left: 120, behavior: 'instant' }),
  );
  await expect
    .poll(async () => {
      const [box, column] = [await scroller.boundingBox(), await columns.nth(1).boundingBox()];
      return Math.round((column?.x ?? 0) - (box?.x ?? 0));
    })
    .toBe(0);
  await expectNoPageOverflow(page, 'the scrolled kanban view');

  // The task dialog takes the whole screen and scrolls inside.
  await page.getByRole('link', { name: 'Ship it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Ship it');
  const box = await dialog.boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await expectNoPageOverflow(page, 'the task dialog');

  await page.goto(`${board}/t/${task('Write the release notes').id}`);
  await expect(page.getByTestId('task-page-title')).toHaveText('Write the release notes');
  await expectNoPageOverflow(page, 'the task page');
});

test(
  'on a phone My work, the trash, the workspace settings and the admin pages fit the screen',
  INSTANCE,
  async ({ page, accounts, personalBoard: { account, api, workspaceId, board } }) => {
    const task = await createTasks(api, workspaceId, [
      { title: 'Due soon', dueDate: '2030-01-01', assigneeId: account.id },
      'Thrown away',
    ]);
    const deleted = api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
      params: { path: { workspaceId, taskId: task('Thrown away').id } },
    });
    await expectAnswer(deleted, 204, 'delete a task');

    await signIn(page, account, '/');
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    await expect(page.getByTestId('work-task')).toHaveCount(1);
    await expectNoPageOverflow(page, 'My work');

    await page.goto(`${board}/trash`);
    await expect(page.getByTestId('trash-item')).toHaveCount(1);
    await expectNoPageOverflow(page, 'the trash');

    await page.goto(`${board}/settings`);
    await expect(page.getByTestId('workspace-settings')).toBeVisible();
    await expectNoPageOverflow(page, 'the workspace settings');

    await page.goto('/account');
    await expect(page.getByTestId('account-page')).toBeVisible();
    await expectNoPageOverflow(page, 'the account settings');

    accounts.admin();
    await page.context().clearCookies();
    await signIn(page, admin, '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin dashboard' })).toBeVisible();
    await expect(page.getByTestId('health-version')).not.toBeEmpty();
    await expectNoPageOverflow(page, 'the admin dashboard');
  },
);
