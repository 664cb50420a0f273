/** Cell references of a worksheet (`A1` notation). */

/**
 * Column number (1-based) of a cell reference's letters, or 0.
 *
 * @param ref a cell reference such as `AA7`
 * @returns the column number
 * @example
 * columnOf('AA7'); // => 27
 */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/**
 * Row number of a cell reference, or 0.
 *
 * @param ref a cell reference such as `B12`
 * @returns the row number
 * @example
 * rowOf('B12'); // => 12
 */
export function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}
