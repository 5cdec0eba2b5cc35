import { expect, type Page } from '@playwright/test';

/** The header's workspace picker, opened: its search field and its options' names. */
async function openPicker(page: Page) {
  await page
    .getByTestId('workspace-switcher')
    .getByRole('button', { name: /Switch workspace$|^Open a workspace$/ })
    .click();
  const list = page.getByRole('listbox', { name: 'Workspaces' });
  await expect(list).toBeVisible();
  return list;
}

/** The names the picker lists, in order; it is closed again after. */
export async function expectWorkspaceNames(page: Page, names: string[]) {
  const list = await openPicker(page);
  await expect(list.getByTestId('workspace-option-name')).toHaveText(names);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
}

/** Opens a workspace from the picker, searching for it by name as a user would. */
export async function pickWorkspace(page: Page, name: string) {
  await openPicker(page);
  await page.getByRole('combobox', { name: 'Search workspaces' }).fill(name);
  await page.getByRole('option', { name }).click();
}
