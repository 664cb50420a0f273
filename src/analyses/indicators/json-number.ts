/**
 * A number for results.json: finite numbers as they are, NaN and ±Infinity as null (JSON
 * has no NaN).
 *
 * @param x any number
 * @returns x, or null when it is not finite
 * @example
 * jsonNumber(NaN); // => null
 */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
