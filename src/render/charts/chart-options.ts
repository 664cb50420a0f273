/**
 * Options every soqa chart builder takes.
 */
import type { Lang } from './labels.js';

/**
 * Options shared by the chart builders in `specs/`.
 *
 * @example
 * const options: ChartOptions = { lang: 'zh', title: '民办非企业单位占比过半' };
 */
export interface ChartOptions {
  /** Language of axis titles, legend and category labels. */
  lang: Lang;
  /**
   * Chart title; soqa titles state the finding ("民办非企业单位数量 2021 年超过社会团体"),
   * not the chart type. An array gives one line per element.
   */
  title: string | string[];
  /** Optional subtitle, e.g. the source or the unit note; an array gives several lines. */
  subtitle?: string | string[];
  /** Plot width in px, without axes and legend (default 480). */
  width?: number;
  /** Plot height in px (default 260). */
  height?: number;
}

/**
 * Default plot size of soqa charts (px at scale 1).
 *
 * @example
 * DEFAULT_CHART_SIZE.width; // => 480
 */
export const DEFAULT_CHART_SIZE = { width: 480, height: 260 } as const;
