import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { rollup } from '../../src/cube/cube.js';
import { sampleContext } from '../analyses/support/sample-context.js';

// Cross-check of soqa's hand-built cube against an independent group-by: arquero (a
// general-purpose data-table library) aggregates the same accepted rows by region, year and
// type. The expected values come from arquero, not from soqa's cube code.
describe('cubeFromDataset agrees with an arquero group-by', () => {
  it('counts, sums and reporting counts per region × year × type on a generated panel', async () => {
    const ctx = await sampleContext(1500, 11);
    const ds = ctx.dataset!;
    const fields = ['staff_fulltime', 'cert_junior', 'rev_gov_purchase', 'expenses'];
    const cols: Record<string, unknown[]> = {
      region: Array.from(ds.cat.region.codes, (c) => ds.cat.region.dict[c]),
      type: Array.from(ds.cat.type.codes, (c) => ds.cat.type.dict[c]),
      year: Array.from(ds.num.year),
    };
    for (const f of fields) cols[f] = Array.from(ds.num[f], (v) => (Number.isNaN(v) ? null : v));
    const rollups: Record<string, unknown> = { count: aq.op.count() };
    for (const f of fields) {
      rollups[`sum_${f}`] = aq.op.sum(f);
      rollups[`n_${f}`] = aq.op.valid(f);
    }
    const expected = aq
      .table(cols)
      .groupby('region', 'year', 'type')
      .rollup(rollups as never)
      .objects() as Record<string, number | string>[];
    const groups = rollup(ctx.cube, ['region', 'year', 'type']);
    expect(groups.length).toBe(expected.length);
    const byKey = new Map(groups.map((g) => [`${g.key.region}|${g.key.year}|${g.key.type}`, g]));
    for (const e of expected) {
      const g = byKey.get(`${e.region}|${e.year}|${e.type}`)!;
      expect(g, `${e.region} ${e.year} ${e.type}`).toBeDefined();
      expect(g.count).toBe(e.count);
      for (const f of fields) {
        expect(g.n[f]).toBe(e[`n_${f}`]);
        expect(g.sum[f]).toBeCloseTo(Number(e[`sum_${f}`] ?? 0), 6);
      }
    }
  });
});
