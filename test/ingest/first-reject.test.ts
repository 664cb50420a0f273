import { describe, expect, it } from 'vitest';
import { firstReject } from '../../src/ingest/first-reject.js';

// rejects.csv holds one line per rejected row: the first problem, its reason naming the others
// (by column, or by code when a problem has no column). Expected strings written by hand.
describe('firstReject', () => {
  const bad = { code: 'R_BAD_NUMBER', column: 'staff_fulltime', value: 'x', reason: 'is not a number' };

  it('keeps a lone problem as it is', () => {
    expect(firstReject([bad])).toEqual(bad);
  });

  it('names the other problems by column, or by code without one', () => {
    const r = firstReject([
      bad,
      { code: 'R_BAD_DATE', column: 'registered', value: '2024-13-01', reason: 'is not a date' },
      { code: 'R_DUPLICATE', column: '', value: '', reason: 'repeats line 4' },
    ]);
    expect(r).toEqual({ ...bad, reason: 'is not a number (and 2 more: registered, R_DUPLICATE)' });
  });
});
