import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { OrgFinder } from '../../../src/ingest/rows/org-finder.js';

// OrgFinder reads only the ids and names: a dataset with those two columns is enough.
const rowsOf = (rows: [string, string][]): Dataset =>
  ({ length: rows.length, text: { org_id: rows.map((r) => r[0]), name: rows.map((r) => r[1]) } }) as unknown as Dataset;

// Input order (row numbers 0–5) and organization numbers (order of first appearance):
// 0 abc12345 / 1 ABC12345 / 2 ABC99999 share a prefix; two organizations are called 同名协会.
const ROWS: [string, string][] = [
  ['abc12345', '甲协会'], // row 0, org 0
  ['ABC12345', '乙协会'], // row 1, org 1
  ['ABC99999', '同名协会'], // row 2, org 2
  ['XYZ00001', '同名协会'], // row 3, org 3
  ['ABC12345', '乙协会（更名）'], // row 4, org 1 (a later year, renamed)
  ['QRS00002', '丙基金会'], // row 5, org 4
];
const ORG = [0, 1, 2, 3, 1, 4];

/** The finder's answer over the rows split into parts, the parts given in `order`. */
function findInParts(query: string, parts: number[][], order: number[]) {
  const f = new OrgFinder(query);
  for (const k of order) {
    const rows = parts[k];
    f.add(
      rowsOf(rows.map((r) => ROWS[r])),
      (i) => rows[i],
      (i) => ORG[rows[i]],
    );
  }
  return f.result();
}

describe('OrgFinder', () => {
  it('finds by id as typed or upper-cased (when both exist, the one whose row comes first) and trims spaces', () => {
    // 'abc12345' is row 0's id as typed; its upper case is row 1's; the first row in input order wins
    expect(findInParts('abc12345', [[0, 1, 2, 3, 4, 5]], [0])).toEqual({ id: 'abc12345', org: 0, suggestions: [] });
    expect(findInParts(' qrs00002 ', [[0, 1, 2, 3, 4, 5]], [0])).toEqual({ id: 'QRS00002', org: 4, suggestions: [] });
  });

  it('gives the same answer whatever the parts and their order (the first row by input order, not by part)', () => {
    const parts = [
      [1, 4],
      [0, 3],
      [2, 5],
    ];
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ]) {
      expect(findInParts('abc12345', parts, order)).toEqual({ id: 'abc12345', org: 0, suggestions: [] });
      expect(findInParts('乙协会（更名）', parts, order)).toEqual({ id: 'ABC12345', org: 1, suggestions: [] });
      expect(findInParts('同名协会', parts, order)).toEqual({
        id: null,
        org: -1,
        suggestions: ['ABC99999', 'XYZ00001'],
      });
      // 'ABC1' shares 4 characters with ABC12345, 3 with ABC99999 (below 4) and 0 with abc12345;
      // 'abc1239' is compared upper-cased: 6 with ABC12345, 3 with ABC99999
      expect(findInParts('ABC1', parts, order)).toEqual({ id: null, org: -1, suggestions: ['ABC12345'] });
      expect(findInParts('abc1239', parts, order)).toEqual({ id: null, org: -1, suggestions: ['ABC12345'] });
    }
  });

  it('a name is found in any year, and nothing near is an empty list', () => {
    expect(findInParts('乙协会', [[0, 1, 2, 3, 4, 5]], [0])).toEqual({ id: 'ABC12345', org: 1, suggestions: [] });
    expect(findInParts('无此组织', [[0, 1, 2, 3, 4, 5]], [0])).toEqual({ id: null, org: -1, suggestions: [] });
    // without organization numbers (a dataset in memory) the org is −1
    const f = new OrgFinder('XYZ00001');
    f.add(rowsOf(ROWS));
    expect(f.result()).toEqual({ id: 'XYZ00001', org: -1, suggestions: [] });
  });
});
