import { describe, expect, it } from 'vitest';
import type { CubeGroup } from '../../../src/cube/cube.js';
import { DERIVED_FIELDS } from '../../../src/cube/derived-fields.js';
import type { RowValues } from '../../../src/dataset/dataset-builder.js';
import { evaluateIndicator } from '../../../src/analyses/indicators/evaluate-indicator.js';
import { fieldValues, orgIndicators } from '../../../src/analyses/supervision/org-indicators.js';
import { loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { specFields } from '../../../src/domain/framework/spec-fields.js';
import type { Framework, IndicatorDef } from '../../../src/domain/framework/framework.js';
import { datasetOf } from './history.js';

// The organization-level kernels must give exactly what evaluateIndicator gives on a unit of
// one organization (count 1, sums = the row's values, reporting counts 1 or 0): results.json
// depends on it bit for bit.

const GOV = new Set(['ecology']);
let seed = 7;
const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
// values that stress the arithmetic: missing, zero, negative zero, negatives, fractions, large
const value = (): number | null =>
  pick([null, null, 0, -0, 1, 2, 3, 0.1, 0.3, -5, 12.5, 1e9 + 0.5, 40, 39, 100000, 2 ** 30]);

function rows(n: number): RowValues[] {
  const out: RowValues[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      org_id: `O${k}`,
      name: `o${k}`,
      type: pick(['social_group', 'foundation']),
      region: '150100',
      registered: 20100101,
      year: 2024,
      field: pick(['ecology', 'culture', null]),
      staff_fulltime: value(),
      staff_parttime: value(),
      cert_junior: value(),
      cert_mid: value(),
      cert_senior: value(),
      staff_college: value(),
      manager_age: value(),
      volunteers: value(),
      rev_gov_purchase: value(),
      rev_donations: value(),
      rev_membership: value(),
      rev_services: value(),
      rev_other: value(),
      expenses: value(),
      expenses_program: value(),
      assets_net: value(),
      activities: value(),
      emp_minority: value(),
      emp_disabled: value(),
      emp_over50: value(),
      party_org: pick([0, 1, null]),
      disclosure: pick([0, 1, null]),
      online: pick([0, 1, null]),
      incubated: pick([0, 1, null]),
      gov_projects: value(),
      rating: pick([0, 2, 3, 5, null]),
    } as RowValues);
  }
  return out;
}

/** The reference: a one-organization cube group evaluated by evaluateIndicator. */
function reference(def: IndicatorDef, get: (f: string) => number): number {
  const fields = [...new Set(specFields(def.compute).map((s) => s.field))];
  const group: CubeGroup = { key: {}, count: 1, sum: {}, n: {} };
  for (const f of fields) {
    const v = get(f);
    group.sum[f] = Number.isNaN(v) ? 0 : v;
    group.n[f] = Number.isNaN(v) ? 0 : 1;
  }
  return evaluateIndicator(def.compute, { group, prev: null, typeCounts: [], population: NaN });
}

describe('organization-level indicator kernels', () => {
  const ds = datasetOf(rows(400));
  const extra: IndicatorDef[] = [
    {
      ...loadFramework().indicators[0],
      id: 'share_all',
      compute: { kind: 'share_of_orgs', field: 'has_fulltime_staff', base: 'all' },
    },
    {
      ...loadFramework().indicators[0],
      id: 'ratio_dup',
      compute: {
        kind: 'ratio_of_sums',
        numerator: ['rev_gov_purchase', 'rev_gov_purchase'],
        denominator: ['rev_total', 'expenses'],
      },
    },
    {
      ...loadFramework().indicators[0],
      id: 'div_custom',
      compute: { kind: 'revenue_diversification', fields: ['rev_donations', 'rev_services'] },
    },
  ];
  const fw = loadFramework();
  const framework: Framework = { ...fw, indicators: [...fw.indicators, ...extra] };
  const { used } = orgIndicators(framework, ds, GOV);
  const rowsIdx = Int32Array.from({ length: ds.length }, (_, i) => i);

  it('cover every organization-level kind of the default framework and the extra specs', () => {
    expect(new Set(used.map((u) => u.def.compute.kind))).toEqual(
      new Set(['share_of_orgs', 'mean_per_org', 'ratio_of_sums', 'revenue_diversification']),
    );
    expect(used.map((u) => u.def.id)).toEqual(expect.arrayContaining(['share_all', 'ratio_dup', 'div_custom']));
  });

  it('equal evaluateIndicator on a unit of one organization, bit for bit, row by row and column-wise', () => {
    const fieldCol = ds.cat.field;
    for (const ind of used) {
      const vals = ind.fields.map((f) => fieldValues(ds, f, rowsIdx, GOV));
      for (let i = 0; i < ds.length; i++) {
        const get = (f: string): number => {
          const col = ds.num[f];
          if (col) return col[i];
          const d = DERIVED_FIELDS.find((x) => x.name === f)!;
          const code = fieldCol.codes[i];
          return d.compute((g) => ds.num[g]?.[i] ?? NaN, code < 0 ? null : GOV.has(fieldCol.dict[code]));
        };
        const want = reference(ind.def, get);
        expect(Object.is(ind.value(i), want), `${ind.def.id} row ${i}: ${ind.value(i)} vs ${want}`).toBe(true);
        expect(Object.is(ind.at(vals, i), want), `${ind.def.id} row ${i} (column-wise)`).toBe(true);
      }
    }
  });
});
