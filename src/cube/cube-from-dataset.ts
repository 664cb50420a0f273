import { FIELD_BY_NAME } from '../dataset/fields.js';
import type { Dataset } from '../dataset/dataset.js';
import { catValue } from '../dataset/dataset.js';
import type { Cube, CubeCell } from './cube.js';
import { DERIVED_FIELDS } from './derived-fields.js';

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

const NON_MEASURES = new Set(['year', 'registered', 'deregistered']);

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
  const numeric = ds.present.filter((f) => f in ds.num && !NON_MEASURES.has(f) && FIELD_BY_NAME.get(f)!.kind !== 'date');
  const derived = DERIVED_FIELDS.filter((d) => d.inputs.some((f) => ds.present.includes(f)));
  const measures = [...numeric, ...derived.map((d) => d.name)];
  const cells = new Map<string, CubeCell>();
  const cell = (region: string, year: number, type: string, field: string): CubeCell => {
    const k = `${region}|${year}|${type}|${field}`;
    let c = cells.get(k);
    if (!c) {
      c = { region, year, type, field, count: 0, sum: {}, n: {} };
      for (const m of measures) {
        c.sum[m] = 0;
        c.n[m] = 0;
      }
      cells.set(k, c);
    }
    return c;
  };
  const yearCol = ds.num.year;
  const reg = ds.num.registered;
  const dereg = ds.num.deregistered;
  let asOf = options.asOf ?? 0;
  if (!yearCol && !options.asOf) {
    for (let i = 0; i < ds.length; i++) {
      const r = Math.floor(reg[i] / 10000);
      if (r > asOf) asOf = r;
      if (dereg && !Number.isNaN(dereg[i])) asOf = Math.max(asOf, Math.floor(dereg[i] / 10000));
    }
  }
  const values = new Float64Array(measures.length);
  for (let i = 0; i < ds.length; i++) {
    const region = catValue(ds.cat.region, i)!;
    const type = catValue(ds.cat.type, i)!;
    const field = catValue(ds.cat.field, i) ?? '';
    const get = (f: string): number => ds.num[f]?.[i] ?? NaN;
    numeric.forEach((f, j) => (values[j] = ds.num[f][i]));
    const gov = ds.cat.field ? (field === '' ? null : options.governanceFields.has(field)) : null;
    derived.forEach((d, j) => (values[numeric.length + j] = d.compute(get, gov)));
    const add = (c: CubeCell, withValues: boolean) => {
      c.count++;
      if (!withValues) return;
      for (let j = 0; j < measures.length; j++) {
        const v = values[j];
        if (!Number.isNaN(v)) {
          c.sum[measures[j]] += v;
          c.n[measures[j]]++;
        }
      }
    };
    if (yearCol) {
      add(cell(region, yearCol[i], type, field), true);
      continue;
    }
    const from = Math.floor(reg[i] / 10000);
    const deregYear = dereg && !Number.isNaN(dereg[i]) ? Math.floor(dereg[i] / 10000) : Infinity;
    const to = Math.min(asOf, deregYear - 1);
    for (let y = from; y <= to; y++) add(cell(region, y, type, field), y === asOf);
  }
  const list = [...cells.values()].sort((a, b) =>
    a.region < b.region ? -1 : a.region > b.region ? 1 : a.year - b.year || (a.type < b.type ? -1 : a.type > b.type ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
  );
  const uniq = <T>(xs: T[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    source: 'microdata',
    measures,
    regions: uniq(list.map((c) => c.region)),
    years: uniq(list.map((c) => c.year)),
    types: uniq(list.map((c) => c.type)),
    fields: uniq(list.map((c) => c.field)),
    cells: list,
  };
}
