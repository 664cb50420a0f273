import { FIELD_BY_NAME } from '../dataset/fields.js';
import type { Dataset } from '../dataset/dataset.js';
import { catValue } from '../dataset/dataset.js';
import { measureRecord, type Cube, type CubeCell } from './cube.js';
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
  // pass 1, by row: each row's cells (counted) and the one cell that gets its values (-1: none)
  const valueCell = new Int32Array(ds.length);
  for (let i = 0; i < ds.length; i++) {
    const regionCode = regionCol.codes[i];
    const typeCode = typeCol.codes[i];
    const fieldCode = fieldCol ? fieldCol.codes[i] : -1;
    if (yearCol) {
      const idx = cellOf(regionCode, yearCol[i], typeCode, fieldCode);
      counts[idx]++;
      valueCell[i] = idx;
      continue;
    }
    valueCell[i] = -1;
    const from = Math.floor(reg[i] / 10000);
    const deregYear = dereg && !Number.isNaN(dereg[i]) ? Math.floor(dereg[i] / 10000) : Infinity;
    const to = Math.min(asOf, deregYear - 1);
    for (let y = from; y <= to; y++) {
      const idx = cellOf(regionCode, y, typeCode, fieldCode);
      counts[idx]++;
      if (y === asOf) valueCell[i] = idx;
    }
  }
  // pass 2, by measure: sums and reporting counts. Each cell's sum of a measure adds the
  // same rows in the same (row) order as a row-by-row pass would, so it is the same number.
  const accumulate = (j: number, valueOf: (i: number) => number): void => {
    for (let i = 0; i < ds.length; i++) {
      const idx = valueCell[i];
      if (idx < 0) continue;
      const v = valueOf(i);
      if (v === v) {
        sums[idx * m + j] += v;
        ns[idx * m + j]++;
      }
    }
  };
  for (let j = 0; j < numericCols.length; j++) {
    const col = numericCols[j];
    for (let i = 0; i < ds.length; i++) {
      const idx = valueCell[i];
      const v = col[i];
      if (idx >= 0 && v === v) {
        sums[idx * m + j] += v;
        ns[idx * m + j]++;
      }
    }
  }
  const columns = new Map(Object.entries(ds.num));
  let row = 0;
  const get = (f: string): number => {
    const c = columns.get(f);
    return c === undefined ? NaN : c[row];
  };
  for (let j = 0; j < derived.length; j++) {
    const d = derived[j];
    accumulate(numeric.length + j, (i) => {
      row = i;
      const fieldCode = fieldCol ? fieldCol.codes[i] : -1;
      return d.compute(get, fieldCol ? (fieldCode < 0 ? null : governanceByCode[fieldCode]) : null);
    });
  }
  const cells = new Map<number, CubeCell>();
  cellKeys.forEach((k, idx) => {
    cells.set(idx, { ...k, count: counts[idx], sum: measureRecord(measures, sums, idx * m), n: measureRecord(measures, ns, idx * m) });
  });
  return cubeFromCells('microdata', measures, cells.values());
}
