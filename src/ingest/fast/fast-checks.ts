import type { RowScratch } from '../../dataset/dataset-builder.js';
import { creditCodeTypeOf } from '../../domain/credit-code/index.js';
import type { ConvertContext } from '../convert-context.js';
import { alnum18, validUpperCreditCode } from '../plain-cells.js';
import {
  certTotal,
  creditCodeFacts,
  crossChecksFire,
  ROW_CROSS_CHECKS,
  staffTotal,
  type CodeFacts,
  type CrossCheckRow,
} from '../row-cross-checks.js';
import type { FastColumns } from './fast-columns.js';

/** The cross-checks that read the credit code (run once per distinct id, type and region). */
const CODE_CHECKS = ROW_CROSS_CHECKS.filter((c) => c.fields.includes('org_id'));
/** The other cross-checks (run on every row). */
const NUMBER_CHECKS = ROW_CROSS_CHECKS.filter((c) => !c.fields.includes('org_id'));

/** The fast row path's cross-checks of the row in the scratch. */
export interface FastChecks {
  /** Id of the last row checked clean. */
  id: string;
  /** Year of the last row checked clean (NaN without a year column). */
  year: number;
  /** True when none of the row cross-checks fires on the scratch row (then `id` and `year` hold it). */
  clean(): boolean;
}

/**
 * The row cross-checks ({@link ROW_CROSS_CHECKS}) on the fast path's scratch row: true
 * only when none fires (convertRow lists the problems of every other row). A panel repeats
 * an organization's id, type and region on consecutive rows, so the credit-code checks run
 * once per change of them, and a code's region is looked up once per division.
 *
 * @param cols the file's column layout
 * @param ctx the file's conversion context
 * @param scratch the row the cells were written to
 * @returns the checker
 * @example
 * fastChecks(cols, ctx, scratch).clean(); // => true for a row with no problem
 */
export function fastChecks(cols: FastColumns, ctx: ConvertContext, scratch: RowScratch): FastChecks {
  const { num, cat, text } = scratch;
  const s = (f: string) => cols.slotIn(f);
  const [sYear, sReg, sDereg, sFull, sPart] = [
    'year',
    'registered',
    'deregistered',
    'staff_fulltime',
    'staff_parttime',
  ].map(s);
  const sCerts = ['cert_junior', 'cert_mid', 'cert_senior'].map(s);
  const [sType, sRegion, sId] = ['type', 'region', 'org_id'].map(s);
  const numAt = (sl: number): number => (sl >= 0 ? num[sl] : NaN);
  const { years } = ctx;
  const codeRegion = codeRegionMemo(ctx.resolveRegion);
  const row: CrossCheckRow = {
    year: NaN,
    registered: NaN,
    deregistered: NaN,
    certs: NaN,
    staff: NaN,
    id: '',
    type: null,
    region: null,
    code: null,
  };
  /** The code facts of a valid upper-case code, else of checkCreditCode (which then fails a check). */
  const facts = (id: string, region: string | null): CodeFacts =>
    validUpperCreditCode(id)
      ? {
          normalized: id,
          valid: true,
          problems: [],
          codeType: creditCodeTypeOf(id),
          codeRegion: region ? codeRegion(id) : null,
        }
      : creditCodeFacts(id, ctx.resolveRegion);
  /** The last id, type and region checked by the code checks, and the answer. */
  const last = { id: '', type: null as string | null, region: null as string | null, ok: true };
  const codeClean = (id: string): boolean => {
    const type = sType >= 0 ? cat[sType] : null;
    const region = sRegion >= 0 ? cat[sRegion] : null;
    if (id !== last.id || type !== last.type || region !== last.region) {
      last.id = id;
      last.type = type;
      last.region = region;
      row.id = id;
      row.type = type;
      row.region = region;
      row.code = alnum18(id) ? facts(id, region) : null;
      last.ok = !crossChecksFire(row, years, CODE_CHECKS);
    }
    return last.ok;
  };

  const checks: FastChecks = {
    id: '',
    year: NaN,
    clean(): boolean {
      row.year = numAt(sYear);
      row.registered = numAt(sReg);
      row.deregistered = numAt(sDereg);
      row.certs = certTotal(numAt(sCerts[0]), numAt(sCerts[1]), numAt(sCerts[2]));
      row.staff = staffTotal(numAt(sFull), numAt(sPart));
      if (crossChecksFire(row, years, NUMBER_CHECKS)) return false;
      const id = sId >= 0 ? text[sId] : '';
      if (ctx.checkCodes && id.length === 18 && !codeClean(id)) return false;
      checks.id = id;
      checks.year = row.year;
      return true;
    },
  };
  return checks;
}

/**
 * The region of a credit code's characters 3–8, looked up once per division.
 *
 * @param resolveRegion places a 6-digit division code in the regions file
 * @returns the lookup by credit code
 * @example
 * codeRegionMemo(resolve)('51150200MJ10472999'); // => '150200'
 */
function codeRegionMemo(resolveRegion: ConvertContext['resolveRegion']): (id: string) => string | null {
  const regionOfDivision = new Map<number, string | null>();
  return (id) => {
    let key = 0;
    for (let i = 2; i < 8; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return resolveRegion(id.slice(2, 8));
      key = key * 10 + d;
    }
    let r = regionOfDivision.get(key);
    if (r === undefined) {
      r = resolveRegion(id.slice(2, 8));
      regionOfDivision.set(key, r);
    }
    return r;
  };
}
