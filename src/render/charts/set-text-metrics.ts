/**
 * Install soqa's text-width estimate into Vega, for headless (`renderer: 'none'`) layout.
 */
import * as vega from 'vega';
import { textWidth } from './text-width.js';

/** The part of a Vega text scenegraph item the width depends on. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
}

/** Vega's (untyped) text-metrics singleton. */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
  estimateWidth: (item: TextItem, text: unknown) => number;
}

/** Vega's default font size for text items without one. */
const VEGA_DEFAULT_FONT_SIZE = 11;

/** The width function soqa installs; kept so that installing twice is a no-op. */
function soqaWidth(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  if (line === '') return 0;
  const size = item.fontSize != null ? +item.fontSize || 0 : VEGA_DEFAULT_FONT_SIZE;
  if (size <= 0) return 0;
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (w != null && Number(w) >= 600);
  return textWidth(line, size, bold);
}

/**
 * Replace `vega.textMetrics.width` with {@link textWidth} so that headless layout gives
 * CJK text 1 em per character and Latin text its real proportions. Idempotent; the
 * chart renderer calls it before every render, so callers rarely need to.
 * Note: Vega truncates text longer than a mark's `limit` itself; the bounds it computes
 * with this function are those of the untruncated text.
 *
 * @returns nothing; changes Vega's process-wide text metrics
 * @example
 * setTextMetrics();
 * const svg = await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
 */
export function setTextMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (metrics.width !== soqaWidth) metrics.width = soqaWidth;
}
