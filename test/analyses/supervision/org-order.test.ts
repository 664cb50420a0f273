import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderByOrgYear } from '../../../src/analyses/supervision/org-order.js';
import { datasetOf } from './history.js';

describe('orderByOrgYear (typed counting sorts)', () => {
  it('groups rows by organization (first appearance order) with years ascending, whatever the row order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.integer({ min: 2008, max: 2024 })), {
          selector: (t) => `${t[0]}${t[1]}`,
          minLength: 1,
          maxLength: 40,
        }),
        (pairs) => {
          const ds = datasetOf(pairs.map(([org_id, year]) => ({ org_id, year })));
          const o = orderByOrgYear(ds);
          const firstSeen = [...new Set(pairs.map((p) => p[0]))];
          expect(o.count).toBe(firstSeen.length);
          firstSeen.forEach((id, k) => {
            const got = [...o.rows.subarray(o.starts[k], o.starts[k + 1])].map((i) => [
              ds.text.org_id[i],
              ds.num.year[i],
            ]);
            const want = pairs
              .filter((p) => p[0] === id)
              .map((p) => p[1])
              .sort((a, b) => a - b)
              .map((y) => [id, y]);
            expect(got).toEqual(want);
          });
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
  it('gives rows already grouped by organization with years ascending as they are (fast path), registry lists too', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.integer({ min: 2008, max: 2024 })), {
          selector: (t) => `${t[0]}${t[1]}`,
          minLength: 1,
          maxLength: 40,
        }),
        (pairs) => {
          const first = [...new Set(pairs.map((p) => p[0]))];
          const sorted = [...pairs].sort((a, b) => first.indexOf(a[0]) - first.indexOf(b[0]) || a[1] - b[1]);
          const o = orderByOrgYear(datasetOf(sorted.map(([org_id, year]) => ({ org_id, year }))));
          expect([...o.rows]).toEqual(sorted.map((_, i) => i));
          expect([...o.starts]).toEqual([
            0,
            ...first.map((id) => sorted.filter((p) => first.indexOf(p[0]) <= first.indexOf(id)).length),
          ]);
        },
      ),
      { seed: 5, numRuns: 100 },
    );
    const registry = orderByOrgYear(datasetOf([{ org_id: 'A' }, { org_id: 'B' }, { org_id: 'A' }]));
    expect([...registry.rows]).toEqual([0, 2, 1]);
    expect([...orderByOrgYear(datasetOf([{ org_id: 'A' }, { org_id: 'B' }])).rows]).toEqual([0, 1]);
  });
  it('leaves out panel rows without a year and counts them', () => {
    const o = orderByOrgYear(
      datasetOf([
        { org_id: 'A', year: 2020 },
        { org_id: 'A', year: null },
        { org_id: 'B', year: 2019 },
      ]),
    );
    expect(o.noYear).toBe(1);
    expect([...o.rows]).toEqual([0, 2]);
  });
});
