import type { Page } from '@playwright/test';
import { signIn } from './accounts.ts';
import { type Api, expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createWorkspace, sharedWorkspace } from './tasks-api.ts';
import { expectWorkspaceNames, pickWorkspace } from './workspace-picker.ts';

async function membersOf(api: Api, workspaceId: string) {
  const call = api.GET('/api/v1/workspaces/{workspaceId}/members', {
    params: { path: { workspaceId } },
  });
  return (await expectAnswer(call, 200, 'list members')).items;
}

const boardHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('signing in lands on the personal board; a new workspace is opened and remembered', async ({
  page,
  accounts,
}) => {
  const { account } = await accounts.create();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  await expect(boardHeading(page, 'Personal')).toBeVisible();
  const personalUrl = page.url();

  const switcher = page.getByTestId('workspace-switcher');
  await switcher.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByTestId('name-error')).toHaveText('Enter a name');
  await dialog.getByLabel('Workspace name').fill('Launch team');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(boardHeading(page, 'Launch team')).toBeVisible();
  await expect(page.getByTestId('empty-board')).toBeVisible();
  const launchUrl = page.url();
  expect(launchUrl).not.toBe(personalUrl);

  // The last workspace used is where the board opens next time.
  await page.goto('/w');
  await expect(page).toHaveURL(launchUrl);
  await pickWorkspace(page, 'Personal');
  await expect(page).toHaveURL(personalUrl);
  await page.reload();
  await page.goto('/w');
  await expect(page).toHaveURL(personalUrl);
  const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage })');
  expect(stored, 'only the id is kept').not.toContain('Launch team');
});

test.describe('an owner managing members', () => {
  test.use({
    expectedFailures: {
      // An address without an account, and demoting the only owner, are refused.
      '/api/v1/workspaces/*/members': 404,
      '/api/v1/workspaces/*/members/*': 409,
    },
  });

  test('adds a second user by email, changes their role, and removes them', async ({
    page,
    accounts,
  }) => {
    const { account: owner, api } = await accounts.create();
    const { account: colleague } = await accounts.create();
    const workspaceId = await createWorkspace(api, 'Design crew');
    await signIn(page, owner, `/w/${workspaceId}`);
    await page.getByRole('link', { name: 'Settings of Design crew' }).click();
    await expect(page).toHaveURL(`/w/${workspaceId}/settings`);
    const members = page.getByTestId('member-row');
    await expect(members).toHaveCount(1);
    await expectNoSeriousA11yViolations(page, 'the members page');

    const form = page.getByTestId('add-member-form');
    await form.getByLabel('Email').fill('nobody-here@e2e.test');
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(form.getByTestId('email-error')).toHaveText(
      'No TaskFlow account uses this email address.',
    );
    await form.getByLabel('Email').fill(colleague.email);
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(form.getByTestId('member-added')).toHaveText(`Added ${colleague.name}.`);
    await expect(members).toHaveCount(2);
    const row = members.filter({ hasText: colleague.email });
    await expect(row.getByLabel(`Role of ${colleague.name}`)).toHaveValue('member');

    await row.getByLabel(`Role of ${colleague.name}`).selectOption('owner');
    await expect
      .poll(async () => (await membersOf(api, workspaceId)).find((m) => m.userId === colleague.id))
      .toMatchObject({ role: 'owner' });
    await row.getByLabel(`Role of ${colleague.name}`).selectOption('member');
    await expect
      .poll(async () => (await membersOf(api, workspaceId)).find((m) => m.userId === colleague.id))
      .toMatchObject({ role: 'member' });

    // The only owner cannot step down: the role goes back, and the toast says why.
    const own = members.filter({ hasText: owner.email });
    await own.getByLabel(`Role of ${owner.name}`).selectOption('member');
    await expect(page.getByText('A workspace needs at least one owner.')).toBeVisible();
    await expect(own.getByLabel(`Role of ${owner.name}`)).toHaveValue('owner');

    await row.getByRole('button', { name: `Remove ${colleague.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${colleague.name}?` });
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await expect(confirm).toBeHidden();
    await expect(members).toHaveCount(1);
    expect((await membersOf(api, workspaceId)).map((m) => m.userId)).toEqual([owner.id]);
  });
});

test('a member sees the shared board and can leave; an owner renames and deletes', async ({
  page,
  accounts,
  newBrowserContext,
}) => {
  const {
    owner,
    ownerApi: api,
    member,
    workspaceId,
  } = await sharedWorkspace(accounts, 'Book club');

  const memberPage = await (await newBrowserContext()).newPage();
  await signIn(memberPage, member, `/w/${workspaceId}/settings`);
  await expect(memberPage.getByRole('heading', { name: 'Book club: settings' })).toBeVisible();
  // Members see who is in; only owners get the controls.
  await expect(memberPage.getByTestId('member-row')).toHaveCount(2);
  await expect(memberPage.getByTestId('add-member-form')).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: 'Delete workspace' })).toHaveCount(0);
  await memberPage.getByRole('button', { name: 'Leave workspace' }).click();
  await memberPage
    .getByRole('dialog', { name: 'Leave Book club?' })
    .getByRole('button', { name: 'Leave workspace' })
    .click();
  await expect(boardHeading(memberPage, 'Personal')).toBeVisible();
  await expectWorkspaceNames(memberPage, ['Personal']);

  await signIn(page, owner, `/w/${workspaceId}/settings`);
  const rename = page.getByTestId('rename-workspace');
  await rename.getByLabel('Workspace name').fill('Reading circle');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'Reading circle: settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete workspace' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Reading circle?' });
  const remove = confirm.getByRole('button', { name: 'Delete workspace' });
  await expect(remove).toBeDisabled();
  await confirm.getByLabel('Type “Reading circle” to confirm').fill('Reading circle');
  await remove.click();
  await expect(boardHeading(page, 'Personal')).toBeVisible();
  const gone = api.GET('/api/v1/workspaces/{workspaceId}', { params: { path: { workspaceId } } });
  await expectAnswer(gone, 404, 'the deleted workspace');

  // A personal workspace offers neither.
  await page.getByRole('link', { name: 'Settings of Personal' }).click();
  await expect(page.getByText('it cannot be left or deleted')).toBeVisible();
  await expect(page.getByRole('button', { name: /Leave workspace|Delete workspace/ })).toHaveCount(
    0,
  );
});
