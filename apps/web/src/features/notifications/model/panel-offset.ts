/** The panel's width (24rem) and the least room it leaves at the window's edges (1rem). */
const PANEL_WIDTH = 384;
const MARGIN = 16;

/**
 * How far the panel is moved from the bell's left edge (CSS `left`, in pixels) so that it hangs
 * under the bell yet stays inside a window `viewport` pixels wide. Its width must match the
 * panel's CSS: 24rem, or the window less the margins when narrower.
 */
export function panelOffset(bellLeft: number, viewport: number): number {
  const width = Math.min(PANEL_WIDTH, viewport - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(bellLeft, viewport - MARGIN - width));
  return left - bellLeft;
}
