import { checkValues } from './internal/check-values.js';
import { measureError } from '../measure-error.js';

/**
 * Share of the total held by a named subset of units (e.g. the provincial capital and the
 * two largest cities).
 *
 * @param values non-negative size per unit name, not all 0
 * @param subset names of the units to add up; each must be a key of `values`, duplicates
 *   count once
 * @returns the subset's share in [0, 1]
 * @throws MeasureError `E_MEASURE_INPUT` for no units, negative or non-finite sizes, a zero
 *   total, or a subset name that is not among the units
 * @example
 * groupShare({ Hohhot: 30, Baotou: 20, Ordos: 50 }, ['Hohhot', 'Baotou']); // => 0.5
 */
export function groupShare(values: Readonly<Record<string, number>>, subset: readonly string[]): number {
  const names = Object.keys(values);
  const total = checkValues(
    'groupShare',
    names.map((name) => values[name]),
  );
  if (!(total > 0)) {
    throw measureError('groupShare', 'values must not all be 0 (their sum is the denominator)');
  }
  let part = 0;
  for (const name of new Set(subset)) {
    if (!Object.hasOwn(values, name)) {
      throw measureError(
        'groupShare',
        `subset name ${JSON.stringify(name)} is not one of the units (${names.map((s) => JSON.stringify(s)).join(', ')})`,
      );
    }
    part += values[name];
  }
  return part / total;
}
