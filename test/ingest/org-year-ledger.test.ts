import { describe, expect, it } from 'vitest';
import { OrgYearLedger } from '../../src/ingest/org-year-ledger.js';
import { seededRandom } from '../../src/measures/random/seeded-random.js';

describe('OrgYearLedger', () => {
  it('numbers organizations in order of first appearance and points a repeat to the first row', () => {
    // hand-made: A 2023 (file 0 line 2), B 2023 (line 3), A 2024 (line 4), A 2023 again (line 5)
    const l = new OrgYearLedger(true);
    expect(l.findOrAdd('A', 2023, 0, 2)).toBeNull();
    expect(l.lastOrg).toBe(0);
    expect(l.findOrAdd('B', 2023, 0, 3)).toBeNull();
    expect(l.lastOrg).toBe(1);
    expect(l.findOrAdd('A', 2024, 0, 4)).toBeNull();
    expect(l.lastOrg).toBe(0);
    expect(l.findOrAdd('A', 2023, 1, 5)).toEqual({ file: 0, line: 2 });
    expect(l.organizations).toBe(2);
  });

  it('never takes a row without a year for a repeat in a panel; without years the id alone is the key', () => {
    const panel = new OrgYearLedger(true);
    expect(panel.findOrAdd('A', NaN, 0, 2)).toBeNull();
    expect(panel.findOrAdd('A', NaN, 0, 3)).toBeNull();
    const registry = new OrgYearLedger(false);
    expect(registry.findOrAdd('A', NaN, 0, 2)).toBeNull();
    expect(registry.findOrAdd('A', NaN, 0, 7)).toEqual({ file: 0, line: 2 });
  });

  it('finds exactly the repeated (id, year) pairs of 30,000 seeded keys (a map of id|year strings says which)', () => {
    const l = new OrgYearLedger(true);
    const first = new Map<string, number>();
    const r = seededRandom(7);
    for (let line = 2; line < 30_002; line++) {
      const id = `ID${Math.floor(r() * 4000)}`;
      const year = 2000 + Math.floor(r() * 12);
      const key = `${id}|${year}`;
      const expected = first.get(key);
      expect(l.findOrAdd(id, year, 0, line)).toEqual(expected === undefined ? null : { file: 0, line: expected });
      if (expected === undefined) first.set(key, line);
    }
  });
});

describe('OrgYearLedger: numbers looked up once, room made ahead', () => {
  it('numberOf numbers ids in order of first appearance; findOrAddOrg answers as findOrAdd does', () => {
    // hand-made: B then A → 0, 1; B 2023 new, B 2023 again → its first line (4)
    const l = new OrgYearLedger(true);
    expect(l.numberOf('B')).toBe(0);
    expect(l.numberOf('A')).toBe(1);
    expect(l.numberOf('B')).toBe(0);
    expect(l.findOrAddOrg(0, 2023, 0, 4)).toBeNull();
    expect(l.findOrAddOrg(0, 2023, 0, 9)).toEqual({ file: 0, line: 4 });
    expect(l.lastOrg).toBe(0);
    expect(l.findOrAdd('B', 2023, 1, 12)).toEqual({ file: 0, line: 4 });
    expect(l.organizations).toBe(2);
  });

  it('finds the same repeats after reserve as without it (30,000 seeded keys, before and after reserving)', () => {
    const plain = new OrgYearLedger(true);
    const reserved = new OrgYearLedger(true);
    const r = seededRandom(11);
    for (let line = 2; line < 30_002; line++) {
      if (line === 10_000) reserved.reserve(20_002); // room for the rest at once, some keys already in
      const id = `ID${Math.floor(r() * 3000)}`;
      const year = 2000 + Math.floor(r() * 12);
      expect(reserved.findOrAdd(id, year, 0, line)).toEqual(plain.findOrAdd(id, year, 0, line));
    }
  });
});
