import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { type Account, apiAs, createAccount, signIn } from './accounts.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** How soon a change must show in the other tabs, counted from the action that made it. */
const LIVE = { timeout: 1_000 };

/** An owner and a member of a new shared workspace, made through the API. */
async function sharedBoard(request: APIRequestContext, adminApi: APIRequestContext) {
  const owner = await createAccount(request, adminApi);
  const member = await createAccount(request, adminApi);
  const api = await apiAs(request, owner);
  const created = await api.post('/api/v1/workspaces', { data: { name: 'Live crew' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const added = await api.post(`/api/v1/workspaces/${id}/members`, {
    data: { email: member.email, role: 'member' },
  });
  expect(added.status()).toBe(201);
  return { owner, member, board: `/w/${id}` };
}

/** Waits until the page's stream is connected, so that what follows is a live update. */
async function openLive(page: Page, account: Account | null, path: string) {
  if (account) await signIn(page, account, path);
  else await page.goto(path);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

const card = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true });
const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

/** Every expectation starts now, so each is held to the same second from the action. */
const allWithin = (...checks: Promise<unknown>[]) => Promise.all(checks);

async function editTask(page: Page, title: string, edit: (dialog: Locator) => Promise<void>) {
  await card(page, title).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await expect(dialog.getByLabel('Title')).toHaveValue(title);
  await edit(dialog);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
}

test('a change in one tab shows within a second in the other tab and on another member’s page', async ({
  page,
  request,
  adminApi,
  newBrowserContext,
}) => {
  const { owner, member, board } = await sharedBoard(request, adminApi);
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
  await add.press('Enter');
  await allWithin(
    expect(column(tab2, 'todo').getByText('Plan the launch')).toBeVisible(LIVE),
    expect(column(theirs, 'todo').getByText('Plan the launch')).toBeVisible(LIVE),
  );

  // Edited in the other tab.
  await editTask(tab2, 'Plan the launch', (dialog) =>
    dialog.getByLabel('Title').fill('Plan the big launch'),
  );
  await allWithin(
    expect(card(tab1, 'Plan the big launch')).toBeVisible(LIVE),
    expect(card(theirs, 'Plan the big launch')).toBeVisible(LIVE),
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
  await theirs.keyboard.press('Space');
  await expect(column(tab2, 'in_progress').getByText('Plan the big launch')).toBeVisible(LIVE);

  // Completed in the list of the first tab: a status change.
  await tab1.getByRole('checkbox', { name: 'Complete “Plan the big launch”' }).click();
  await allWithin(
    expect(column(tab2, 'done').getByText('Plan the big launch')).toBeVisible(LIVE),
    expect(column(theirs, 'done').getByText('Plan the big launch')).toBeVisible(LIVE),
  );

  // Assigned to the other member, who is told so, with the unread count on the bell.
  const bell = theirs.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');
  await editTask(tab1, 'Plan the big launch', async (dialog) => {
    await dialog.getByLabel('Assignee').selectOption({ label: member.name });
  });
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', LIVE);
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
  await tab1.getByRole('button', { name: 'Delete task' }).click();
  await allWithin(
    expect(card(tab2, 'Plan the big launch')).toHaveCount(0, LIVE),
    expect(card(theirs, 'Plan the big launch')).toHaveCount(0, LIVE),
  );
});

test('notifications: mark all read, from another tab too, and follow a task', async ({
  page,
  request,
  adminApi,
}) => {
  const { owner, member, board } = await sharedBoard(request, adminApi);
  const ownerApi = await apiAs(request, owner);
  const workspaceId = board.split('/').at(-1);
  const assigned: string[] = [];
  for (const title of ['First', 'Second']) {
    const response = await ownerApi.post(`/api/v1/workspaces/${workspaceId}/tasks`, {
      data: { title, assigneeId: member.id },
    });
    expect(response.status()).toBe(201);
    assigned.push(((await response.json()) as { id: string }).id);
  }
  const tab2 = await page.context().newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLive(page, member, board);
  await openLive(tab2, null, board);

  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications', exact: true });
  await expect(panel.getByTestId('notification')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'the notifications list (dark)');
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(panel.locator('[data-unread="true"]')).toHaveCount(0);
  await expect(tab2.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName(
    'Notifications',
    LIVE,
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
  const changed = await ownerApi.patch(`/api/v1/workspaces/${workspaceId}/tasks/${assigned[0]}`, {
    data: { priority: 'urgent' },
  });
  expect(changed.status()).toBe(200);
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', LIVE);
});

test('a workspace deleted by its owner closes on a member’s page', async ({
  page,
  request,
  adminApi,
}) => {
  const { owner, member, board } = await sharedBoard(request, adminApi);
  await openLive(page, member, board);
  await expect(page.getByRole('heading', { level: 1, name: 'Live crew' })).toBeVisible();

  const ownerApi = await apiAs(request, owner);
  const deleted = await ownerApi.delete(`/api/v1/workspaces/${board.split('/').at(-1)}`);
  expect(deleted.status()).toBe(204);
  await expect(page.getByText('This workspace was deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
  await expect(page.getByTestId('workspace-switcher').getByRole('option')).toHaveText([
    'Personal (personal)',
  ]);
});

test.describe('when the stream fails', () => {
  test.use({ expectedFailures: { '/api/v1/events': 503 } });

  test('the header says live updates are disconnected until they reconnect', async ({
    page,
    request,
    adminApi,
  }) => {
    const { owner, board } = await sharedBoard(request, adminApi);
    await openLive(page, owner, board);
    const status = page.getByRole('status').filter({ hasText: 'Live updates disconnected' });
    await expect(status).toHaveCount(0);

    await page.route('**/api/v1/events', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }),
    );
    await page.reload();
    await expect(status).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'disconnected');

    await page.unroute('**/api/v1/events');
    // The next attempt comes after a backoff of a few seconds.
    await expect(status).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  });
});
