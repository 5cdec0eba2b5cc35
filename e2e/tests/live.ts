import { expect, type Page, type Request, type Response } from '@playwright/test';
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

/** Reads of tasks and notifications: what a page would do to learn a change by asking. */
const isRead = (request: Request) =>
  request.method() === 'GET' &&
  /^\/api\/v1\/(workspaces\/[^/]+\/tasks|notifications)\b/.test(new URL(request.url()).pathname);

/**
 * Does `action`, then waits until every page `shows` the change. None of them may read tasks or
 * notifications meanwhile: the change reached them through their streams, not by a refetch.
 */
export async function expectPushed(
  pages: Page[],
  action: () => Promise<unknown>,
  shows: (page: Page) => Promise<unknown>,
) {
  const reads: string[] = [];
  const onRequest = (request: Request) => {
    if (isRead(request)) reads.push(`${request.method()} ${request.url()}`);
  };
  for (const page of pages) page.on('request', onRequest);
  try {
    await action();
    await Promise.all(pages.map(shows));
  } finally {
    for (const page of pages) page.off('request', onRequest);
  }
  expect(reads, 'reads while the change was on its way').toEqual([]);
}
