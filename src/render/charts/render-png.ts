/**
 * SVG → PNG with resvg, using only the fonts it is given.
 */
import { Resvg } from '@resvg/resvg-js';
import { chartBadValue, pngNeedsFont } from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';

/**
 * Options of {@link renderPng}. The CLI's `loadFonts()` (src/cli/fonts) returns an object
 * with exactly `fontFiles` and `defaultFontFamily`, so it can be spread in.
 */
export interface RenderPngOptions {
  /**
   * Paths of the font files to render with (e.g. NotoSansCJK-Regular.ttc and its Bold);
   * must not be empty. These are paths, not buffers: the native @resvg/resvg-js 2.x
   * binding only loads fonts from files (`fontBuffers` exists only in its Wasm build,
   * and the native build silently ignores the whole font option when given it).
   */
  fontFiles: readonly string[];
  /**
   * Family used for generic `sans-serif`/`serif`/`monospace` and for text whose
   * families are all missing; the family of `fontFiles[0]`, e.g. "Noto Sans CJK SC".
   */
  defaultFontFamily: string;
  /** Zoom factor; 2 gives a crisp image for reports and slides (default 2). */
  scale?: number;
}

/**
 * Rasterise chart SVG to PNG with @resvg/resvg-js. System fonts are NOT loaded, so the
 * output depends only on the given font files; the CJK font stack of the chart theme
 * ends in `sans-serif`, which maps to `defaultFontFamily`.
 *
 * @param svg SVG markup, e.g. from `renderSvg`
 * @param options `fontFiles` (required, non-empty), `defaultFontFamily` (required),
 *   `scale` (default 2)
 * @returns PNG bytes
 * @throws SoqaError `E_NO_FONT` (exit code 2) when `fontFiles` is empty: a PNG without
 *   fonts would have no visible text, so callers should warn and keep only the SVG
 * @throws SoqaError `E_BAD_OPTION` (exit code 3) when `scale` is not a positive number
 * @example
 * const fonts = loadFonts(); // src/cli/fonts/load-fonts.ts
 * if (fonts) writeFileSync('chart.png', renderPng(svg, fonts));
 * else logger.warn(pngNeedsFont());
 */
export function renderPng(svg: string, options: RenderPngOptions): Buffer {
  const { fontFiles, defaultFontFamily, scale = 2 } = options;
  if (fontFiles.length === 0) {
    throw new SoqaError('E_NO_FONT', pngNeedsFont());
  }
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new SoqaError('E_BAD_OPTION', chartBadValue('PNG', 'scale', scale, 'a positive number'));
  }
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [...fontFiles],
      loadSystemFonts: false,
      defaultFontFamily,
      sansSerifFamily: defaultFontFamily,
      serifFamily: defaultFontFamily,
      monospaceFamily: defaultFontFamily,
    },
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
