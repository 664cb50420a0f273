/**
 * Resolve the yearly-bulletin options against the years of the data.
 */
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { BulletinYears } from '../../analyses/bulletin/bulletin-section.js';
import type { BulletinOption } from '../options.js';

/**
 * The bulletin year and comparison year: `--year` (default: the last year of the data) and
 * `--compare` (default: the last year of the data before the bulletin year), both required
 * to be years of the data.
 *
 * @param option the parsed `--year`/`--compare` (undefined: no bulletin)
 * @param dataYears the years of the data (results.json `counts.years`), any order
 * @returns the two years, or undefined without a bulletin
 * @throws SoqaError E_BAD_OPTION (exit 3) for a year not in the data, or no earlier year
 * @example
 * resolveBulletinYears({ year: 2024 }, [2022, 2023, 2024]); // => { year: 2024, compare: 2023 }
 */
export function resolveBulletinYears(
  option: BulletinOption | undefined,
  dataYears: readonly number[],
): BulletinYears | undefined {
  if (!option) return undefined;
  const years = [...new Set(dataYears)].sort((a, b) => a - b);
  const year = option.year ?? years[years.length - 1];
  if (year === undefined || !years.includes(year))
    throw new SoqaError('E_BAD_OPTION', msg.bulletinYearNotInData('--year', option.year ?? Number.NaN, years));
  if (option.compare !== undefined && !years.includes(option.compare))
    throw new SoqaError('E_BAD_OPTION', msg.bulletinYearNotInData('--compare', option.compare, years));
  if (option.compare !== undefined && option.compare >= year)
    throw new SoqaError('E_BAD_OPTION', msg.bulletinCompareNotBefore(option.compare, year));
  const compare = option.compare ?? years.filter((y) => y < year).at(-1);
  if (compare === undefined) throw new SoqaError('E_BAD_OPTION', msg.bulletinNoEarlierYear(year));
  return { year, compare };
}
