import { describe, expect, it } from 'vitest';
import { FlatCubeCell } from '../../src/cube/flat-cube-cell.js';
import { compareCells, cubeFromCells } from '../../src/cube/cube-from-cells.js';
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

  it('gives the store its own arrays when the cells are all its rows in order, and copies otherwise', () => {
    // all three cells at rows 0, 1, 2: the store itself, no copy
    const whole = FlatCubeCell.gather(flat, measures)!;
    expect(whole.sum).toBe(store.sum);
    expect(whole.n).toBe(store.n);
    // the first two only: a copy of rows 0 and 1 (7, 100, 3, 0 read off the store)
    const part = FlatCubeCell.gather(flat.slice(0, 2), measures)!;
    expect(part.sum).not.toBe(store.sum);
    expect([...part.sum]).toEqual([7, 100, 3, 0]);
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

describe('rollup with a filter (cells found through the year lists and integer codes)', () => {
  const cube = cubeFromCells('microdata', measures, flat);
  it('sums the cells of the year given by region, sorted by region', () => {
    // 2024: cell 1 (150100: count 1, staff 3, assets 0) and cell 0 (150200: count 3, staff 7, assets 100)
    expect(rollup(cube, ['region'], { year: 2024 })).toEqual([
      { key: { region: '150100' }, count: 1, sum: { staff: 3, assets: 0 }, n: { staff: 1, assets: 0 } },
      { key: { region: '150200' }, count: 3, sum: { staff: 7, assets: 100 }, n: { staff: 2, assets: 1 } },
    ]);
  });
  it('gives no group for a value no cell has, and the same groups through a function filter', () => {
    expect(rollup(cube, ['region'], { year: 2024, type: 'no_such_type' })).toEqual([]);
    expect(rollup(cube, ['year'], { type: 'social_group' })).toEqual(
      rollup(cube, ['year'], (c) => c.type === 'social_group'),
    );
    // the one social_group cell: 2023, count 4, staff 5, assets 50
    expect(rollup(cube, ['year'], { type: 'social_group' })[0].sum).toEqual({ staff: 5, assets: 50 });
  });
});

describe('compareCells', () => {
  it('orders cells by region, then year, then type, then field', () => {
    const k = (region: string, year: number, type: string, field = '') => ({ region, year, type, field });
    // region first ('150100' < '150200' whatever the year), then year, type, field
    expect(compareCells(k('150100', 2024, 'b'), k('150200', 2008, 'a'))).toBeLessThan(0);
    expect(compareCells(k('150100', 2024, 'a'), k('150100', 2023, 'b'))).toBeGreaterThan(0);
    expect(compareCells(k('150100', 2024, 'a'), k('150100', 2024, 'b'))).toBeLessThan(0);
    expect(compareCells(k('150100', 2024, 'a', 'y'), k('150100', 2024, 'a', 'x'))).toBeGreaterThan(0);
    expect(compareCells(k('150100', 2024, 'a', 'x'), k('150100', 2024, 'a', 'x'))).toBe(0);
  });
});
