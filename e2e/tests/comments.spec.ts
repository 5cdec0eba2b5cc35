import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { expectPushed, openLive } from './live.ts';
import { gradientPng } from './png.ts';
import { createTasks, sharedWorkspace } from './tasks-api.ts';

const bellOf = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

test('a comment that mentions a member and an attached image reach them live, the mention notifies them, and the task page shows its history', async ({
  page,
  accounts,
  newBrowserContext,
}) => {
  const { owner, ownerApi, member, workspaceId } = await sharedWorkspace(accounts, 'Talk crew');
  const title = 'Write the release notes';
  const task = (
    await createTasks(ownerApi, workspaceId, [{ title, description: 'Draft the **first** part' }])
  )(title);
  const taskPage = `/w/${workspaceId}/t/${task.id}`;
  const theirs = await (await newBrowserContext()).newPage();
  await openLive(page, owner, taskPage);
  await openLive(theirs, member, taskPage);

  // The description is rendered Markdown.
  const description = theirs.getByRole('region', { name: 'Description' });
  await expect(description.locator('strong')).toHaveText('first');

  // The owner writes a comment and picks the member from the mention list.
  const composer = page.getByRole('combobox', { name: 'Comment' });
  await composer.fill('Could you check this, ');
  // A word of the member's name (`User <id>`) is enough to find them.
  await composer.pressSequentially(`@${member.name.split(' ')[1]?.slice(0, 6)}`);
  await page.getByRole('option', { name: new RegExp(member.name) }).click();
  await composer.pressSequentially(' before Friday?');
  const comment = (p: Page) =>
    p.getByTestId('timeline-comment').filter({ hasText: 'Could you check this' });
  await expectPushed(
    [theirs],
    () => composer.press('Control+Enter'),
    async (p) => {
      await expect(comment(p)).toContainText(`@${member.name}`);
      await expect(bellOf(p)).toHaveAccessibleName('Notifications, 1 unread');
    },
  );
  await expect(comment(page)).toBeVisible();

  // The owner attaches an image with the button; the member sees it arrive, then its thumbnail,
  // which a background job makes, and the history says who attached it.
  const fileName = 'screenshot.png';
  const attached = (p: Page) => p.getByTestId('attachment').filter({ hasText: fileName });
  await expectPushed(
    [theirs],
    async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach files' }).click();
      await (await chooser).setFiles({
        name: fileName,
        mimeType: 'image/png',
        buffer: gradientPng(64),
      });
    },
    async (p) => {
      const thumbnail = attached(p).getByTestId('attachment-thumbnail');
      await expect(thumbnail).toBeVisible();
      await expect
        .poll(() => thumbnail.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
        .toBeGreaterThan(0);
      await expect(
        p.getByTestId('timeline-history').filter({ hasText: `${owner.name} attached ${fileName}` }),
      ).toBeVisible();
    },
  );
  await expect(attached(page).getByTestId('attachment-link')).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  // The notification opens the task page, where the history tells what happened.
  await bellOf(theirs).click();
  await theirs
    .getByRole('link', { name: `Unread: ${owner.name} mentioned you on “${title}”` })
    .click();
  await expect(theirs).toHaveURL(taskPage);
  await expect(theirs.getByTestId('task-page-title')).toHaveText(title);
  await expect(theirs.getByTestId('timeline-history').first()).toBeVisible();
  const attachedEntry = theirs
    .getByTestId('timeline-history')
    .filter({ hasText: `${owner.name} attached ${fileName}` });
  await expect(attachedEntry.getByTestId('timeline-thumbnail')).toBeVisible();
  await expectNoSeriousA11yViolations(theirs, 'the task page');

  // On a phone the page fits its width: nothing scrolls sideways.
  await theirs.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => theirs.locator('html').evaluate((html) => html.scrollWidth))
    .toBeLessThanOrEqual(390);
});
