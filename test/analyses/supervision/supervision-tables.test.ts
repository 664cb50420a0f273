import { describe, expect, it } from 'vitest';
import { membersByCode } from '../../../src/analyses/supervision/supervision-tables.js';

describe('membersByCode', () => {
  it('groups the candidates by code, ascending within a code, those without a code first', () => {
    // hand count: orgs 0, 1, 3 are candidates; org 1 has no code (−1), none has code 0,
    // orgs 0 and 3 have code 1 → runs [1] | [] | [0, 3], starting at 0, 1, 1, ending at 3
    const { members, starts } = membersByCode(Int32Array.of(1, -1, 0, 1), Int32Array.of(0, 1, 3), 2);
    expect([...members]).toEqual([1, 0, 3]);
    expect([...starts]).toEqual([0, 1, 1, 3]);
  });

  it('gives empty runs for codes no candidate has, and nothing for no candidates', () => {
    // three codes, no candidate: every run is empty
    const { members, starts } = membersByCode(Int32Array.of(2, 0), new Int32Array(0), 3);
    expect(members.length).toBe(0);
    expect([...starts]).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps each run in the order of the candidates (ascending organization numbers)', () => {
    // codes by org: 0→2, 1→0, 2→2, 3→0, 4→2; all candidates → code 0: [1, 3], code 2: [0, 2, 4]
    const { members, starts } = membersByCode(Int32Array.of(2, 0, 2, 0, 2), Int32Array.of(0, 1, 2, 3, 4), 3);
    expect([...members.subarray(starts[1], starts[2])]).toEqual([1, 3]);
    expect([...members.subarray(starts[2], starts[3])]).toEqual([]);
    expect([...members.subarray(starts[3], starts[4])]).toEqual([0, 2, 4]);
  });
});
