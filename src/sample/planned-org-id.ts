import { ORG_TYPES } from '../dataset/fields.js';
import { CREDIT_CODE_ALPHABET } from '../domain/credit-code/credit-code-alphabet.js';
import { TYPE_BY_DIGIT } from '../domain/credit-code/credit-code-type-of.js';
import type { SamplePlan } from './plan-sample.js';
import { sampleCreditCode } from './sample-credit-code.js';

/** Character 2 of a civil-affairs credit code, by type index (the digits of TYPE_BY_DIGIT). */
const TYPE_DIGITS = ORG_TYPES.map((t) => Object.keys(TYPE_BY_DIGIT).find((d) => TYPE_BY_DIGIT[d] === t)!);

/**
 * The `org_id` (unified social credit code) of planned organization `i`: valid and consistent
 * with its type and region, except for the organizations planted with a failing checksum
 * (check character replaced) or a type/region mismatch (valid checksum, wrong character 2 or
 * wrong division).
 *
 * @param plan the sample plan
 * @param i organization index, 0 ≤ i < plan.count
 * @returns the 18-character code
 * @example
 * plannedOrgId(plan, 0).length; // => 18
 */
export function plannedOrgId(plan: SamplePlan, i: number): string {
  const { regions } = plan.options;
  const ri = plan.region[i];
  const plant = plan.planted.get(i);
  let typeDigit = TYPE_DIGITS[plan.type[i]];
  let division = regions[ri].code;
  if (plant?.rule === 'credit_code_mismatch') {
    const alt = plant.alt ?? 0;
    if (plant.kind === 'type') typeDigit = String(alt);
    else division = regions[alt >= ri ? alt + 1 : alt].code;
  }
  const code = sampleCreditCode(typeDigit, division, i);
  if (plant?.rule !== 'credit_code_checksum') return code;
  const v = CREDIT_CODE_ALPHABET.indexOf(code[17]);
  return code.slice(0, 17) + CREDIT_CODE_ALPHABET[(v + (plant.alt ?? 1)) % 31];
}
