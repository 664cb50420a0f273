import { checksumReason } from '../core/messages/credit-code.js';
import { checkCreditCode, creditCodeTypeOf, type CreditCodeProblem } from '../domain/credit-code/index.js';
import type { CellProblem } from './convert-context.js';
import { definitelyBefore } from './values/definitely-before.js';
import { yearOf } from './values/parse-date.js';

/** The plausible years of a file (the profile's `years`). */
export interface YearRange {
  min: number;
  max: number;
}

/** What the credit-code checks know of an 18-character id of digits and letters. */
export interface CodeFacts {
  /** The id upper-cased (GB 32100 letters are capitals). */
  readonly normalized: string;
  /** Both check characters right. */
  readonly valid: boolean;
  /** Why it is not valid (empty when it is). */
  readonly problems: readonly CreditCodeProblem[];
  /** The type its character 2 declares (civil-affairs codes only). */
  readonly codeType: string | undefined;
  /** The region its characters 3–8 place it in (null: none, or not looked up as there is no region to compare). */
  readonly codeRegion: string | null;
}

/**
 * One converted row as the cross-checks read it. Numbers are NaN when the cell is missing
 * (or the file has no such column); `code` is null unless the profile checks codes and the
 * id is 18 digits and letters.
 */
export interface CrossCheckRow {
  year: number;
  registered: number;
  deregistered: number;
  /** Certified social workers (junior + mid + senior; a missing count adds nothing; NaN when none is known). */
  certs: number;
  /** Full-time + part-time staff (a missing part-time count adds nothing). */
  staff: number;
  /** The id as the row holds it (before upper-casing). */
  id: string;
  type: unknown;
  region: unknown;
  code: CodeFacts | null;
}

/**
 * A check across the cells of one converted row: a reject (the row is refused) or a
 * warning (the row is kept).
 */
export interface RowCrossCheck {
  /** Reject or warning code. */
  readonly code: string;
  readonly severity: 'reject' | 'warning';
  /** The canonical fields the check reads. */
  readonly fields: readonly string[];
  /** The column the problem names. */
  readonly column: string;
  /** True when the check fires (the row has the problem). */
  readonly fires: (r: CrossCheckRow, years: YearRange) => boolean;
  /** The value the problem quotes. */
  readonly value: (r: CrossCheckRow) => string;
  /** What is wrong (and how to fix it). */
  readonly reason: (r: CrossCheckRow, years: YearRange) => string;
}

const known = (x: number): boolean => x === x;
const outside = (y: number, { min, max }: YearRange): boolean => y < min || y > max;

/** The R_YEAR_RANGE check of a date column: its year outside the plausible years rejects the row. */
function dateYearRange(field: 'registered' | 'deregistered'): RowCrossCheck {
  return {
    code: 'R_YEAR_RANGE',
    severity: 'reject',
    fields: [field],
    column: field,
    fires: (r, y) => known(r[field]) && outside(yearOf(r[field]), y),
    value: (r) => String(yearOf(r[field])),
    reason: (_, y) => `is outside the plausible years ${y.min}–${y.max}`,
  };
}

/**
 * The checks across a row's cells, in the order their problems are listed: the rejects
 * first (a row rejected by one is not checked further), then the warnings. Both row paths
 * use this one list: `convertRow` (through {@link crossCheckProblems}) and the fast path of
 * `fast-row.ts` (through {@link crossChecksFire}), which hands every row a check fires on
 * to convertRow. test/perf/optimized-path-identity.test.ts compares the two paths.
 */
export const ROW_CROSS_CHECKS: readonly RowCrossCheck[] = [
  {
    code: 'R_YEAR_RANGE',
    severity: 'reject',
    fields: ['year'],
    column: 'year',
    fires: (r, y) => known(r.year) && outside(r.year, y),
    value: (r) => String(r.year),
    reason: (_, y) => `is outside the plausible years ${y.min}–${y.max} (set "years" in the profile to change them)`,
  },
  dateYearRange('registered'),
  dateYearRange('deregistered'),
  {
    code: 'W_YEAR_BEFORE_REGISTRATION',
    severity: 'warning',
    fields: ['year', 'registered'],
    column: 'year',
    fires: (r) => known(r.year) && known(r.registered) && r.year < yearOf(r.registered),
    value: (r) => String(r.year),
    reason: (r) => `is before the registration year ${yearOf(r.registered)}`,
  },
  {
    code: 'W_DEREGISTERED_BEFORE_REGISTERED',
    severity: 'warning',
    fields: ['deregistered', 'registered'],
    column: 'deregistered',
    fires: (r) => known(r.deregistered) && known(r.registered) && definitelyBefore(r.deregistered, r.registered),
    value: (r) => String(r.deregistered),
    reason: (r) => `is before the registration date ${r.registered}`,
  },
  {
    code: 'W_REPORT_AFTER_DEREGISTRATION',
    severity: 'warning',
    fields: ['year', 'deregistered'],
    column: 'year',
    fires: (r) => known(r.year) && known(r.deregistered) && r.year > yearOf(r.deregistered),
    value: (r) => String(r.year),
    reason: (r) => `reports after deregistration in ${yearOf(r.deregistered)}`,
  },
  {
    code: 'W_CERT_EXCEEDS_STAFF',
    severity: 'warning',
    fields: ['cert_junior', 'cert_mid', 'cert_senior', 'staff_fulltime', 'staff_parttime'],
    column: 'cert_*',
    fires: (r) => known(r.certs) && known(r.staff) && r.certs > r.staff,
    value: (r) => String(r.certs),
    reason: (r) => `certified social workers (${r.certs}) exceed total staff (${r.staff})`,
  },
  {
    code: 'W_CODE_LOWERCASE',
    severity: 'warning',
    fields: ['org_id'],
    column: 'org_id',
    fires: (r) => r.code !== null && r.code.normalized !== r.id,
    value: (r) => r.id,
    reason: () => 'has lower-case letters; read as upper case',
  },
  {
    code: 'W_CODE_CHECKSUM',
    severity: 'warning',
    fields: ['org_id'],
    column: 'org_id',
    fires: (r) => r.code !== null && !r.code.valid,
    value: (r) => r.id,
    reason: (r) => checksumReason(r.code!.problems, 'en'),
  },
  {
    code: 'W_CODE_TYPE',
    severity: 'warning',
    fields: ['org_id', 'type'],
    column: 'org_id',
    fires: (r) => r.code !== null && r.code.valid && !!r.code.codeType && !!r.type && r.code.codeType !== r.type,
    value: (r) => r.id,
    reason: (r) => `says type ${r.code!.codeType} (2nd character) but the type column says ${String(r.type)}`,
  },
  {
    code: 'W_CODE_REGION',
    severity: 'warning',
    fields: ['org_id', 'region'],
    column: 'org_id',
    fires: (r) =>
      r.code !== null && r.code.valid && !!r.code.codeRegion && !!r.region && r.code.codeRegion !== r.region,
    value: (r) => r.id,
    reason: (r) =>
      `was issued in region ${r.code!.codeRegion} (characters 3–8) but the region column says ${String(r.region)}`,
  },
];

