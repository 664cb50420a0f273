import { describe, expect, it } from 'vitest';
import { breakCheckChar, civilCode } from '../../helpers/civil-code.js';
import { loadRules } from '../../../src/ingest/rules/load-rules.js';
import type { RulesFile } from '../../../src/domain/rules/rules.js';
import { healthy, ruleHit, warningsById, years } from './history.js';

// Thresholds under test are those of config/rules/default.json: dormant minYears 2,
// missing_report minMissingYears 1 + trailing, persistent_deficit minYears 3 ratio 1,
// single_source maxShare 0.9 of rev_gov_purchase, implausible_jump factor 10,
// cert_above_staff margin 0, deregistered_reporting minYearsAfter 1.
// Every organization below reports 2008–2024 unless said otherwise (2008 = the panel's first
// year, 2024 = its last, so the as-of year is 2024).

const DEAD = {
  activities: 0,
  rev_gov_purchase: 0,
  rev_donations: 0,
  rev_membership: 0,
  rev_services: 0,
  rev_other: 0,
  expenses: 0,
  staff_fulltime: 0,
  staff_parttime: 0,
  cert_junior: 0,
};

describe('rule dormant (activities, revenue and full-time staff all 0 in ≥ 2 consecutive years)', () => {
  const rows = [
    ...years('TRIPS', 2008, 2024, (y) => (y >= 2023 ? DEAD : {})),
    // one dormant year only
    ...years('ONE_YEAR', 2008, 2024, (y) => (y === 2024 ? DEAD : {})),
    // two dormant years, but not consecutive (2022 and 2024, active in 2023)
    ...years('GAP', 2008, 2024, (y) => (y === 2022 || y === 2024 ? DEAD : {})),
    // 2023–2024 without activities or revenue, but one full-time staff member
    ...years('STAFFED', 2008, 2024, (y) => (y >= 2023 ? { ...DEAD, staff_fulltime: 1 } : {})),
    // 2023–2024 all 0 except that activities are not reported: the year is not judged dormant
    ...years('UNKNOWN', 2008, 2024, (y) => (y >= 2023 ? { ...DEAD, activities: null } : {})),
  ];
  const w = warningsById(rows);
  it('trips with 2023 and 2024 dormant and reports that run as evidence', () => {
    const hit = ruleHit(w, 'TRIPS', 'dormant')!;
    expect(hit.years).toEqual([2023, 2024]);
    expect(hit.evidence).toMatchObject({
      from: 2023,
      to: 2024,
      consecutiveYears: 2,
      quantities: ['activities', 'revenue', 'staff_fulltime'],
    });
    expect(hit.severity).toBe('high');
    expect(hit.action).toBe('inspection');
  });
  it('just misses with one dormant year, with two separated years, with staff, or with activities unknown', () => {
    for (const id of ['ONE_YEAR', 'GAP', 'STAFFED', 'UNKNOWN']) expect(ruleHit(w, id, 'dormant'), id).toBeUndefined();
  });
});

describe('rule missing_report (a year without a report between the first year due and the as-of year)', () => {
  const rows = [
    ...years('GAP2015', 2008, 2024).filter((r) => r.year !== 2015),
    // registered 2001, before the panel: reports are due from 2008 (the panel's first year), and it has them all
    ...years('COMPLETE', 2008, 2024, () => ({ registered: 20010301 })),
    // registered 2012-06-30: due from 2012, first report 2014 → 2012 and 2013 missing
    ...years('LATE_START', 2014, 2024, () => ({ registered: 20120630 })),
    // registered 2012, reports from 2012: nothing missing
    ...years('ON_TIME', 2012, 2024, () => ({ registered: 20120630 })),
    // stopped reporting after 2022 without deregistering: 2023 and 2024 missing (trailing)
    ...years('STOPPED', 2008, 2022),
    // stopped after 2022 and deregistered in 2022: nothing missing
    ...years('DEREGISTERED', 2008, 2022, () => ({ deregistered: 20221115, status: 'deregistered' })),
    // status deregistered without a date: nothing is due after its last report
    ...years('STATUS_ONLY', 2008, 2021, () => ({ status: 'deregistered' })),
  ];
  const w = warningsById(rows);
  it('trips on an interior gap, a late first report and reports stopped without deregistration', () => {
    expect(ruleHit(w, 'GAP2015', 'missing_report')!.evidence).toMatchObject({
      missingYears: [2015],
      dueFrom: 2008,
      firstReport: 2008,
      lastReport: 2024,
      afterLastReport: 0,
    });
    expect(ruleHit(w, 'LATE_START', 'missing_report')!.years).toEqual([2012, 2013]);
    expect(ruleHit(w, 'STOPPED', 'missing_report')!.evidence).toMatchObject({
      missingYears: [2023, 2024],
      afterLastReport: 2,
    });
    expect(ruleHit(w, 'GAP2015', 'missing_report')!.action).toBe('report_reminder');
  });
  it('just misses a complete history, a registration before the panel, and deregistered organizations', () => {
    for (const id of ['COMPLETE', 'ON_TIME', 'DEREGISTERED', 'STATUS_ONLY'])
      expect(ruleHit(w, id, 'missing_report'), id).toBeUndefined();
  });
  it('with trailing off, a stopped organization is not flagged (only gaps up to the last report count)', () => {
    const rules: RulesFile = loadRules();
    const r = rules.rules.find((x) => x.id === 'missing_report')!;
    if (r.id === 'missing_report') r.params.trailing = false;
    expect(ruleHit(warningsById(rows, { rules }), 'STOPPED', 'missing_report')).toBeUndefined();
  });
});

