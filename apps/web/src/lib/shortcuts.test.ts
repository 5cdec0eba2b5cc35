import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortcutFor } from './shortcuts.ts';

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  const element = document.body.querySelector<HTMLElement>('[data-target]');
  if (!element) throw new Error('no [data-target] in the markup');
  return element;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('shortcutFor', () => {
  const handler = vi.fn();
  const handlers = { c: handler, '?': handler, Enter: handler };

  it('fires on the page body and on checkboxes', () => {
    expect(shortcutFor(press(document.body, 'c'), handlers)).toBe(handler);
    expect(shortcutFor(press(mount('<input type="checkbox" data-target>'), 'c'), handlers)).toBe(
      handler,
    );
    expect(shortcutFor(press(document.body, '?', { shiftKey: true }), handlers)).toBe(handler);
  });

  it.each([
    ['a text input', '<input type="text" data-target>'],
    ['a search input', '<input type="search" data-target>'],
    ['a textarea', '<textarea data-target></textarea>'],
    ['a select', '<select data-target><option>a</option></select>'],
    ['an editable element', '<div contenteditable="true" data-target></div>'],
    ['a dialog', '<div role="dialog"><button data-target>x</button></div>'],
  ])('is ignored while the focus is in %s', (_where, html) => {
    expect(shortcutFor(press(mount(html), 'c'), handlers)).toBeUndefined();
  });

  it('leaves browser and system shortcuts alone', () => {
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      expect(
        shortcutFor(press(document.body, 'c', { [modifier]: true }), handlers),
      ).toBeUndefined();
    }
  });

  it('leaves Enter to the focused link or button', () => {
    expect(shortcutFor(press(mount('<a href="/x" data-target>x</a>'), 'Enter'), handlers)).toBe(
      undefined,
    );
    expect(shortcutFor(press(document.body, 'Enter'), handlers)).toBe(handler);
  });

  it('has nothing for keys without a handler', () => {
    expect(shortcutFor(press(document.body, 'q'), handlers)).toBeUndefined();
  });
});
