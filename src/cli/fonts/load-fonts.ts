/**
 * The chart fonts of this process: found once, then reused by every chart.
 */
import { accessSync, constants } from 'node:fs';
import { findCjkFont } from './find-cjk-font.js';

/** Fonts for `renderPng` (spread it into the options) plus where they came from. */
export interface ChartFonts {
  /** Font files to render with: the regular CJK font, then its bold if there is one. */
  fontFiles: string[];
  /** Family of the regular font, e.g. "Noto Sans CJK SC". */
  defaultFontFamily: string;
}

let memo: { fonts: ChartFonts | null } | undefined;

/**
 * Find the CJK chart font once per process ({@link findCjkFont}: SOQA_FONT, else the
 * system font folders), check the files are readable, and return the same answer on
 * every later call. The files themselves are read by the PNG renderer (@resvg/resvg-js
 * native takes paths, not buffers; loading a font there takes about 10 ms).
 *
 * @returns `{ fontFiles, defaultFontFamily }` ready for `renderPng(svg, fonts)`, or null
 *   when no CJK font is installed (the CLI then warns with `pngNeedsFont()` and writes SVG only)
 * @throws SoqaError `E_FONT_NOT_FOUND` when SOQA_FONT names a missing or non-font file
 *   (not memoised, so a fixed environment is seen on the next call)
 * @example
 * const fonts = loadFonts();
 * if (fonts) writeFileSync(png, renderPng(svg, fonts));
 */
export function loadFonts(): ChartFonts | null {
  if (memo) return memo.fonts;
  const font = findCjkFont();
  let fonts: ChartFonts | null = null;
  if (font) {
    const files = [font.path, ...(font.boldPath ? [font.boldPath] : [])].filter((p) => {
      try {
        accessSync(p, constants.R_OK);
        return true;
      } catch {
        return false;
      }
    });
    if (files[0] === font.path) fonts = { fontFiles: files, defaultFontFamily: font.family };
  }
  memo = { fonts };
  return fonts;
}
