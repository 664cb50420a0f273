/**
 * Rows per block when a column is read block by block: 8,192 (64 KiB of doubles, well
 * inside the CPU cache).
 */
export const BLOCK_ROWS = 8192;

/**
 * Copy rows `[from, to)` of a column into the start of `into` (converting to its element
 * type). Loops over dataset columns read faster from such a block than from the column
 * itself: dataset columns may be 4- or 8-byte floats (a loop over both is polymorphic) and
 * views of resizable buffers (element reads through a bounds check against the buffer's
 * current length, several times slower in Node 20's V8); the copy is one bulk `set`.
 *
 * @param col a typed array or any array of numbers
 * @param from first row
 * @param to one past the last row (at most `from + into.length`)
 * @param into the block
 * @returns `into`
 * @example
 * const block = new Float64Array(BLOCK_ROWS);
 * for (let a = 0; a < n; a += BLOCK_ROWS) { const b = Math.min(n, a + BLOCK_ROWS); copyRows(col, a, b, block); … block[i - a] … }
 */
export function copyRows<T extends Float64Array | Int32Array>(
  col: ArrayLike<number>,
  from: number,
  to: number,
  into: T,
): T {
  if (ArrayBuffer.isView(col)) into.set((col as unknown as Float64Array).subarray(from, to));
  else for (let i = from; i < to; i++) into[i - from] = col[i];
  return into;
}

/**
 * The smallest and largest value of a column (NaN ignored), read block by block;
 * `{ min: Infinity, max: -Infinity }` when it has no number.
 *
 * @param col a typed array or any array of numbers
 * @returns the extremes
 * @example
 * columnMinMax(Float32Array.of(2012, NaN, 2008, 2024)); // => { min: 2008, max: 2024 }
 */
export function columnMinMax(col: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const block = new Float64Array(BLOCK_ROWS);
  for (let a = 0; a < col.length; a += BLOCK_ROWS) {
    const b = Math.min(col.length, a + BLOCK_ROWS);
    copyRows(col, a, b, block);
    for (let k = 0; k < b - a; k++) {
      const y = block[k];
      if (y < min) min = y;
      if (y > max) max = y;
    }
  }
  return { min, max };
}
