import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { AGGREGATE_MEASURES } from '../../../src/ingest/aggregate/aggregate-columns.js';
import { ORG_TYPES } from '../../../src/dataset/fields.js';

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'schemas', 'aggregate-row.schema.json'), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('schemas/aggregate-row.schema.json', () => {
  it('describes every measure soqa reads from an aggregated table, the dimensions, count columns and n_ columns', () => {
    const props = Object.keys(schema.properties);
    expect(props).toEqual([
      'region',
      'year',
      'type',
      'field',
      'count',
      ...ORG_TYPES,
      'count_total',
      ...AGGREGATE_MEASURES.map((m) => m.name),
    ]);
    expect(Object.keys(schema.patternProperties)).toEqual(['^n_[a-z][a-z0-9_]*$']);
  });

  it('accepts a long and a wide row and rejects a row mixing the layouts or with a negative count', () => {
    expect(
      validate({
        region: '150100',
        year: 2024,
        type: 'social_group',
        field: 'culture',
        count: 12,
        staff_fulltime: 30,
        n_staff_fulltime: 10,
        assets_net: -5.5,
      }),
    ).toBe(true);
    expect(validate({ region: '全区', year: '2024年', social_group: 5, foundation: 1, count_total: 6 })).toBe(true);
    expect(validate({ region: '150100', year: 2024, type: 'social_group', count: 12, foundation: 1 })).toBe(false);
    expect(validate({ region: '150100', year: 2024, type: 'social_group', count: -1 })).toBe(false);
    expect(validate({ region: '150100', year: 2024 })).toBe(false);
  });
});
