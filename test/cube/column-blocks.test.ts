import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, columnMinMax, copyRows } from '../../src/cube/column-blocks.js';

describe('column blocks', () => {
  it('copyRows copies a row range of a 4-byte or plain column into a block', () => {
    const col = Float32Array.of(1, 2.5, NaN, 4);
    const block = copyRows(col, 1, 4, new Float64Array(8));
    expect(Array.from(block.subarray(0, 3))).toEqual([2.5, NaN, 4]);
    expect(Array.from(copyRows([7, 8, 9], 0, 2, new Float64Array(2)))).toEqual([7, 8]);
  });

  it('columnMinMax ignores NaN and spans several blocks', () => {
    // hand-made: years 2008–2024 repeated over more than one block, a NaN in each block,
    // the minimum placed in the last block and the maximum in the first
    const n = BLOCK_ROWS * 2 + 5;
    const col = new Float32Array(n).fill(2015);
    col[3] = 2024;
    col[n - 2] = 2008;
    col[10] = NaN;
    col[BLOCK_ROWS + 10] = NaN;
    expect(columnMinMax(col)).toEqual({ min: 2008, max: 2024 });
    expect(columnMinMax(Float32Array.of(2012, NaN, 2008, 2024))).toEqual({ min: 2008, max: 2024 });
    expect(columnMinMax(Float64Array.of(NaN))).toEqual({ min: Infinity, max: -Infinity });
  });
});
