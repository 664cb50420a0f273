import { measureError } from '../../measure-error.js';

/**
 * Check a direction vector: one entry per indicator, each `1` (positive/benefit) or `-1`
 * (negative/cost), and `0` (already normalised, keep) when `allowKeep` is set.
 * Internal helper, not part of the barrel.
 *
 * @param measure name of the public function, used in the message
 * @param directions one direction per indicator
 * @param cols expected number of directions
 * @param allowKeep whether `0` is accepted (default false)
 * @returns nothing
 * @throws MeasureError `E_MEASURE_INPUT` on wrong length or an unknown direction
 * @example
 * checkDirections('f', [1, -1], 2); // => undefined (no error)
 */
export function checkDirections(measure: string, directions: readonly number[], cols: number, allowKeep = false): void {
  if (!Array.isArray(directions) || directions.length !== cols) {
    throw measureError(
      measure,
      `expected ${cols} directions (one per indicator), got ${Array.isArray(directions) ? directions.length : 0}`,
    );
  }
  directions.forEach((d, j) => {
    if (d !== 1 && d !== -1 && !(allowKeep && d === 0)) {
      throw measureError(
        measure,
        `direction ${j} must be 1 (positive) or -1 (negative)${allowKeep ? ' or 0 (already normalised)' : ''}, got ${String(d)}`,
      );
    }
  });
}
