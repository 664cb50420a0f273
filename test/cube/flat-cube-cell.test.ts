import { describe, expect, it } from 'vitest';
import { FlatCubeCell } from '../../src/cube/flat-cube-cell.js';
import { cubeFromCells } from '../../src/cube/cube-from-cells.js';
import { rollup, type CubeCell } from '../../src/cube/cube.js';

// Hand-made store: two measures (staff, assets) for three cells; the expected records and
// sums below are read off the arrays by hand.
const measures = ['staff', 'assets'];
const store = {
  measures,
  sum: Float64Array.of(7, 100, 3, 0, 5, 50),
  n: Float64Array.of(2, 1, 1, 0, 2, 2),
};
const keys = [
  { region: '150200', year: 2024, type: 'foundation', field: '' },
  { region: '150100', year: 2024, type: 'foundation', field: '' },
  { region: '150100', year: 2023, type: 'social_group', field: '' },
];
const flat = keys.map((k, i) => new FlatCubeCell(k, [3, 1, 4][i], store, i));
const plain: CubeCell[] = flat.map((c) => JSON.parse(JSON.stringify(c)) as CubeCell);

describe('FlatCubeCell', () => {
  it('reads its sums and reporting counts from the store as records', () => {
    expect(flat[0].sum).toEqual({ staff: 7, assets: 100 });
    expect(flat[1].n).toEqual({ staff: 1, assets: 0 });
    expect(flat[2].sum).toBe(flat[2].sum); // made once
  });

  it('writes as a plain cell in JSON, without the store', () => {
    expect(plain[2]).toEqual({
      region: '150100',
      year: 2023,
      type: 'social_group',
      field: '',
      count: 4,
      sum: { staff: 5, assets: 50 },
      n: { staff: 2, assets: 2 },
    });
  });

  it('gathers flat rows in the order of the cells given, and refuses cells of another kind', () => {
    const g = FlatCubeCell.gather([flat[2], flat[0]], measures)!;
    expect([...g.sum]).toEqual([5, 50, 7, 100]);
    expect([...g.n]).toEqual([2, 2, 2, 1]);
    expect(FlatCubeCell.gather([flat[0], plain[1]], measures)).toBeNull();
    expect(FlatCubeCell.gather(flat, ['staff', 'assets'])).toBeNull(); // another measures array
  });

  it('rolls up to the same groups as plain cells with the same values', () => {
    // by year: 2024 = cells 0 and 1 (count 3 + 1, staff 7 + 3, assets 100 + 0); 2023 = cell 2
    const fromFlat = rollup(cubeFromCells('microdata', measures, flat), ['year']);
    const fromPlain = rollup(cubeFromCells('microdata', measures, plain), ['year']);
    expect(fromFlat).toEqual(fromPlain);
    expect(fromFlat.find((g) => g.key.year === 2024)).toEqual({
      key: { year: 2024 },
      count: 4,
      sum: { staff: 10, assets: 100 },
      n: { staff: 3, assets: 1 },
    });
  });
});
