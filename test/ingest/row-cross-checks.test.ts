import { describe, expect, it } from 'vitest';
import {
  certTotal,
  crossCheckProblems,
  crossChecksFire,
  ROW_CROSS_CHECKS,
  staffTotal,
  type CrossCheckRow,
} from '../../src/ingest/row-cross-checks.js';

const years = { min: 1950, max: 2035 };
/** A clean row: reported in 2020, registered 2015-03-02, 3 certificates among 5 + 2 staff, no credit code checked. */
const clean: CrossCheckRow = {
  year: 2020,
  registered: 20150302,
  deregistered: NaN,
  certs: 3,
  staff: 7,
  id: 'A1',
  type: 'social_group',
  region: '150100',
  code: null,
};

describe('row cross-checks', () => {
  it('lists the rejects before the warnings, once', () => {
    const phases = ROW_CROSS_CHECKS.map((c) => c.severity);
    expect(phases.lastIndexOf('reject')).toBeLessThan(phases.indexOf('warning'));
  });

  it('finds nothing on a clean row, and the fast path agrees', () => {
    expect(crossCheckProblems(clean, years)).toEqual({ rejects: [], warnings: [] });
    expect(crossChecksFire(clean, years)).toBe(false);
  });

  it('rejects a year out of range and then warns about nothing else', () => {
    // 1800 < 1950 and the registration year 2015 > 1800 would also warn, but a rejected row is not warned about
    const r = crossCheckProblems({ ...clean, year: 1800 }, years);
    expect(r.rejects.map((p) => [p.code, p.column, p.value])).toEqual([['R_YEAR_RANGE', 'year', '1800']]);
    expect(r.warnings).toEqual([]);
    expect(crossChecksFire({ ...clean, year: 1800 }, years)).toBe(true);
  });

  it('warns about every check that fires, in list order', () => {
    // year 2014 < registration year 2015; 9 certificates > 7 staff
    const r = crossCheckProblems({ ...clean, year: 2014, certs: 9 }, years);
    expect(r.warnings.map((p) => p.code)).toEqual(['W_YEAR_BEFORE_REGISTRATION', 'W_CERT_EXCEEDS_STAFF']);
    expect(r.warnings[1].reason).toBe('certified social workers (9) exceed total staff (7)');
  });

  it('adds the known counts only (hand sums)', () => {
    expect(certTotal(2, NaN, 1)).toBe(3); // 2 + 1
    expect(certTotal(NaN, NaN, NaN)).toBeNaN();
    expect(staffTotal(5, NaN)).toBe(5); // 5 + 0
    expect(staffTotal(NaN, 4)).toBeNaN();
  });
});
