import type { InputRows } from '../../dataset/org-rows.js';

/**
 * True when the input is a registry list that cannot show closed organizations: one row
 * per organization (no year column) and neither a `deregistered` nor a `status` column.
 * Such a snapshot holds only survivors, so early years of the stock are undercounted.
 *
 * @param rows what there is of the input's organization rows
 * @returns whether the survivorship caveat applies
 * @example
 * survivorshipBias(registryWithoutStatus); // => true
 */
export function survivorshipBias(rows: InputRows): boolean {
  return (
    rows.kind !== 'aggregate' &&
    rows.shape === 'registry' &&
    !rows.fields.includes('deregistered') &&
    !rows.fields.includes('status')
  );
}