describe('rule persistent_deficit (expenses > revenue in ≥ 3 consecutive years)', () => {
  // revenue is 100,000 in every healthy row (50,000 + 20,000 + 10,000 + 20,000 + 0)
  const rows = [
    ...years('THREE', 2008, 2024, (y) => (y >= 2015 && y <= 2017 ? { expenses: 100001 } : {})),
    ...years('TWO_TWICE', 2008, 2024, (y) => ([2015, 2016, 2018, 2019].includes(y) ? { expenses: 120000 } : {})),
    ...years('BREAK_EVEN', 2008, 2024, (y) => (y >= 2015 && y <= 2018 ? { expenses: 100000 } : {})),
    // three deficit years with a missing report in between: not consecutive report years
    ...years('GAPPED', 2008, 2024, (y) => (y >= 2015 && y <= 2018 ? { expenses: 130000 } : {})).filter(
      (r) => r.year !== 2016,
    ),
  ];
  const w = warningsById(rows);
  it('trips with expenses 100,001 > revenue 100,000 in 2015–2017, listing both year by year', () => {
    const hit = ruleHit(w, 'THREE', 'persistent_deficit')!;
    expect(hit.years).toEqual([2015, 2016, 2017]);
    expect(hit.evidence).toMatchObject({
      from: 2015,
      to: 2017,
      consecutiveYears: 3,
      revenue: [100000, 100000, 100000],
      expenses: [100001, 100001, 100001],
    });
  });
  it('just misses two runs of two years, expenses equal to revenue, and a run broken by a missing year', () => {
    for (const id of ['TWO_TWICE', 'BREAK_EVEN', 'GAPPED'])
      expect(ruleHit(w, id, 'persistent_deficit'), id).toBeUndefined();
  });
});

describe('rule single_source (government purchase > 90% of revenue in the latest report year)', () => {
  const share = (gov: number) => ({
    rev_gov_purchase: gov,
    rev_donations: 100000 - gov,
    rev_membership: 0,
    rev_services: 0,
    rev_other: 0,
  });
  const rows = [
    ...years('SHARE91', 2008, 2024, (y) => (y === 2024 ? share(91000) : {})),
    ...years('SHARE90', 2008, 2024, (y) => (y === 2024 ? share(90000) : {})),
    // 95% in 2023 but 50% in the latest year
    ...years('EARLIER', 2008, 2024, (y) => (y === 2023 ? share(95000) : {})),
  ];
  const w = warningsById(rows);
  it('trips at 91,000 of 100,000 = 91% in 2024', () => {
    const hit = ruleHit(w, 'SHARE91', 'single_source')!;
    expect(hit.evidence).toMatchObject({
      year: 2024,
      source: 'rev_gov_purchase',
      amount: 91000,
      revenue: 100000,
      maxShare: 0.9,
    });
    expect(hit.evidence.share).toBeCloseTo(0.91, 12);
    expect(hit.severity).toBe('low');
  });
  it('just misses at exactly 90% (the rule is "more than") and when only an earlier year was above', () => {
    expect(ruleHit(w, 'SHARE90', 'single_source')).toBeUndefined();
    expect(ruleHit(w, 'EARLIER', 'single_source')).toBeUndefined();
  });
});

