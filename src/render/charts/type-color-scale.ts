/**
 * Colour scale for charts coloured by organization type.
 */
import type { OrgType } from '../../dataset/fields.js';
import { t, type Lang } from './labels.js';
import { TYPE_COLORS } from './palette.js';

/** A Vega-Lite colour scale with an explicit domain and range. */
export interface CategoryColorScale {
  /** Category labels, in legend order. */
  domain: string[];
  /** Colours, parallel to `domain`. */
  range: string[];
}

/**
 * Colour scale mapping organization-type labels (in the chart's language) to the
 * fixed type colours, for the types the chart shows, in the given order. Use the
 * label (not the code) as the colour field so the legend needs no label expression.
 *
 * @param types organization type codes present in the chart, in legend order
 * @param lang label language
 * @returns `{ domain, range }` for `encoding.color.scale`
 * @example
 * typeColorScale(['social_group', 'foundation'], 'zh');
 * // => { domain: ['社会团体', '基金会'], range: ['#0072B2', '#009E73'] }
 */
export function typeColorScale(types: readonly OrgType[], lang: Lang): CategoryColorScale {
  return {
    domain: types.map((ty) => t(`type.${ty}`, lang)),
    range: types.map((ty) => TYPE_COLORS[ty]),
  };
}
