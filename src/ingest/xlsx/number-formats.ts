/**
 * Built-in number format ids that show a date or time (ECMA-376 Part 1, 18.8.30, and the
 * East Asian built-ins 27–36 and 50–58 that Chinese Excel uses: `yyyy"年"m"月"` etc.).
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
/** Built-ins among them that show a time of day and no date. */
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47]);

/** How a cell's number format shows its number. */
export type NumberKind = 'number' | 'date' | 'datetime' | 'time';

/**
 * Classify a number format: a date, a date with a time, a time of day, or a plain number.
 * A custom format code is a date when, outside quoted text, escaped characters and
 * `[...]` sections (colours, locales, conditions), it has a y, m, d, h or s token
 * (Excel's own rule; `[h]:mm` elapsed time counts as a time).
 *
 * @param id the numFmtId
 * @param code the custom format code, when the workbook defines one for `id`
 * @returns the kind
 * @example
 * numberKind(14); // => 'date'
 * numberKind(164, 'yyyy"年"m"月"d"日"'); // => 'date'
 * numberKind(164, '0.00%'); // => 'number'
 */
export function numberKind(id: number, code?: string): NumberKind {
  if (code === undefined) {
    if (!BUILTIN_DATE_IDS.has(id)) return 'number';
    if (BUILTIN_TIME_IDS.has(id)) return 'time';
    return id === 22 ? 'datetime' : 'date';
  }
  // the first section (positive numbers) decides
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0]
    .toLowerCase();
  if (bare === 'general' || !/[ymdhs]/.test(bare.replace(/general/g, ''))) return 'number';
  const hasDate = /[yd]/.test(bare) || /m/.test(bare.replace(/(h[^a-z]*m+|m+[^a-z]*s)/g, ''));
  const hasTime = /[hs]/.test(bare);
  if (hasDate && hasTime) return 'datetime';
  return hasDate ? 'date' : 'time';
}
