/**
 * Subset the chart fonts of this process to the characters of a batch of charts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChartFonts } from './load-fonts.js';
import { subsetTrueType, svgCharacters, type SubsetFonts } from './subset-font.js';

/**
 * Write subsets of the chart fonts holding only the glyphs the given SVG charts use into a
 * temporary folder, for a fast PNG batch (see subset-font.ts for why). Fonts that cannot be
 * subset this way (CFF outlines such as Noto Sans CJK, or fonts with glyph substitutions)
 * are used as they are. The PNGs are pixel-identical either way.
 *
 * @param fonts the fonts from `loadFonts()`
 * @param svgs every SVG of the batch
 * @returns the fonts to render with, and `cleanup` to remove the temporary files
 * @example
 * const { fonts: small, cleanup } = subsetChartFonts(loadFonts()!, svgs);
 * try { for (const svg of svgs) renderPng(svg, small); } finally { cleanup(); }
 */
export function subsetChartFonts(fonts: ChartFonts, svgs: readonly string[]): SubsetFonts {
  const text = svgCharacters(svgs);
  let dir: string | null = null;
  const files = fonts.fontFiles.map((path, i) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      return path;
    }
    const small = subsetTrueType(bytes, text);
    if (!small) return path;
    dir ??= mkdtempSync(join(tmpdir(), 'soqa-fonts-'));
    const out = join(dir, `font-${i}.ttf`);
    writeFileSync(out, small);
    return out;
  });
  return {
    fonts: { fontFiles: files, defaultFontFamily: fonts.defaultFontFamily },
    cleanup: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
