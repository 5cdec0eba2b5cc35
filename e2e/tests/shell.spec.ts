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

test('the dark-mode toggle switches the theme and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveClass(/\bdark\b/);

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.getByTestId('theme-toggle').click();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test('the interactive API docs render', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.locator('.opblock', { hasText: '/api/v1/meta' }).first()).toBeVisible();
});