describe('rule implausible_jump (revenue, full-time staff or all staff ×10 year on year, previous > 0)', () => {
  const revenue = (total: number) => ({
    rev_gov_purchase: total / 2,
    rev_donations: total / 2,
    rev_membership: 0,
    rev_services: 0,
    rev_other: 0,
    expenses: total * 0.9,
  });
  const rows = [
    // revenue 100,000 (2019) → 1,000,000 (2020): exactly ×10
    ...years('REV_X10', 2008, 2024, (y) => (y >= 2020 ? revenue(1000000) : {})),
    // → 999,990: ×9.9999
    ...years('REV_X9', 2008, 2024, (y) => (y >= 2020 ? revenue(999990) : {})),
    // full-time staff 1 → 10 (×10)
    ...years('FT_X10', 2008, 2024, (y) => (y >= 2020 ? { staff_fulltime: 10 } : { staff_fulltime: 1, cert_junior: 0 })),
    // full-time 1 → 1, part-time 1 → 19: all staff 2 → 20 (×10)
    ...years('ALL_X10', 2008, 2024, (y) =>
      y >= 2020 ? { staff_fulltime: 1, staff_parttime: 19 } : { staff_fulltime: 1, staff_parttime: 1, cert_junior: 0 },
    ),
    // full-time staff 0 → 12 (no part-time staff): no previous level to compare with
    ...years('FROM_ZERO', 2008, 2024, (y) =>
      y >= 2020 ? { staff_fulltime: 12, staff_parttime: 0 } : { staff_fulltime: 0, staff_parttime: 0, cert_junior: 0 },
    ),
    // ×20 revenue between 2018 and 2020 with 2019 missing: not consecutive years (2019 also a missing report)
    ...years('NOT_CONSECUTIVE', 2008, 2024, (y) => (y >= 2020 ? revenue(2000000) : {})).filter((r) => r.year !== 2019),
  ];
  const w = warningsById(rows);
  it('trips at ×10 exactly for revenue, full-time staff and all staff', () => {
    expect(ruleHit(w, 'REV_X10', 'implausible_jump')!.evidence).toMatchObject({
      year: 2020,
      quantity: 'revenue',
      previous: 100000,
      current: 1000000,
      ratio: 10,
      factor: 10,
      jumps: 1,
    });
    expect(ruleHit(w, 'REV_X10', 'implausible_jump')!.years).toEqual([2019, 2020]);
    expect(ruleHit(w, 'FT_X10', 'implausible_jump')!.evidence).toMatchObject({
      quantity: 'staff_fulltime',
      previous: 1,
      current: 10,
    });
    expect(ruleHit(w, 'ALL_X10', 'implausible_jump')!.evidence).toMatchObject({
      quantity: 'staff_total',
      previous: 2,
      current: 20,
    });
  });
  it('just misses ×9.9999, a jump from 0, and a jump across a missing year', () => {
    for (const id of ['REV_X9', 'FROM_ZERO', 'NOT_CONSECUTIVE'])
      expect(ruleHit(w, id, 'implausible_jump'), id).toBeUndefined();
    expect(ruleHit(w, 'NOT_CONSECUTIVE', 'missing_report')!.years).toEqual([2019]);
  });
});

describe('rule cert_above_staff (certified > full-time + part-time staff in some year)', () => {
  const rows = [
    // 2016: 2 junior + 1 intermediate + 1 senior = 4 certified, 2 full-time + 1 part-time = 3 staff
    ...years('FOUR_OF_THREE', 2008, 2024, (y) =>
      y === 2016 ? { staff_fulltime: 2, staff_parttime: 1, cert_junior: 2, cert_mid: 1, cert_senior: 1 } : {},
    ),
    // 3 certified, 3 staff: equal is not above
    ...years('THREE_OF_THREE', 2008, 2024, (y) =>
      y === 2016 ? { staff_fulltime: 2, staff_parttime: 1, cert_junior: 3 } : {},
    ),
    // part-time not reported counts 0: 2 certified, 1 full-time
    ...years('PT_MISSING', 2008, 2024, (y) =>
      y === 2018 ? { staff_fulltime: 1, staff_parttime: null, cert_junior: 2 } : {},
    ),
  ];
  const w = warningsById(rows);
  it('trips at 4 certified against 3 staff, and with part-time not reported', () => {
    expect(ruleHit(w, 'FOUR_OF_THREE', 'cert_above_staff')!.evidence).toMatchObject({
      year: 2016,
      certified: 4,
      staff: 3,
      yearsAbove: 1,
    });
    expect(ruleHit(w, 'PT_MISSING', 'cert_above_staff')!.evidence).toMatchObject({
      year: 2018,
      certified: 2,
      staff: 1,
    });
  });
  it('just misses at 3 certified against 3 staff', () => {
    expect(ruleHit(w, 'THREE_OF_THREE', 'cert_above_staff')).toBeUndefined();
  });
});

