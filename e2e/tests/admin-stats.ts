import { expect, type Page, type Request } from '@playwright/test';
import type { Schemas } from './api-client.ts';

type AdminStats = Schemas['AdminStats'];
type Answer = { askedAt: number; endedAt: number; stats: AdminStats };

/**
 * How often the dashboard polls its figures (STATS_REFRESH_MS in apps/web). TanStack Query starts
 * the interval again on every answer, so a poll is never asked for sooner after the last answer.
 */
const POLL_MS = 15_000;

const isStats = (request: Request) =>
  new URL(request.url()).pathname === '/api/v1/admin/stats' && request.method() === 'GET';

/** A figure of the dashboard, as a number (it is shown with the browser's digit grouping). */
export const figure = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .textContent()
    .then((text) => Number(text?.replace(/\D/g, '')));

/** Every answer the dashboard gets for its figures, with when it was asked for and ended. */
export function watchStats(page: Page) {
  const answers: Answer[] = [];
  page.on('requestfinished', async (request) => {
    const response = isStats(request) ? await request.response() : null;
    if (!response?.ok()) return;
    const { startTime, responseEnd } = request.timing();
    const stats = (await response.json()) as AdminStats;
    answers.push({ askedAt: startTime, endedAt: startTime + responseEnd, stats });
  });
  const inOrder = () => answers.toSorted((a, b) => a.askedAt - b.askedAt);

  return {
    /**
     * Waits for an answer that `shows` the change and was asked for sooner after the one before
     * than the poll could have been: a live event made the page ask.
     */
    async refreshedLive(shows: (stats: AdminStats) => boolean) {
      const live = () =>
        inOrder().some(
          (answer, i, all) =>
            shows(answer.stats) && answer.askedAt - (all[i - 1]?.endedAt ?? 0) < POLL_MS,
        );
      await expect.poll(live, { message: 'figures refreshed sooner than the poll' }).toBe(true);
    },
    /** Waits for the poll that brings the change (the stream does not carry it). */
    async polled(page: Page, shows: (stats: AdminStats) => boolean) {
      await page.waitForResponse(
        async (response) =>
          isStats(response.request()) && shows((await response.json()) as AdminStats),
      );
    },
  };
}
