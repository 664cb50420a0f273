import { FIELD_BY_NAME } from '../dataset/fields.js';
import type { Dataset } from '../dataset/dataset.js';
import { catValue } from '../dataset/dataset.js';
import type { Cube, CubeCell } from './cube.js';
import { cubeFromCells } from './cube-from-cells.js';
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
  const m = measures.length;
  // cells are found by an integer key built from dictionary codes; sums and reporting
  // counts accumulate in flat arrays (cell × measure) and become objects at the end
  const regionCol = ds.cat.region;
  const typeCol = ds.cat.type;
  const fieldCol = ds.cat.field;
  const nType = typeCol.dict.length + 1;
  const nField = (fieldCol?.dict.length ?? 0) + 1;
  const cellIndex = new Map<number, number>();
  const cellKeys: { region: string; year: number; type: string; field: string }[] = [];
  let counts = new Float64Array(1024);
  let sums = new Float64Array(1024 * m);
  let ns = new Float64Array(1024 * m);
  const cellOf = (regionCode: number, year: number, typeCode: number, fieldCode: number): number => {
    const key = ((regionCode * 4096 + (year - 1000)) * nType + typeCode) * nField + fieldCode + 1;
    let idx = cellIndex.get(key);
    if (idx === undefined) {
      idx = cellKeys.length;
      cellIndex.set(key, idx);
      cellKeys.push({
        region: regionCol.dict[regionCode],
        year,
        type: typeCol.dict[typeCode],
        field: fieldCode < 0 ? '' : fieldCol!.dict[fieldCode],
      });
      if (idx >= counts.length) {
        const grow = <T extends Float64Array>(a: T, size: number): T => {
          const b = new Float64Array(size) as T;
          b.set(a);
          return b;
        };
        counts = grow(counts, counts.length * 2);
        sums = grow(sums, counts.length * m);
        ns = grow(ns, counts.length * m);
      }
    }
    return idx;
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
  const numericCols = numeric.map((f) => ds.num[f]);
  const governanceByCode = fieldCol ? fieldCol.dict.map((f) => options.governanceFields.has(f)) : [];
  const values = new Float64Array(m);
  let row = 0;
  const get = (f: string): number => ds.num[f]?.[row] ?? NaN;
  const add = (idx: number, withValues: boolean) => {
    counts[idx]++;
    if (!withValues) return;
    const base = idx * m;
    for (let j = 0; j < m; j++) {
      const v = values[j];
      if (v === v) {
        sums[base + j] += v;
        ns[base + j]++;
      }
    }
  };
  for (let i = 0; i < ds.length; i++) {
    row = i;
    const regionCode = regionCol.codes[i];
    const typeCode = typeCol.codes[i];
    const fieldCode = fieldCol ? fieldCol.codes[i] : -1;
    for (let j = 0; j < numericCols.length; j++) values[j] = numericCols[j][i];
    const gov = fieldCol ? (fieldCode < 0 ? null : governanceByCode[fieldCode]) : null;
    for (let j = 0; j < derived.length; j++) values[numeric.length + j] = derived[j].compute(get, gov);
    if (yearCol) {
      add(cellOf(regionCode, yearCol[i], typeCode, fieldCode), true);
      continue;
    }
    const from = Math.floor(reg[i] / 10000);
    const deregYear = dereg && !Number.isNaN(dereg[i]) ? Math.floor(dereg[i] / 10000) : Infinity;
    const to = Math.min(asOf, deregYear - 1);
    for (let y = from; y <= to; y++) add(cellOf(regionCode, y, typeCode, fieldCode), y === asOf);
  }
  const cells = new Map<number, CubeCell>();
  cellKeys.forEach((k, idx) => {
    const c: CubeCell = { ...k, count: counts[idx], sum: {}, n: {} };
    for (let j = 0; j < m; j++) {
      c.sum[measures[j]] = sums[idx * m + j];
      c.n[measures[j]] = ns[idx * m + j];
    }
    cells.set(idx, c);
  });
  return cubeFromCells('microdata', measures, cells.values());
}
