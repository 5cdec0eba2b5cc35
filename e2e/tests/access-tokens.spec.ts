import { signIn } from './accounts.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { expectNoPageOverflow } from './overflow.ts';
import { createTasks, personalWorkspace } from './tasks-api.ts';

test('a token made on the account page lists tasks for a script, until it is revoked', async ({
  page,
  accounts,
  request,
}) => {
  const { account, api } = await accounts.create();
  const workspaceId = await personalWorkspace(api);
  await createTasks(api, workspaceId, ['Read by a script']);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, account, '/account');

  const card = page.getByTestId('access-tokens');
  await expect(card.getByTestId('access-tokens-empty')).toBeVisible();
  await card.getByLabel('Token purpose').fill('E2E script');
  await card.getByLabel('Access').selectOption('read');
  await card.getByLabel('Expires').selectOption('7');
  await card.getByRole('button', { name: 'Create token' }).click();
  const secret = card.getByRole('textbox', { name: 'The token E2E script' });
  await expect(secret).toHaveValue(/^tf_pat_[0-9A-Za-z]{49}$/);
  const token = await secret.inputValue();
  await expectNoPageOverflow(page, 'the account page with a new token');
  await expectNoSeriousA11yViolations(page, 'the account page with a new token');

  const script = { authorization: `Bearer ${token}` };
  const listed = await request.get(`/api/v1/workspaces/${workspaceId}/tasks`, { headers: script });
  expect(listed.status()).toBe(200);
  const titles = ((await listed.json()) as { items: { title: string }[] }).items.map(
    (t) => t.title,
  );
  expect(titles).toEqual(['Read by a script']);
  const write = await request.post(`/api/v1/workspaces/${workspaceId}/tasks`, {
    headers: script,
    data: { title: 'Refused' },
  });
  expect(write.status()).toBe(403);

  await card.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toHaveCount(0);
  await page.reload();
  const row = card.getByTestId('access-token-item');
  await expect(row.getByTestId('access-token-name')).toHaveText('E2E script');
  await expect(row.getByTestId('access-token-last-used')).toContainText('Last used');
  await expect(row).toContainText(`tf_pat_…${token.slice(-4)}`);

  await row.getByRole('button', { name: 'Revoke the token E2E script' }).click();
  await row.getByRole('button', { name: 'Revoke token' }).click();
  await expect(card.getByTestId('access-tokens-empty')).toBeVisible();
  const after = await request.get(`/api/v1/workspaces/${workspaceId}/tasks`, { headers: script });
  expect(after.status()).toBe(401);
});