describe('rules credit_code_checksum and credit_code_mismatch', () => {
  const good = civilCode('1', '150100', 11); // social group, Hohhot
  const bad = breakCheckChar(civilCode('1', '150100', 12));
  const wrongType = civilCode('3', '150100', 13); // says foundation
  const wrongRegion = civilCode('1', '150200', 14); // issued in Baotou
  const county = civilCode('2', '150621', 15); // Ejin Horo banner, rolls up to Ordos 150600
  const rows = [
    ...years(good, 2008, 2024),
    ...years(bad, 2008, 2024),
    ...years(wrongType, 2008, 2024),
    ...years(wrongRegion, 2008, 2024),
    ...years(county, 2008, 2024, () => ({ type: 'private_non_enterprise', region: '150600' })),
    ...years('ORG-0001', 2008, 2024), // not a credit code: not judged
  ];
  const w = warningsById(rows);
  it('flags a broken check character, with the problem found', () => {
    const hit = ruleHit(w, bad, 'credit_code_checksum')!;
    expect(hit.evidence.code).toBe(bad);
    expect(String((hit.evidence.problems as string[])[0])).toMatch(/^check character is/);
    expect(ruleHit(w, bad, 'credit_code_mismatch')).toBeUndefined(); // invalid codes are not compared
  });
  it('flags a valid code whose type digit or division disagrees with the columns', () => {
    expect(ruleHit(w, wrongType, 'credit_code_mismatch')!.evidence).toMatchObject({
      disagrees: 'type',
      codeType: 'foundation',
      type: 'social_group',
    });
    expect(ruleHit(w, wrongRegion, 'credit_code_mismatch')!.evidence).toMatchObject({
      disagrees: 'region',
      codeRegion: '150200',
      region: '150100',
    });
  });
  it('just misses a valid consistent code, a county-level division inside the region, and non-code ids', () => {
    for (const id of [good, county, 'ORG-0001']) expect(w.get(id), id).toBeUndefined();
  });
});

describe('rule deregistered_reporting (reports for years after the deregistration year)', () => {
  const rows = [
    ...years('AFTER', 2008, 2021, () => ({ deregistered: 20200501, status: 'deregistered' })),
    ...years('SAME_YEAR', 2008, 2020, () => ({ deregistered: 20201231, status: 'deregistered' })),
  ];
  const w = warningsById(rows);
  it('trips with a 2021 report after deregistration on 2020-05-01', () => {
    expect(ruleHit(w, 'AFTER', 'deregistered_reporting')!.evidence).toMatchObject({
      deregistered: 20200501,
      deregisteredYear: 2020,
      reportsAfter: 1,
      firstAfter: 2021,
      lastAfter: 2021,
    });
  });
  it('just misses a last report in the deregistration year', () => {
    expect(w.get('SAME_YEAR')).toBeUndefined();
  });
});

describe('as-of year and lookback', () => {
  const rows = [
    ...years('DEFICIT_2010', 2008, 2024, (y) => (y >= 2010 && y <= 2012 ? { expenses: 150000 } : {})),
    ...years('DORMANT_LATE', 2008, 2024, (y) => (y >= 2023 ? DEAD : {})),
  ];
  it('--year 2022 reads rows up to 2022 only: the 2023–2024 dormancy is not yet there', () => {
    const w = warningsById(rows, { year: 2022 });
    expect(ruleHit(w, 'DORMANT_LATE', 'dormant')).toBeUndefined();
    expect(ruleHit(w, 'DEFICIT_2010', 'persistent_deficit')!.years).toEqual([2010, 2011, 2012]);
  });
  it('lookbackYears 5 drops warnings whose evidence ends before 2020 (2024 − 5 + 1)', () => {
    const rules = loadRules();
    rules.lookbackYears = 5;
    const w = warningsById(rows, { rules });
    expect(w.get('DEFICIT_2010')).toBeUndefined();
    expect(ruleHit(w, 'DORMANT_LATE', 'dormant')).toBeDefined();
  });
  it('a disabled rule does not run', () => {
    const rules = loadRules();
    rules.rules.find((r) => r.id === 'dormant')!.enabled = false;
    expect(warningsById(rows, { rules }).get('DORMANT_LATE')).toBeUndefined();
  });
  it('healthy rows trip nothing', () => {
    expect(
      warningsById([...years('A', 2008, 2024), ...years('B', 2008, 2024), healthy('C', 2024, { registered: 20240301 })])
        .size,
    ).toBe(0);
  });
});
