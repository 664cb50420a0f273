import type { RowValues } from '../../dataset/dataset-builder.js';
import { checkCreditCode } from '../../domain/credit-code/index.js';
import type { CellProblem, ConvertContext } from '../convert-context.js';

/** Rejects of the region cell that a credit code can settle. */
const SETTLEABLE = new Set(['R_UNKNOWN_REGION', 'R_AMBIGUOUS_REGION']);

/**
 * Place a row whose region cell places nothing by its unified social credit code: the
 * code's characters 3–8 are the registering authority's division code (DOMAIN.md). An
 * ambiguous name (南山区) is settled when exactly one of its candidates lies in the credit
 * code's division (same prefecture, else same province), without a warning; a name that
 * places nothing takes the credit code's unit, with the warning `W_REGION_FROM_CREDIT_CODE`
 * (counted like every warning). The reject stays when the code fails its GB 32100 check,
 * when the text has no Chinese character (it is no place name: a formula, a stray word),
 * when the text names a division the code contradicts (北京市 beside a code issued in
 * Ordos), and for an empty cell (the cn-registry profile derives the region from the code
 * explicitly). Mutates `values`, `rejects`, `warnings`.
 *
 * @param values the row's converted values
 * @param rejects the row's rejects so far
 * @param warnings the row's warnings
 * @param ctx the conversion context (its resolver's `match` and `division`)
 * @example
 * // region 南山区, org_id 51440305MJL123456X → region 440300 (china-prefectures)
 * placeByCreditCode(values, rejects, warnings, ctx);
 */
export function placeByCreditCode(
  values: RowValues,
  rejects: CellProblem[],
  warnings: CellProblem[],
  ctx: ConvertContext,
): void {
  const { division, match } = ctx.resolveRegion;
  if (!division || !match) return;
  const i = rejects.findIndex((p) => SETTLEABLE.has(p.code) && /^region\b/.test(p.column));
  if (i < 0) return;
  const id = values.org_id;
  if (typeof id !== 'string' || id.length !== 18 || !/^[0-9A-Za-z]{2}\d{6}/.test(id)) return;
  if (!checkCreditCode(id).valid) return;
  const div = id.slice(2, 8);
  const unit = division(div);
  const problem = rejects[i];
  if (problem.code === 'R_AMBIGUOUS_REGION') {
    const cands = match(problem.value).candidates;
    const same = (n: number) => cands.filter((c) => c.division.slice(0, n) === div.slice(0, n));
    const pick = same(4).length ? same(4) : same(2);
    if (new Set(pick.map((c) => c.unit)).size !== 1) return;
    values.region = pick[0].unit;
    rejects.splice(i, 1);
    return;
  }
  if (!unit) return;
  // only a text that reads as a Chinese place name the file lacks (扎兰屯市 in an old export):
  // anything else (a formula, a stray English word) stays a reject
  if (!/[\u3400-\u9fff]/.test(problem.value)) return;
  // a text naming a division elsewhere (北京市 beside a credit code of Ordos) contradicts the code: the reject stays
  const named = match(problem.value).named;
  if (named.length && !named.some((d) => consistent(d, div))) return;
  values.region = unit;
  rejects.splice(i, 1);
  warnings.push({
    code: 'W_REGION_FROM_CREDIT_CODE',
    column: problem.column,
    value: problem.value,
    reason: `places no region of the file; placed in ${unit} by the credit code's division code ${div} (characters 3–8 of ${id})`,
  });
}

/** A named division and a credit code's division agree: same division, or one contains the other. */
function consistent(named: string, div: string): boolean {
  if (!/^\d{6}$/.test(named)) return false;
  const prefix = (c: string) => (c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : c);
  const a = prefix(named);
  const b = prefix(div);
  return a.startsWith(b) || b.startsWith(a);
}
