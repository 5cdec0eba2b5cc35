import type { BrowserContext, Page } from '@playwright/test';

/**
 * Lets `page`'s next POST /api/v1/auth/refresh reach the server (which rotates the cookie at
 * once) but holds the answer, and so the new cookie, until `release()`.
 */
export async function holdNextRefresh(page: Page, context: BrowserContext) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached = () => {};
  const reachedServer = new Promise<void>((resolve) => {
    reached = resolve;
  });
  await page.route(
    '**/api/v1/auth/refresh',
    async (route) => {
      // Sent from here rather than with route.fetch(), which would store the new cookie in the
      // browser before the page gets its answer.
      const request = route.request();
      const cookies = await context.cookies(request.url());
      const response = await fetch(request.url(), {
        method: 'POST',
        headers: {
          ...(await request.allHeaders()),
          cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        },
      });
      reached();
      await held;
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
    { times: 1 },
  );
  return { reachedServer, release };
}

/** How many requests for the refresh lock wait in this page's origin (-1 while it loads). */
export function pendingRefreshLocks(page: Page): Promise<number> {
  return page
    .evaluate<number>(
      "navigator.locks.query().then((s) => s.pending.filter((l) => l.name === 'taskflow-refresh').length)",
    )
    .catch(() => -1);
}
