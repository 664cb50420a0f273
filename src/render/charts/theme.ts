/**
 * The shared Vega-Lite config: fonts, sizes, colours and a white background, used by
 * every soqa chart so that they look alike and render the same headless and in a browser.
 */
import type { Config } from 'vega-lite';
import { OKABE_ITO } from './palette.js';

/**
 * CSS font stack for chart text. CJK families first (they also carry Latin glyphs, so
 * one font renders both languages), then common CJK system fonts of macOS and Windows
 * for viewing the SVG there, then the generic family. The PNG renderer only has the
 * font it was given and uses it for every family in this list.
 *
 * @example
 * FONT_STACK.startsWith('"Noto Sans CJK SC"'); // => true
 */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Font sizes (px at scale 1) used by {@link CHART_CONFIG}.
 *
 * @example
 * FONT_SIZES.axisLabel; // => 11
 */
export const FONT_SIZES = {
  title: 15,
  subtitle: 12,
  axisTitle: 12,
  axisLabel: 11,
  legendTitle: 12,
  legendLabel: 11,
} as const;

const TEXT = '#222222';
const MUTED = '#555555';

/**
 * Vega-Lite config shared by all chart builders (put it at `spec.config`).
 * White background, no view frame, light grid, left-aligned title and subtitle,
 * CJK-capable font stack, and labels long enough for Chinese legend entries.
 *
 * @example
 * const spec = { config: CHART_CONFIG, mark: 'line', ... };
 */
export const CHART_CONFIG: Config = {
  background: '#ffffff',
  padding: 12,
  font: FONT_STACK,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: FONT_SIZES.title,
    fontWeight: 'bold',
    color: TEXT,
    subtitleFontSize: FONT_SIZES.subtitle,
    subtitleColor: MUTED,
    subtitlePadding: 4,
    offset: 12,
    lineHeight: 20,
  },
  axis: {
    labelFontSize: FONT_SIZES.axisLabel,
    titleFontSize: FONT_SIZES.axisTitle,
    titleFontWeight: 'normal',
    labelColor: MUTED,
    titleColor: TEXT,
    domainColor: '#888888',
    tickColor: '#888888',
    gridColor: '#e6e6e6',
    labelLimit: 220,
  },
  legend: {
    labelFontSize: FONT_SIZES.legendLabel,
    titleFontSize: FONT_SIZES.legendTitle,
    titleFontWeight: 'normal',
    labelColor: TEXT,
    titleColor: TEXT,
    labelLimit: 260,
    symbolStrokeWidth: 0,
  },
  range: {
    category: [
      OKABE_ITO.blue,
      OKABE_ITO.orange,
      OKABE_ITO.bluishGreen,
      OKABE_ITO.vermillion,
      OKABE_ITO.skyBlue,
      OKABE_ITO.reddishPurple,
      OKABE_ITO.yellow,
      OKABE_ITO.grey,
    ],
  },
  line: { strokeWidth: 2 },
  point: { size: 36, filled: true },
};
