import type { Page } from '@playwright/test';
import { signIn } from './accounts.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createTasks, personalWorkspace, sharedWorkspace, taskTitles } from './tasks-api.ts';

/** Dates as My work counts them: the browser's zone, UTC here. */
test.use({ timezoneId: 'UTC' });

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const sizes = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function axeAtEverySize(page: Page, what: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectNoSeriousA11yViolations(page, `${what} at ${size.width}×${size.height}`);
  }
  await page.setViewportSize(sizes[0] as (typeof sizes)[number]);
}

test('My work groups my tasks from two workspaces; a deleted task comes back from the Trash', async ({
  page,
  accounts,
}) => {
  const { owner, ownerApi, member, workspaceId: team } = await sharedWorkspace(accounts, 'Launch');
  const personal = await personalWorkspace(ownerApi);
  const mine = { assigneeId: owner.id };
  await createTasks(ownerApi, personal, [{ title: 'Renew the domain', dueDate: day(-1), ...mine }]);
  const task = await createTasks(ownerApi, team, [
    { title: 'Plan the retro', ...mine },
    { title: 'Ship the beta', dueDate: day(0), ...mine },
    { title: 'Their task', dueDate: day(0), assigneeId: member.id },
  ]);

  await signIn(page, owner, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  const overdue = page.getByTestId('work-overdue');
  await expect(overdue.getByTestId('work-task')).toHaveText([/Renew the domain.*Personal/]);
  const today = page.getByTestId('work-today');
  await expect(today.getByTestId('work-task')).toHaveText([/Ship the beta.*Launch/]);
  await expect(page.getByTestId('work-noDate').getByTestId('work-task')).toHaveText([
    /Plan the retro.*Launch/,
  ]);
  await expect(page.getByText('Their task')).toHaveCount(0);
  await expect(today.getByRole('link', { name: 'Ship the beta' })).toHaveAttribute(
    'href',
    `/w/${team}/t/${task('Ship the beta').id}`,
  );
  await axeAtEverySize(page, 'My work');

  // Live: a task assigned elsewhere shows without a reload.
  await createTasks(ownerApi, team, [{ title: 'Call the printer', dueDate: day(0), ...mine }]);
  await expect(today.getByTestId('work-task').filter({ hasText: 'Call the printer' })).toHaveText(
    /Launch · Due today/,
  );
  await expect(today.getByTestId('work-task')).toHaveCount(2);

  // Delete from the board: the toast offers Undo, and focus stays on the list.
  await page.goto(`/w/${team}`);
  await expect(taskTitles(page)).toHaveText([
    'Call the printer',
    'Their task',
    'Ship the beta',
    'Plan the retro',
  ]);
  await page.getByRole('link', { name: 'Ship the beta' }).click();
  await page
    .getByRole('dialog', { name: 'Edit task' })
    .getByRole('button', { name: 'Delete task' })
    .click();
  await expect(taskTitles(page)).toHaveText(['Call the printer', 'Their task', 'Plan the retro']);
  const toast = page.getByRole('listitem').filter({ hasText: 'Deleted “Ship the beta”' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan the retro' })).toBeFocused();

  await page.getByRole('link', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Launch: trash' })).toBeVisible();
  const item = page.getByTestId('trash-item');
  await expect(item).toHaveText([/Ship the beta.*30 days left/]);
  await axeAtEverySize(page, 'the Trash');

  await item.getByRole('button', { name: 'Restore “Ship the beta”' }).click();
  await expect(page.getByText('Restored “Ship the beta”')).toBeVisible();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await expect(taskTitles(page)).toContainText(['Ship the beta']);
});

test('the landing page says what TaskFlow is and leads to an account', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/team’s work/);
  await expect(page.getByText('collaborative task manager for small teams')).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Create account' })).toBeVisible();
  await axeAtEverySize(page, 'the landing page');
  await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/register');
});