/**
 * The problems the cross-checks find in a row: every reject that fires, or, when none
 * does, every warning that fires, in the order of {@link ROW_CROSS_CHECKS}.
 *
 * @param r the row
 * @param years the plausible years
 * @param checks the checks (default: {@link ROW_CROSS_CHECKS})
 * @returns the rejects and warnings (both empty for a clean row)
 * @example
 * crossCheckProblems({ ...row, year: 1800 }, { min: 1950, max: 2100 }).rejects[0].code; // => 'R_YEAR_RANGE'
 */
export function crossCheckProblems(
  r: CrossCheckRow,
  years: YearRange,
  checks: readonly RowCrossCheck[] = ROW_CROSS_CHECKS,
): { rejects: CellProblem[]; warnings: CellProblem[] } {
  const rejects: CellProblem[] = [];
  const warnings: CellProblem[] = [];
  for (const c of checks) {
    // a rejected row is not warned about
    if (c.severity === 'warning' && rejects.length > 0) break;
    if (!c.fires(r, years)) continue;
    const p = { code: c.code, column: c.column, value: c.value(r), reason: c.reason(r, years) };
    (c.severity === 'reject' ? rejects : warnings).push(p);
  }
  return { rejects, warnings };
}

/**
 * Whether any of the checks fires on a row (the fast row path's test: a row one fires on
 * goes to convertRow, which lists the problems).
 *
 * @param r the row
 * @param years the plausible years
 * @param checks the checks (default: {@link ROW_CROSS_CHECKS})
 * @returns true when at least one check fires
 * @example
 * crossChecksFire({ ...row, year: 1800 }, { min: 1950, max: 2100 }); // => true
 */
export function crossChecksFire(
  r: CrossCheckRow,
  years: YearRange,
  checks: readonly RowCrossCheck[] = ROW_CROSS_CHECKS,
): boolean {
  for (let i = 0; i < checks.length; i++) if (checks[i].fires(r, years)) return true;
  return false;
}

/**
 * Whether the credit-code checks apply to an id: 18 digits and letters.
 *
 * @param id the row's id
 * @returns true when the id is read as a unified social credit code
 * @example
 * codeChecked('51150200MJ10472999'); // => true
 */
export function codeChecked(id: string): boolean {
  return id.length === 18 && /^[0-9A-Za-z]{18}$/.test(id);
}

/**
 * The facts the credit-code checks read of an id (see {@link codeChecked}).
 *
 * @param id an 18-character id of digits and letters
 * @param resolveRegion places a 6-digit division code in the regions file
 * @returns the code facts
 * @example
 * creditCodeFacts('51150200MJ10472999', resolve).codeType; // => 'social_group'
 */
export function creditCodeFacts(id: string, resolveRegion: (division: string) => string | null): CodeFacts {
  const r = checkCreditCode(id);
  if (!r.valid)
    return { normalized: r.normalized, valid: false, problems: r.problems, codeType: undefined, codeRegion: null };
  const codeType = creditCodeTypeOf(r.normalized);
  return {
    normalized: r.normalized,
    valid: true,
    problems: [],
    codeType,
    codeRegion: resolveRegion(r.normalized.slice(2, 8)),
  };
}

/**
 * Certified social workers of a row: the known counts summed, NaN when none is known.
 *
 * @param junior junior certificates (NaN: missing)
 * @param mid intermediate certificates (NaN: missing)
 * @param senior senior certificates (NaN: missing)
 * @returns the sum of the known counts, or NaN
 * @example
 * certTotal(2, NaN, 1); // => 3
 */
export function certTotal(junior: number, mid: number, senior: number): number {
  let cert = NaN;
  if (known(junior)) cert = 0 + junior;
  if (known(mid)) cert = known(cert) ? cert + mid : 0 + mid;
  if (known(senior)) cert = known(cert) ? cert + senior : 0 + senior;
  return cert;
}

/**
 * Total staff of a row: full-time plus part-time (a missing part-time count adds nothing).
 *
 * @param full full-time staff (NaN: missing)
 * @param part part-time staff (NaN: missing)
 * @returns the total, NaN when full-time is missing
 * @example
 * staffTotal(5, NaN); // => 5
 */
export function staffTotal(full: number, part: number): number {
  return full + (known(part) ? part : 0);
}
