import { expectAnswer } from './api-client.ts';
import { expect, test } from './fixtures.ts';
import { openLive } from './live.ts';
import { createTasks } from './tasks-api.ts';

test('a task’s copied link, pasted in a comment, opens that task in the app; deleted while open, it says so and comes back with Restore', async ({
  page,
  context,
  personalBoard: { account, api, workspaceId },
}) => {
  const tasks = await createTasks(api, workspaceId, ['Book the venue', 'Print the badges']);
  const venue = tasks('Book the venue');
  const badges = tasks('Print the badges');
  const badgesPage = `/w/${workspaceId}/t/${badges.id}`;
  const title = page.getByTestId('task-page-title');

  // The badges task's page copies its address.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLive(page, account, badgesPage);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(new URL(copied).pathname).toBe(badgesPage);

  // Pasted in a comment on another task, it shows as a link named by the task's title.
  await openLive(page, null, `/w/${workspaceId}/t/${venue.id}`);
  const composer = page.getByRole('combobox', { name: 'Comment' });
  await composer.fill(`Needs ${copied} first.`);
  await composer.press('Control+Enter');
  const link = page.getByTestId('timeline-comment').getByRole('link', { name: 'Print the badges' });
  await expect(link).toBeVisible();

  // Following it changes the page without loading the app again.
  await page.evaluate('window.sameDocument = true');
  await link.click();
  await expect(page).toHaveURL(badgesPage);
  await expect(title).toHaveText('Print the badges');
  expect(await page.evaluate('window.sameDocument')).toBe(true);

  // Deleted elsewhere while its page is open: the page says so, and Restore brings it back.
  const deleted = api.DELETE('/api/v1/workspaces/{workspaceId}/tasks/{taskId}', {
    params: { path: { workspaceId, taskId: badges.id } },
  });
  await expectAnswer(deleted, 204, 'delete Print the badges');
  await expect(page.getByRole('heading', { name: 'This task was deleted' })).toBeVisible();
  await expect(page.getByTestId('task-deleted-by')).toHaveText(/^You deleted it /);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(title).toHaveText('Print the badges');
  await expect(page.getByTestId('task-deleted')).toHaveCount(0);
});
