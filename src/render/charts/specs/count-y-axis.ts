/**
 * Axis title and labels for organization counts, in the units readers expect.
 */
import { t, type Lang } from '../labels.js';

/**
 * Axis for organization counts. Large counts are labelled in the unit readers of each
 * language use: 万家 (10,000) in Chinese from a maximum of 100,000, thousands in English
 * from 10,000; smaller counts are labelled as they are. The data keep exact counts.
 *
 * @param max the largest value the axis shows (e.g. the largest stacked total), ≥ 0
 * @param lang language
 * @returns `{ title, axis }` for a quantitative y encoding
 * @example
 * countYAxis(901887, 'zh').title; // => '组织数（万家）'
 * countYAxis(901887, 'en').title; // => 'Organizations (thousands)'
 */
export function countYAxis(max: number, lang: Lang) {
  const divisor = lang === 'zh' ? (max >= 1e5 ? 1e4 : 1) : max >= 1e4 ? 1e3 : 1;
  const title =
    divisor === 1e4
      ? t('axis.organizations_10k', lang)
      : divisor === 1e3
        ? t('axis.organizations_thousands', lang)
        : t('axis.organizations', lang);
  return {
    title,
    axis: divisor === 1 ? { format: ',~d' } : { labelExpr: `format(datum.value / ${divisor}, ',~f')` },
  };
}
