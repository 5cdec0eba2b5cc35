import type { Locator, Page } from '@playwright/test';
import { expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { expectPushed, expectStreamOpened, nextStream, openLive } from './live.ts';
import { createTasks, sharedWorkspace, updateTask } from './tasks-api.ts';
import { expectWorkspaceNames } from './workspace-picker.ts';

const card = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true });
const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);
const bellOf = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

async function editTask(page: Page, title: string, edit: (dialog: Locator) => Promise<void>) {
  await card(page, title).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue(title);
  await edit(dialog);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
}

test('a change in one tab is pushed to the other tab and to another member’s page', async ({
  page,
  accounts,
  newBrowserContext,
}) => {
  const { owner, member, board } = await sharedWorkspace(accounts, 'Live crew');
  const kanban = `${board}?view=kanban`;
  const tab1 = page;
  const tab2 = await page.context().newPage();
  const theirs = await (await newBrowserContext()).newPage();
  await openLive(tab1, owner, board);
  await openLive(tab2, null, kanban);
  await openLive(theirs, member, kanban);

  // Created in one tab.
  const add = tab1.getByLabel('Add a task');
  await add.fill('Plan the launch');
  await expectPushed(
    [tab2, theirs],
    () => add.press('Enter'),
    (p) => expect(column(p, 'todo').getByText('Plan the launch')).toBeVisible(),
  );

  // Edited in the other tab.
  await expectPushed(
    [tab1, theirs],
    () =>
      editTask(tab2, 'Plan the launch', (dialog) =>
        dialog.getByLabel('Title').fill('Plan the big launch'),
      ),
    (p) => expect(card(p, 'Plan the big launch')).toBeVisible(),
  );

  // Moved by the other member, dragged (by keyboard) to the next column.
  await card(theirs, 'Plan the big launch').waitFor();
  await theirs.getByRole('button', { name: 'Move “Plan the big launch”' }).focus();
  const announcement = theirs.locator('[id^="DndLiveRegion"]');
  await theirs.keyboard.press('Space');
  // The keyboard sensor listens for arrows only once the pick-up is announced.
  await expect(announcement).toContainText('Picked up “Plan the big launch”');
  await theirs.keyboard.press('ArrowRight');
  await expect(announcement).toContainText('In progress');
  await expectPushed(
    [tab2],
    () => theirs.keyboard.press('Space'),
    (p) => expect(column(p, 'in_progress').getByText('Plan the big launch')).toBeVisible(),
  );

  // Completed in the list of the first tab: a status change.
  await expectPushed(
    [tab2, theirs],
    () => tab1.getByRole('checkbox', { name: 'Complete “Plan the big launch”' }).click(),
    (p) => expect(column(p, 'done').getByText('Plan the big launch')).toBeVisible(),
  );

  // Assigned to the other member, who is told so, with the unread count on the bell.
  const bell = bellOf(theirs);
  await expect(bell).toHaveAccessibleName('Notifications');
  await expectPushed(
    [theirs],
    () =>
      editTask(tab1, 'Plan the big launch', async (dialog) => {
        await dialog.getByLabel('Assignee').selectOption({ label: member.name });
      }),
    (p) => expect(bellOf(p)).toHaveAccessibleName('Notifications, 1 unread'),
  );
  await expect(theirs.getByTestId('unread-badge')).toHaveText('1');

  await bell.click();
  const panel = theirs.getByRole('region', { name: 'Notifications', exact: true });
  const notice = panel.getByRole('link', {
    name: `Unread: ${owner.name} assigned you “Plan the big launch”`,
  });
  await expect(notice).toBeVisible();
  await expectNoSeriousA11yViolations(theirs, 'the notifications list');
  await notice.click();
  await expect(theirs).toHaveURL(/\/tasks\/[0-9a-f-]{36}/);
  await expect(theirs.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
  await theirs.keyboard.press('Escape');
  await expect(bell).toHaveAccessibleName('Notifications');

  // Deleted in the first tab.
  await card(tab1, 'Plan the big launch').click();
  await expectPushed(
    [tab2, theirs],
    () => tab1.getByRole('button', { name: 'Delete task' }).click(),
    (p) => expect(card(p, 'Plan the big launch')).toHaveCount(0),
  );
});

test('notifications: mark all read, from another tab too, and follow a task', async ({
  page,
  accounts,
}) => {
  const { ownerApi, member, workspaceId, board } = await sharedWorkspace(accounts, 'Live crew');
  const task = await createTasks(ownerApi, workspaceId, [
    { title: 'First', assigneeId: member.id },
    { title: 'Second', assigneeId: member.id },
  ]);
  const tab2 = await page.context().newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLive(page, member, board);
  await openLive(tab2, null, board);

  const bell = bellOf(page);
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications', exact: true });
  // The two assignments are unread (the notice of being added to the workspace was read).
  await expect(panel.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'the notifications list (dark)');
  await expectPushed(
    [tab2],
    async () => {
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await expect(bell).toHaveAccessibleName('Notifications');
      await expect(panel.locator('[data-unread="true"]')).toHaveCount(0);
    },
    (p) => expect(bellOf(p)).toHaveAccessibleName('Notifications'),
  );
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // Following a task brings its changes by others as notifications.
  await card(page, 'First').click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  // The assignee follows the task already; stop, then follow again.
  const following = dialog.getByRole('button', { name: 'Following' });
  await expect(following).toHaveAttribute('aria-pressed', 'true');
  await following.click();
  await expect(dialog.getByRole('button', { name: 'Follow' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await dialog.getByRole('button', { name: 'Follow' }).click();
  await expect(following).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expectPushed(
    [page],
    () => updateTask(ownerApi, workspaceId, task('First').id, { priority: 'urgent' }),
    (p) => expect(bellOf(p)).toHaveAccessibleName('Notifications, 1 unread'),
  );
});

test('a workspace deleted by its owner closes on a member’s page', async ({ page, accounts }) => {
  const { ownerApi, member, workspaceId, board } = await sharedWorkspace(accounts, 'Live crew');
  await openLive(page, member, board);
  await expect(page.getByRole('heading', { level: 1, name: 'Live crew' })).toBeVisible();

  const deleted = ownerApi.DELETE('/api/v1/workspaces/{workspaceId}', {
    params: { path: { workspaceId } },
  });
  await expectAnswer(deleted, 204, 'delete the workspace');
  await expect(page.getByText('This workspace was deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
  await expectWorkspaceNames(page, ['Personal']);
});

test.describe('when the stream fails', () => {
  test.use({ expectedFailures: { '/api/v1/events': 503 } });

  test('the page says live updates are disconnected until they reconnect', async ({
    page,
    personalBoard: { account, board },
  }) => {
    await openLive(page, account, board);
    const status = page.getByRole('status').filter({ hasText: 'Live updates disconnected' });
    await expect(status).toHaveCount(0);

    await page.route('**/api/v1/events', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }),
    );
    await page.reload();
    await expect(status).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'disconnected');

    // The next attempt comes after a backoff of a few seconds.
    const reconnected = nextStream(page);
    await page.unroute('**/api/v1/events');
    await expectStreamOpened(page, reconnected);
    await expect(status).toHaveCount(0);
  });
});
