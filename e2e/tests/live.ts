import { expect, type Frame, type Page, type Response } from '@playwright/test';
import { type Credentials, signIn } from './accounts.ts';

const isStream = (response: Response) =>
  new URL(response.url()).pathname === '/api/v1/events' && response.ok();

/** The page's stream has connected again (after a failure, say), and says it is live. */
export async function expectStreamOpened(page: Page, opened: Promise<Response>) {
  await opened;
  // The server's first message, `ready`, follows the headers.
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

/**
 * Opens `path` (signed in as `account`, or with the session the page has) and waits until its
 * stream is open, so that what follows is a live update.
 */
export async function openLive(page: Page, account: Credentials | null, path: string) {
  const opened = page.waitForResponse(isStream);
  if (account) await signIn(page, account, path);
  else await page.goto(path);
  await expectStreamOpened(page, opened);
}

/** The stream's next successful connection from `page`, to wait for once it is allowed. */
export const nextStream = (page: Page) => page.waitForResponse(isStream);

/**
 * Does `action` in one page, then waits until every other page `shows` the change, without a
 * reload: the board polls nothing, so what reaches them arrives through their streams (a page
 * may still refetch a column an event touched, as the board does when it cannot place a task).
 */
export async function expectPushed(
  pages: Page[],
  action: () => Promise<unknown>,
  shows: (page: Page) => Promise<unknown>,
) {
  const navigations: string[] = [];
  const onNavigation = (frame: Frame) => {
    if (frame === frame.page().mainFrame()) navigations.push(frame.url());
  };
  for (const page of pages) page.on('framenavigated', onNavigation);
  try {
    await action();
    await Promise.all(pages.map(shows));
  } finally {
    for (const page of pages) page.off('framenavigated', onNavigation);
  }
  expect(navigations, 'pages reloaded while the change was on its way').toEqual([]);
}
