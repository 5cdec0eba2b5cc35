import type { Page } from '@playwright/test';
import { newAccount, signIn } from './accounts.ts';
import { type Api, expectAnswer } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createWorkspace } from './tasks-api.ts';

/** The `/invite#…` path of the newest invitation mailed to `to`, from the development outbox. */
async function mailedInvitation(adminApi: Api, to: string): Promise<string> {
  const pattern = /\/invite#[\w-]+/;
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const outbox = adminApi.GET('/api/v1/admin/mail-outbox');
        const { items } = await expectAnswer(outbox, 200, 'the mail outbox');
        link = items.find((m) => m.to === to && pattern.test(m.text))?.text.match(pattern)?.[0];
        return link;
      },
      { message: `an invitation mailed to ${to}` },
    )
    .toBeTruthy();
  return link as string;
}

const boardHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

async function checkBothSizes(page: Page, what: string) {
  await expectNoSeriousA11yViolations(page, `${what} (desktop)`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(page, `${what} (390×844)`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('an emailed invitation lets a new person sign up, land in the workspace and be told', async ({
  page,
  context,
  accounts,
  adminApi,
}) => {
  const { account: owner, api } = await accounts.create();
  const name = `Invited ${Date.now().toString(36)}`;
  const workspaceId = await createWorkspace(api, name);
  await signIn(page, owner, `/w/${workspaceId}/settings`);

  const invitee = newAccount();
  const card = page.getByTestId('invite-people');
  const form = card.getByTestId('invite-email-form');
  await form.getByLabel('Email').fill(invitee.email);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(card.getByTestId('invitation-sent')).toHaveText(
    `Invitation sent to ${invitee.email}.`,
  );
  await expect(card.getByTestId('invitation-row')).toContainText(invitee.email);
  await checkBothSizes(page, 'workspace settings with invitations');

  // The invitee, signed out in this browser, follows the mailed link.
  const link = await mailedInvitation(adminApi, invitee.email);
  await context.clearCookies();
  await page.goto(link);
  const invitation = page.getByTestId('invitation');
  await expect(invitation.getByRole('heading', { name: `Join “${name}”` })).toBeVisible();
  await checkBothSizes(page, 'the invitation page, signed out');

  const signUp = page.getByTestId('join-sign-up-form');
  await expect(signUp.getByLabel('Email')).toHaveValue(invitee.email);
  await signUp.getByLabel('Name').fill(invitee.name);
  await signUp.getByLabel('Password').fill(invitee.password);
  accounts.track(invitee);
  await signUp.getByRole('button', { name: 'Create account and join' }).click();

  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
  await expect(boardHeading(page, name)).toBeVisible();
  await expect(page.getByTestId('unread-badge')).toBeVisible();
  await page.getByTestId('notifications-button').click();
  await expect(page.getByTestId('notification').first()).toContainText(`You joined “${name}”`);
});

test('an invite link lets an existing account join the workspace', async ({
  page,
  context,
  accounts,
}) => {
  const { account: owner, api } = await accounts.create();
  const { account: joiner } = await accounts.create();
  const name = `Linked ${Date.now().toString(36)}`;
  const workspaceId = await createWorkspace(api, name);
  await signIn(page, owner, `/w/${workspaceId}/settings`);

  const linkForm = page.getByTestId('invite-link-form');
  await linkForm.getByLabel('Can be used').selectOption('1');
  await linkForm.getByRole('button', { name: 'Create invite link' }).click();
  const url = await linkForm.getByTestId('invite-link').getByRole('textbox').inputValue();
  expect(url).toMatch(/\/invite#[\w-]+$/);
  await expect(page.getByTestId('invitation-row')).toContainText('used 0 of 1');

  await context.clearCookies();
  await signIn(page, joiner, new URL(url).pathname + new URL(url).hash);
  const invitation = page.getByTestId('invitation');
  await expect(invitation.getByRole('heading', { name: `Join “${name}”` })).toBeVisible();
  await checkBothSizes(page, 'the invitation page, signed in');
  await invitation.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
  await expect(boardHeading(page, name)).toBeVisible();
});
