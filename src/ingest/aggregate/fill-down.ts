import type { AggregateHeader } from './map-aggregate-header.js';

/**
 * Fill a row's blank region and year cells with the row above's (merged cells of a yearbook
 * table exported as blanks), and remember the row's own for the next.
 *
 * @param fields the row (changed in place)
 * @param h the header
 * @param above the region and year of the row above
 * @returns the cells filled
 * @example
 * const above = { region: '', year: '' };
 * fillDown(['呼和浩特市', '2022', '社会团体', '50'], h, above); // => 0
 * fillDown(['', '', '基金会', '10'], h, above); // => 2 (the row now reads 呼和浩特市, 2022)
 */
export function fillDown(fields: string[], h: AggregateHeader, above: { region: string; year: string }): number {
  let n = 0;
  for (const d of ['region', 'year'] as const) {
    const c = h[d];
    if (c < 0 || c >= fields.length) continue;
    if (fields[c].trim() === '') {
      if (above[d] !== '') {
        fields[c] = above[d];
        n++;
      }
    } else above[d] = fields[c];
  }
  return n;
}
