/**
 * Sort numbers ascending in place through a typed array's native sort (no comparator
 * calls): the order of `xs.sort((x, y) => x - y)` for numbers without NaN (equal values are
 * interchangeable; −0 goes before 0).
 *
 * @param xs the numbers (no NaN)
 * @example
 * const xs = [0.3, 0.1, 0.2];
 * sortNumbers(xs); // xs => [0.1, 0.2, 0.3]
 */
export function sortNumbers(xs: number[]): void {
  const sorted = Float64Array.from(xs).sort();
  for (let k = 0; k < xs.length; k++) xs[k] = sorted[k];
}
