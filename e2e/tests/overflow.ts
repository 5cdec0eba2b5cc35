import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/*
 * Evaluated in the page (this project's types have no DOM): null when the page is no wider than
 * the window, else its width and the first elements reaching past the window's right edge. On an
 * emulated phone `innerWidth` grows with content wider than the screen (the page is zoomed out
 * to fit), so the width compared with is the root's client width, the screen's, as well.
 */
const measure = `(() => {
  const root = document.documentElement;
  const width = Math.min(window.innerWidth, root.clientWidth);
  if (root.scrollWidth <= width) return null;
  const past = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' +
      (el.getAttribute('data-testid') ?? el.className.toString().slice(0, 80)) +
      ' (right ' + Math.round(el.getBoundingClientRect().right) + ')');
  return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, width, past };
})()`;

/** The page does not scroll sideways: `document.documentElement.scrollWidth <= innerWidth`. */
export async function expectNoPageOverflow(page: Page, what: string) {
  expect(await page.evaluate(measure), `${what} is wider than the window`).toBeNull();
}
