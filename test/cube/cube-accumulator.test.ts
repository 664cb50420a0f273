import { describe, expect, it } from 'vitest';
import { CubeAccumulator } from '../../src/cube/cube-accumulator.js';
import { cubeFromDataset } from '../../src/cube/cube-from-dataset.js';
import { DatasetBuilder, type RowValues } from '../../src/dataset/dataset-builder.js';
import type { Dataset } from '../../src/dataset/dataset.js';

const GOVERNANCE = new Set(['ecology']);

function dataset(fields: string[], rows: RowValues[]): Dataset {
  const b = new DatasetBuilder(fields);
  rows.forEach((r, i) => b.add(r, 0, i + 2));
  return b.finish('panel');
}

// amounts whose sums depend on the order of addition in floating point: 0.1 + 0.2 + 0.3 is
// 0.6000000000000001 while 0.3 + 0.2 + 0.1 is 0.6 (IEEE 754 doubles)
const ROWS: RowValues[] = [
  { org_id: 'A', type: 'foundation', region: '150100', year: 2024, field: 'ecology', expenses: 0.1 },
  { org_id: 'B', type: 'foundation', region: '150100', year: 2024, field: 'ecology', expenses: 0.2 },
  { org_id: 'C', type: 'social_group', region: '150200', year: 2023, field: null, expenses: null },
  { org_id: 'D', type: 'foundation', region: '150100', year: 2024, field: 'ecology', expenses: 0.3 },
];

describe('CubeAccumulator', () => {
  it('chunks added in input order give the cube of all rows at once, to the last bit', () => {
    const fields = ['org_id', 'type', 'region', 'year', 'field', 'expenses'];
    const whole = cubeFromDataset(dataset(fields, ROWS), { governanceFields: GOVERNANCE });
    const acc = new CubeAccumulator({ governanceFields: GOVERNANCE });
    // chunks with their own dictionaries (the second starts with a region the first never saw)
    acc.add(dataset(fields, ROWS.slice(0, 1)));
    acc.add(dataset(fields, ROWS.slice(1, 3).reverse().reverse()));
    acc.add(dataset(fields, ROWS.slice(3)));
    const chunked = acc.finish();
    expect(chunked).toEqual(whole);
    const cell = chunked.cells.find((c) => c.region === '150100' && c.year === 2024)!;
    expect(cell.sum.expenses).toBe(0.1 + 0.2 + 0.3); // 0.6000000000000001: the input order
    expect(cell.count).toBe(3);
    expect(cell.sum.governance_field).toBe(3);
  });

  it('takes a field that only a later chunk has: earlier rows count as missing it', () => {
    const early = dataset(['org_id', 'type', 'region', 'year'], [ROWS[0]]);
    const late = dataset(['org_id', 'type', 'region', 'year', 'expenses'], [ROWS[1]]);
    const acc = new CubeAccumulator({ governanceFields: GOVERNANCE });
    acc.add(early);
    acc.add(late);
    const cube = acc.finish();
    expect(cube.measures).toEqual(['expenses']);
    const cell = cube.cells[0];
    // hand count: two organizations; one reported expenses (0.2)
    expect([cell.count, cell.sum.expenses, cell.n.expenses]).toEqual([2, 0.2, 1]);
  });
});
