import { describe, expect, it } from 'vitest';
import { duplicateReject } from '../../src/ingest/duplicate-reject.js';

// The R_DUPLICATE line of rejects.csv as README and test/cli/analyze.e2e.test.ts describe it:
// the key in `column`, its values in `value`, where the first occurrence is in `reason`.
describe('duplicateReject', () => {
  it('names organization and year in a panel', () => {
    expect(duplicateReject('51150200MJ10472999', 2024, true, 'a.csv line 3')).toEqual({
      code: 'R_DUPLICATE',
      column: 'org_id, year',
      value: '51150200MJ10472999 2024',
      reason: 'duplicates a.csv line 3',
    });
  });

  it('names the organization alone in a registry list (the year is ignored)', () => {
    expect(duplicateReject('X1', NaN, false, 'b.csv line 9')).toEqual({
      code: 'R_DUPLICATE',
      column: 'org_id',
      value: 'X1',
      reason: 'duplicates b.csv line 9',
    });
  });
});
