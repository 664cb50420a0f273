/**
 * The x encoding of yearly charts.
 */
import { t, type Lang } from '../labels.js';

/** At most this many years get a tick each; more years get automatic integer ticks. */
const MAX_LABELLED_YEARS = 12;

/**
 * Vega-Lite x encoding for a `year` field: quantitative (so gaps between observed years
 * keep their true width), integer labels without thousands separators, the domain exactly
 * from first to last year, and a tick at every observed year when there are at most 12.
 *
 * @param years observed years, ascending, non-empty
 * @param lang axis title language
 * @returns the `encoding.x` object
 * @example
 * yearX([2012, 2021, 2022], 'en').axis.values; // => [2012, 2021, 2022]
 */
export function yearX(years: readonly number[], lang: Lang) {
  const first = years[0];
  const last = years[years.length - 1];
  return {
    field: 'year',
    type: 'quantitative' as const,
    title: t('axis.year', lang),
    scale: { domain: first === last ? [first - 1, last + 1] : [first, last], nice: false, zero: false },
    axis: {
      format: 'd',
      grid: false,
      labelFlush: true,
      ...(years.length <= MAX_LABELLED_YEARS ? { values: [...years] } : { tickMinStep: 1 }),
    },
  };
}
