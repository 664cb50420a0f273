import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  firstAppearanceCount,
  numberByFirstAppearance,
  orderByOrgYear,
} from '../../../src/analyses/supervision/org-order.js';
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

describe('organization numbers known to the caller', () => {
  const rows = [
    { org_id: 'B', year: 2021 },
    { org_id: 'A', year: 2020 },
    { org_id: 'B', year: 2020 },
  ];
  it('numbers organizations by first appearance of their id', () => {
    // B first (row 0) → 0, A (row 1) → 1
    const { orgOf, count } = numberByFirstAppearance(datasetOf(rows));
    expect([...orgOf]).toEqual([0, 1, 0]);
    expect(count).toBe(2);
  });
  it('counts the organizations of a first-appearance numbering, −1 for any other numbering', () => {
    expect(firstAppearanceCount(Int32Array.of(0, 1, 0, 2))).toBe(3);
    expect(firstAppearanceCount(new Int32Array(0))).toBe(0);
    // 1 before 0, a gap (0, 2), a negative number: not in order of first appearance
    expect(firstAppearanceCount(Int32Array.of(1, 0))).toBe(-1);
    expect(firstAppearanceCount(Int32Array.of(0, 2))).toBe(-1);
    expect(firstAppearanceCount(Int32Array.of(0, -1))).toBe(-1);
  });
  it('gives the same order with the numbers given as without, and ignores numbers that are not a first-appearance numbering', () => {
    const ds = datasetOf(rows);
    const own = orderByOrgYear(ds);
    // by hand: B's rows 2 (2020), 0 (2021), then A's row 1
    expect([...own.rows]).toEqual([2, 0, 1]);
    for (const known of [Int32Array.of(0, 1, 0), Int32Array.of(7, 3, 7), Int32Array.of(0, 1)]) {
      const o = orderByOrgYear(ds, known);
      expect([...o.rows]).toEqual([...own.rows]);
      expect([...o.starts]).toEqual([...own.starts]);
      expect(o.count).toBe(2);
    }
  });
});
