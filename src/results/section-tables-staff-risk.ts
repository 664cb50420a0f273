import type { Results } from './results.js';
import type { SectionTable } from './section-table.js';

type Row = Record<string, unknown>;

const arr = (x: unknown): Row[] => (Array.isArray(x) ? (x as Row[]) : []);
const obj = (x: unknown): Row => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Row) : {});

/** Columns of `tables/staff.csv`. */
const STAFF_COLUMNS = [
  'year',
  'scope',
  'region',
  'region_zh',
  'region_en',
  'type',
  'organizations',
  'population',
  'cert_junior',
  'cert_mid',
  'cert_senior',
  'cert_total',
  'cert_reporting',
  'cert_junior_share',
  'cert_mid_share',
  'cert_senior_share',
  'senior_per_100_junior',
  'certified_per_1000_residents',
  'certified_per_organization',
  'certified_share_of_staff',
  'certified_share_of_staff_reporting',
  'dominant',
  'senior_scarce',
  'shape',
  'staff_fulltime',
  'staff_parttime',
  'staff_total',
  'staff_reporting',
  'fulltime_share',
  'fulltime_per_organization',
  'parttime_per_organization',
  'with_fulltime_share',
  'college',
  'college_share',
  'college_reporting',
  'managers_reporting',
  'manager_mean_age',
  'manager_young_share',
];

function staffRow(year: unknown, scope: string, g: Row): Row {
  const c = obj(g.certified);
  const sh = obj(c.shares);
  const p = obj(g.pyramid);
  const s = obj(g.staff);
  const e = obj(g.education);
  const m = obj(g.managers);
  return {
    year,
    scope,
    region: scope === 'region' ? g.region : null,
    region_zh: scope === 'region' ? g.zh : null,
    region_en: scope === 'region' ? g.en : null,
    type: scope === 'type' ? g.type : null,
    organizations: g.organizations,
    population: g.population,
    cert_junior: c.junior,
    cert_mid: c.mid,
    cert_senior: c.senior,
    cert_total: c.total,
    cert_reporting: obj(c.reporting).all,
    cert_junior_share: sh.junior,
    cert_mid_share: sh.mid,
    cert_senior_share: sh.senior,
    senior_per_100_junior: c.seniorPer100Junior,
    certified_per_1000_residents: c.per1000Residents,
    certified_per_organization: c.perOrganization,
    certified_share_of_staff: c.shareOfStaff,
    certified_share_of_staff_reporting: c.shareOfStaffReporting,
    dominant: p.dominant,
    senior_scarce: p.seniorScarce,
    shape: p.shape,
    staff_fulltime: s.fulltime,
    staff_parttime: s.parttime,
    staff_total: s.total,
    staff_reporting: s.reporting,
    fulltime_share: s.fulltimeShare,
    fulltime_per_organization: s.fulltimePerOrganization,
    parttime_per_organization: s.parttimePerOrganization,
    with_fulltime_share: s.withFulltimeShare,
    college: e.college,
    college_share: e.collegeShare,
    college_reporting: e.reporting,
    managers_reporting: m.reporting,
    manager_mean_age: m.meanAge,
    manager_young_share: m.youngShare,
  };
}

/**
 * `tables/staff.csv`: one row per year for all regions (`scope` = `all`), then one per
 * region and one per type of that year, with the staff section's certified social workers,
 * pyramid, staff, education and manager figures. Pure.
 *
 * @param results the results
 * @returns the table, or none when the staff section is missing or skipped
 * @example
 * staffTable(results)[0].file; // => 'staff.csv'
 */
export function staffTable(results: Results): SectionTable[] {
  const staff = obj(results.analyses.staff);
  if (!Array.isArray(staff.byYear) || staff.skipped === true) return [];
  const rows: Row[] = [];
  for (const y of arr(staff.byYear)) {
    rows.push(staffRow(y.year, 'all', obj(y.all)));
    for (const r of arr(y.byRegion)) rows.push(staffRow(y.year, 'region', r));
    for (const t of arr(y.byType)) rows.push(staffRow(y.year, 'type', t));
  }
  return [{ file: 'staff.csv', columns: STAFF_COLUMNS, rows }];
}

/**
 * `tables/tension-units.csv`: one row per tension × unit (region-year, the `total` region
 * included) with the subsystem scores, coupling, coordination, degree, tension, class,
 * lagging subsystem and Monte Carlo interval. Pure.
 *
 * @param results the results
 * @param names region names by code
 * @returns the table, or none when the tension section is missing or skipped
 * @example
 * tensionUnitsTable(results, regionNames(results))[0].columns[0]; // => 'tension_id'
 */
export function tensionUnitsTable(
  results: Results,
  names: (code: unknown) => { region_zh: unknown; region_en: unknown },
): SectionTable[] {
  const tension = obj(results.analyses.tension);
  if (!Array.isArray(tension.tensions)) return [];
  const rows: Row[] = [];
  for (const t of arr(tension.tensions)) {
    const subs = new Map(arr(t.subsystems).map((s) => [s.key, s.id]));
    for (const u of arr(t.units))
      rows.push({
        tension_id: t.id,
        region: u.region,
        ...names(u.region),
        year: u.year,
        u1_subsystem: subs.get('u1') ?? null,
        u1: u.u1,
        u2_subsystem: subs.get('u2') ?? null,
        u2: u.u2,
        coupling: u.C,
        coordination: u.T,
        degree: u.D,
        tension: u.tension,
        class_index: u.classIndex,
        class_zh: u.zh,
        class_en: u.en,
        lagging: u.lagging,
        gap: u.gap,
        tension_p05: u.p05,
        tension_p95: u.p95,
        class_agreement: u.classAgreement,
        robust: u.robust,
        informative: u.informative,
      });
  }
  const columns = Object.keys(rows[0] ?? { tension_id: 0 });
  return [{ file: 'tension-units.csv', columns, rows }];
}

const SEVERITY = ['warnings', 'high', 'medium', 'low'];

/**
 * Risk totals of the supervision section: `risk-by-rule.csv` (organizations flagged per
 * rule), `risk-by-region.csv` and `risk-by-type.csv` (organizations evaluated, supervised,
 * flagged; warnings by severity). Pure.
 *
 * @param results the results
 * @returns the three tables, or none when the supervision section is missing or skipped
 * @example
 * riskTables(results).map((t) => t.file); // => ['risk-by-rule.csv', 'risk-by-region.csv', 'risk-by-type.csv']
 */
export function riskTables(results: Results): SectionTable[] {
  const warnings = obj(obj(results.analyses.supervision).warnings);
  if (!Array.isArray(warnings.byRule)) return [];
  const counts = ['evaluated', 'supervised', 'flagged', ...SEVERITY];
  const pick = (r: Row, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r[k]]));
  return [
    {
      file: 'risk-by-rule.csv',
      columns: ['rule', 'rule_zh', 'rule_en', 'severity', 'action', 'applied', 'organizations'],
      rows: arr(warnings.byRule).map((r) => ({
        ...pick(r, ['rule', 'severity', 'action', 'applied', 'organizations']),
        rule_zh: r.zh,
        rule_en: r.en,
      })),
    },
    {
      file: 'risk-by-region.csv',
      columns: ['region', 'region_zh', 'region_en', ...counts],
      rows: arr(warnings.byRegion).map((r) => ({
        ...pick(r, ['region', ...counts]),
        region_zh: r.zh,
        region_en: r.en,
      })),
    },
    {
      file: 'risk-by-type.csv',
      columns: ['type', ...counts],
      rows: arr(warnings.byType).map((r) => pick(r, ['type', ...counts])),
    },
  ];
}
