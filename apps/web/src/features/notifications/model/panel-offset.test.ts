import { describe, expect, it } from 'vitest';
import { panelOffset } from './panel-offset.ts';

describe('panelOffset', () => {
  it('hangs the panel straight under the bell when it fits', () => {
    expect(panelOffset(400, 1280)).toBe(0);
  });

  it('moves it left when the bell is near the right edge', () => {
    // 1000 - 16 - 384 = 600: the panel's left edge, 100 px left of the bell's.
    expect(panelOffset(700, 1000)).toBe(-100);
  });

  it('spans the window less its margins when the window is narrower than the panel', () => {
    expect(panelOffset(300, 400)).toBe(16 - 300);
  });
});
