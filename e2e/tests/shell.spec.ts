import { expect, test } from './fixtures.ts';

test('the SPA loads and shows the server meta', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'TaskFlow' })).toBeVisible();
  await expect(page.getByTestId('meta-name')).toHaveText('TaskFlow');
  await expect(page.getByTestId('meta-mode')).toHaveText('embedded');
  await expect(page.getByTestId('meta-version')).not.toBeEmpty();
});

test('an unknown route shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('meta-name')).toHaveText('TaskFlow');
});

test('the theme is the system’s until chosen, survives a reload, and can follow the system again', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(html).not.toHaveClass(/\bdark\b/);
  // Following the system live: the page turns dark with it, without a reload.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('dark');
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(theme).toHaveValue('dark');

  await theme.selectOption('system');
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(theme).toHaveValue('system');
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test('the interactive API docs render', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.locator('.opblock', { hasText: '/api/v1/meta' }).first()).toBeVisible();
});
