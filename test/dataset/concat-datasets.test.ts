import { describe, expect, it } from 'vitest';
import { concatDatasets } from '../../src/dataset/concat-datasets.js';
import { DatasetBuilder } from '../../src/dataset/dataset-builder.js';
import type { Dataset } from '../../src/dataset/dataset.js';

function dataset(fields: string[], rows: Record<string, number | string | null>[], firstLine = 2): Dataset {
  const b = new DatasetBuilder(fields);
  rows.forEach((r, i) => b.add(r, 0, firstLine + i));
  return b.finish('panel');
}

const rows = [
  { org_id: 'A', type: 'foundation', region: '150100', year: 2023, expenses: 0.1 },
  { org_id: 'B', type: 'social_group', region: '150200', year: 2023, expenses: null },
  { org_id: 'A', type: 'foundation', region: '150100', year: 2024, expenses: 3 },
];

describe('concatDatasets', () => {
  it('concatDatasets gives what one builder makes of all the rows, value for value', () => {
    const fields = ['org_id', 'type', 'region', 'year', 'expenses'];
    const all = dataset(fields, rows);
    // two parts with their own dictionaries (the second's starts with social_group)
    const joined = concatDatasets([dataset(fields, rows.slice(0, 1)), dataset(fields, rows.slice(1), 3)]);
    expect(joined.length).toBe(3);
    for (const k of Object.keys(all.num)) expect(Array.from(joined.num[k]), k).toEqual(Array.from(all.num[k]));
    for (const k of Object.keys(all.cat))
      expect(
        Array.from(joined.cat[k].codes, (c) => joined.cat[k].dict[c]),
        k,
      ).toEqual(Array.from(all.cat[k].codes, (c) => all.cat[k].dict[c]));
    expect(joined.text).toEqual(all.text);
    expect(Array.from(joined.source.line)).toEqual([2, 3, 4]);
  });

  it('concatDatasets reads a field a part lacks as missing in its rows', () => {
    const a = dataset(['org_id', 'type', 'region', 'year'], [rows[0]]);
    const b = dataset(['org_id', 'type', 'region', 'year', 'expenses', 'field'], [{ ...rows[2], field: 'ecology' }]);
    const joined = concatDatasets([a, b], ['org_id', 'type', 'region', 'year', 'field', 'expenses']);
    expect(Array.from(joined.num.expenses)).toEqual([NaN, 3]);
    expect(Array.from(joined.cat.field.codes)).toEqual([-1, 0]);
    expect(joined.present).toEqual(['org_id', 'type', 'region', 'year', 'field', 'expenses']);
  });
});
