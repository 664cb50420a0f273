import type { Dataset } from '../dataset/dataset.js';
import type { Cube } from './cube.js';
import { CubeAccumulator } from './cube-accumulator.js';

/** Options of {@link cubeFromDataset}. */
export interface CubeOptions {
  /** Field-of-activity codes that count as core governance fields. */
  governanceFields: ReadonlySet<string>;
  /**
   * For registry lists (no year column): the last year of the stock series
   * (default: the latest registration or deregistration year in the data).
   */
  asOf?: number;
}

/**
 * Aggregate organization rows into the region × year × type × field cube.
 * Panels (a `year` column) put each row in its year. Registry lists (one row per
 * organization) count an organization in every year from its registration year until the
 * year before its deregistration (or `asOf`), and put its numeric fields in the `asOf`
 * year only, since a registry snapshot says nothing about earlier years.
 *
 * @param ds the dataset
 * @param options governance fields and the registry as-of year
 * @returns the cube, cells sorted by region, year, type, field
 * @example
 * cubeFromDataset(ds, { governanceFields: new Set(['ecology']) }).cells.length;
 */
export function cubeFromDataset(ds: Dataset, options: CubeOptions): Cube {
  const acc = new CubeAccumulator({
    governanceFields: options.governanceFields,
    asOf: ds.num.year ? undefined : options.asOf || registryAsOf(ds),
  });
  acc.add(ds);
  return acc.finish();
}

/** The latest registration or deregistration year of a registry list (0 when none). */
function registryAsOf(ds: Dataset): number {
  const reg = ds.num.registered;
  const dereg = ds.num.deregistered;
  let asOf = 0;
  for (let i = 0; i < ds.length; i++) {
    const r = Math.floor(reg[i] / 10000);
    if (r > asOf) asOf = r;
    if (dereg && !Number.isNaN(dereg[i])) asOf = Math.max(asOf, Math.floor(dereg[i] / 10000));
  }
  return asOf;
}
