import { describe, expect, it } from 'vitest';
import { staffProfile } from '../../src/analyses/staff/staff-profile.js';
import type { CubeGroup } from '../../src/cube/cube.js';
import { reportersRatio, reportingRatioOf } from '../../src/cube/reporters-ratio.js';

const FT_PT = ['staff_fulltime', 'staff_parttime'];

describe('reportersRatio', () => {
  it('organization rows: divides the sums over one reporting set', () => {
    // the cube's reporting-set measures: 3 organizations reported education and staff, 35 college of 90 staff
    const g: CubeGroup = {
      key: {},
      count: 5,
      sum: { college_share_num: 35, college_share_den: 90, staff_college: 40, staff_fulltime: 70, staff_parttime: 40 },
      n: { college_share_num: 3, college_share_den: 3, staff_college: 4, staff_fulltime: 5, staff_parttime: 5 },
    };
    expect(reportersRatio(g, ['staff_college'], FT_PT)).toEqual({ value: 35 / 90, reporting: 3, basis: 'reporters' });
    expect(reportersRatio({ ...g, n: { ...g.n, college_share_den: 0 } }, ['staff_college'], FT_PT).value).toBeNull();
  });

  it('yearbook tables (totals only): the ratio of the estimated totals, documented in METHODS "Staff shares"', () => {
    // a yearbook row: 10 organizations, college 30 of 60 + 40 staff, every organization counted as reporting
    const table: CubeGroup = {
      key: {},
      count: 10,
      sum: { staff_college: 30, staff_fulltime: 60, staff_parttime: 40 },
      n: { staff_college: 10, staff_fulltime: 10, staff_parttime: 10 },
    };
    expect(reportersRatio(table, ['staff_college'], FT_PT)).toEqual({ value: 0.3, reporting: 10, basis: 'totals' });
    // the table says 5 of the 10 reported education: 30 · 10/5 = 60 of 100 → 0.6
    const partly = { ...table, n: { ...table.n, staff_college: 5 } };
    expect(reportersRatio(partly, ['staff_college'], FT_PT)).toEqual({ value: 0.6, reporting: 5, basis: 'totals' });
    // the staff section prints the same share for the table
    const has = new Set(['staff_fulltime', 'staff_parttime', 'staff_college']);
    expect(staffProfile(partly, null, has).education).toEqual({ college: 30, reporting: 5, collegeShare: 0.6 });
  });

  it('knows the staff pairs whatever the field order, and nothing else', () => {
    expect(reportingRatioOf(['staff_college'], ['staff_parttime', 'staff_fulltime'])?.id).toBe('college_share');
    expect(reportingRatioOf(['rev_gov_purchase'], ['rev_total'])).toBeUndefined();
  });
});
