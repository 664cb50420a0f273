import type { Dataset } from '../../dataset/dataset.js';

/**
 * True when the input is a registry list that cannot show closed organizations: one row
 * per organization (no year column) and neither a `deregistered` nor a `status` column.
 * Such a snapshot holds only survivors, so early years of the stock are undercounted.
 *
 * @param ds the dataset (null for aggregate input)
 * @returns whether the survivorship caveat applies
 * @example
 * survivorshipBias(registryWithoutStatus); // => true
 */
export function survivorshipBias(ds: Dataset | null): boolean {
  return ds?.shape === 'registry' && !ds.present.includes('deregistered') && !ds.present.includes('status');
}
