/**
 * Subset the chart fonts of this process to the characters of a batch of charts.
 */
import type { ChartFonts } from './load-fonts.js';
import { createFontSubsetter } from './font-subsetter.js';
import type { SubsetFonts } from './subset-font.js';

/**
 * Write subsets of the chart fonts holding only the glyphs the given SVG charts use into a
 * temporary folder, for a fast PNG batch (see subset-font.ts for why). Fonts that cannot be
 * subset this way (CFF outlines such as Noto Sans CJK, or fonts with glyph substitutions)
 * are used as they are. The PNGs are pixel-identical either way. One subset for the whole
 * batch; {@link createFontSubsetter} makes one per chart.
 *
 * @param fonts the fonts from `loadFonts()`
 * @param svgs every SVG of the batch
 * @returns the fonts to render with, and `cleanup` to remove the temporary files
 * @throws Error only from the file system when the temporary folder cannot be written
 * @example
 * const { fonts: small, cleanup } = subsetChartFonts(loadFonts()!, svgs);
 * try { for (const svg of svgs) renderPng(svg, small); } finally { cleanup(); }
 */
export function subsetChartFonts(fonts: ChartFonts, svgs: readonly string[]): SubsetFonts {
  const subsetter = createFontSubsetter(fonts);
  return { fonts: subsetter.fontsFor(svgs), cleanup: subsetter.cleanup };
}
