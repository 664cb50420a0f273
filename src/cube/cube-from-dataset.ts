import { FIELD_BY_NAME } from '../dataset/fields.js';
import type { Dataset } from '../dataset/dataset.js';
import { catValue } from '../dataset/dataset.js';
import { measureRecord, type Cube, type CubeCell } from './cube.js';
import { cubeFromCells } from './cube-from-cells.js';
import { BLOCK_ROWS, columnMinMax, copyRows } from './column-blocks.js';
import { DERIVED_FIELDS, inputColumns } from './derived-fields.js';

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

/** Largest dense cell table (entries) before cells are found through a map instead. */
const DENSE_LIMIT = 1 << 22;

/** The whole years a year column spans (NaN and fractional values ignored); null when none. */
function yearSpan(col: ArrayLike<number>): { lo: number; count: number } | null {
  const { min, max: hi } = columnMinMax(col);
  let lo = min;
  if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  lo = Math.floor(lo);
  return { lo, count: Math.floor(hi) - lo + 1 };
}

/** Add a column's reported values of each row to the sum and count of the row's cell (−1: none). */
function addColumn(col: ArrayLike<number>, valueCell: Int32Array, sum: Float64Array, n: Float64Array, block: Float64Array): void {
  for (let a = 0; a < valueCell.length; a += BLOCK_ROWS) {
    const b = Math.min(valueCell.length, a + BLOCK_ROWS);
    copyRows(col, a, b, block);
    for (let i = a; i < b; i++) {
      const idx = valueCell[i];
      const v = block[i - a];
      if (idx >= 0 && v === v) {
        sum[idx] += v;
        n[idx]++;
      }
    }
  }
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
  const yearCol = ds.num.year;
  // panels: a dense table of cell numbers over region × year × type × field codes when it is
  // small (the usual case), so that a row finds its cell without hashing; other keys use the map
  const span = yearCol ? yearSpan(yearCol) : null;
  const nRegion = regionCol.dict.length;
  const dense = span && nRegion * span.count * nType * nField <= DENSE_LIMIT ? new Int32Array(nRegion * span.count * nType * nField).fill(-1) : null;
  const newCell = (key: number, regionCode: number, year: number, typeCode: number, fieldCode: number): number => {
    const idx = cellKeys.length;
    cellIndex.set(key, idx);
    cellKeys.push({
      region: regionCol.dict[regionCode],
      year,
      type: typeCol.dict[typeCode],
      field: fieldCode < 0 ? '' : fieldCol!.dict[fieldCode],
    });
    if (idx >= counts.length) {
      const b = new Float64Array(counts.length * 2);
      b.set(counts);
      counts = b;
    }
    return idx;
  };
  const cellOf = (regionCode: number, year: number, typeCode: number, fieldCode: number): number => {
    if (dense && Number.isInteger(year) && regionCode >= 0 && typeCode >= 0) {
      const d = ((regionCode * span!.count + (year - span!.lo)) * nType + typeCode) * nField + fieldCode + 1;
      const idx = dense[d];
      if (idx >= 0) return idx;
      return (dense[d] = newCell(cellKey(regionCode, year, typeCode, fieldCode), regionCode, year, typeCode, fieldCode));
    }
    const key = cellKey(regionCode, year, typeCode, fieldCode);
    const idx = cellIndex.get(key);
    return idx === undefined ? newCell(key, regionCode, year, typeCode, fieldCode) : idx;
  };
  const cellKey = (regionCode: number, year: number, typeCode: number, fieldCode: number): number => ((regionCode * 4096 + (year - 1000)) * nType + typeCode) * nField + fieldCode + 1;
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
  const block = new Float64Array(BLOCK_ROWS);
  if (yearCol) {
    const regions = new Int32Array(BLOCK_ROWS);
    const types = new Int32Array(BLOCK_ROWS);
    const fields = new Int32Array(BLOCK_ROWS).fill(-1);
    for (let a = 0; a < ds.length; a += BLOCK_ROWS) {
      const b = Math.min(ds.length, a + BLOCK_ROWS);
      copyRows(regionCol.codes, a, b, regions);
      copyRows(typeCol.codes, a, b, types);
      if (fieldCol) copyRows(fieldCol.codes, a, b, fields);
      copyRows(yearCol, a, b, block);
      for (let k = 0; k < b - a; k++) {
        const idx = cellOf(regions[k], block[k], types[k], fields[k]);
        counts[idx]++;
        valueCell[a + k] = idx;
      }
    }
  } else {
    // registry lists: each year from registration to deregistration (or the as-of year)
    for (let i = 0; i < ds.length; i++) {
      const regionCode = regionCol.codes[i];
      const typeCode = typeCol.codes[i];
      const fieldCode = fieldCol ? fieldCol.codes[i] : -1;
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
  }
  // pass 2, measure by measure into one contiguous sum and count per cell (a working set
  // that stays in cache), then into the cell × measure layout. Each cell's sum of a measure
  // adds the same rows in the same (row) order as a row-by-row pass would: the same number.
  const nCells = cellKeys.length;
  const sums = new Float64Array(nCells * m);
  const ns = new Float64Array(nCells * m);
  const sumJ = new Float64Array(nCells);
  const nJ = new Float64Array(nCells);
  const store = (j: number): void => {
    for (let c = 0; c < nCells; c++) {
      sums[c * m + j] = sumJ[c];
      ns[c * m + j] = nJ[c];
    }
    sumJ.fill(0);
    nJ.fill(0);
  };
  for (let j = 0; j < numericCols.length; j++) {
    addColumn(numericCols[j], valueCell, sumJ, nJ, block);
    store(j);
  }
  // derived fields: their input columns are read block by block too
  const fieldBlock = new Int32Array(BLOCK_ROWS);
  for (let j = 0; j < derived.length; j++) {
    const d = derived[j];
    const cols = inputColumns(d, ds.num);
    const blocks = cols.map((c) => (c === undefined ? undefined : new Float64Array(BLOCK_ROWS)));
    for (let a = 0; a < ds.length; a += BLOCK_ROWS) {
      const b = Math.min(ds.length, a + BLOCK_ROWS);
      for (let c = 0; c < cols.length; c++) if (cols[c] !== undefined) copyRows(cols[c]!, a, b, blocks[c]!);
      if (fieldCol) copyRows(fieldCol.codes, a, b, fieldBlock);
      for (let i = a; i < b; i++) {
        const idx = valueCell[i];
        if (idx < 0) continue;
        const fieldCode = fieldCol ? fieldBlock[i - a] : -1;
        const v = d.fromColumns(blocks, i - a, fieldCol ? (fieldCode < 0 ? null : governanceByCode[fieldCode]) : null);
        if (v === v) {
          sumJ[idx] += v;
          nJ[idx]++;
        }
      }
    }
    store(numeric.length + j);
  }
  const cells = new Map<number, CubeCell>();
  cellKeys.forEach((k, idx) => {
    cells.set(idx, { ...k, count: counts[idx], sum: measureRecord(measures, sums, idx * m), n: measureRecord(measures, ns, idx * m) });
  });
  return cubeFromCells('microdata', measures, cells.values());
}
