import { DERIVED_FIELDS } from '../../cube/derived-fields.js';
import type { IndicatorDef } from '../../domain/framework/framework.js';
import { specFields } from '../../domain/framework/spec-fields.js';

/**
 * The input columns an indicator needs that the cube does not measure. A derived field is
 * reported with the canonical columns it is derived from.
 *
 * @param indicator the indicator
 * @param measures the cube's measured fields (`cube.measures`)
 * @returns the missing fields, in spec order, without duplicates (empty when computable)
 * @example
 * missingColumns(youngManagerShare, ['staff_fulltime']);
 * // => [{ field: 'manager_young', from: ['manager_age'] }]
 */
export function missingColumns(
  indicator: IndicatorDef,
  measures: readonly string[],
): { field: string; from?: string[] }[] {
  const have = new Set(measures);
  const out: { field: string; from?: string[] }[] = [];
  const seen = new Set<string>();
  for (const { field } of specFields(indicator.compute)) {
    if (field === 'count' || have.has(field) || seen.has(field)) continue;
    seen.add(field);
    const derived = DERIVED_FIELDS.find((d) => d.name === field);
    out.push(derived ? { field, from: [...derived.inputs] } : { field });
  }
  return out;
}
