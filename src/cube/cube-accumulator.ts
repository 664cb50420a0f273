import { FIELDS, NUMERIC_KINDS } from '../dataset/fields.js';
import type { CategoryColumn, Dataset } from '../dataset/dataset.js';
import { StringDictionary } from '../dataset/string-dictionary.js';
import type { Cube } from './cube.js';
import { FlatCubeCell } from './flat-cube-cell.js';
import { compareCells, cubeFromCells } from './cube-from-cells.js';
import { BLOCK_ROWS, columnMinMax, copyRows } from './column-blocks.js';
import { DERIVED_FIELDS, inputColumns } from './derived-fields.js';

/** Options of {@link CubeAccumulator}. */
export interface CubeAccumulatorOptions {
  /** Field-of-activity codes that count as core governance fields. */
  governanceFields: ReadonlySet<string>;
  /** For registry lists (no year column): the last year of the stock series (required for them). */
  asOf?: number;
}

const NON_MEASURES = new Set(['year', 'registered', 'deregistered']);

/** Largest dense cell table (entries) of a chunk before its cells are found through a map instead. */
const DENSE_LIMIT = 1 << 22;

/** Radixes of the numeric cell key (global codes): years from 1000, up to 63 types and 1,022 fields. */
const KEY_YEARS = 4096;
const KEY_TYPES = 64;
const KEY_FIELDS = 1024;

/** The whole years a year column spans (NaN and fractional values ignored); null when none. */
function yearSpan(col: ArrayLike<number>): { lo: number; count: number } | null {
  const { min, max: hi } = columnMinMax(col);
  let lo = min;
  if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  lo = Math.floor(lo);
  return { lo, count: Math.floor(hi) - lo + 1 };
}

/** Add a column's reported values of each row to the sum and count of the row's cell (−1: none). */
// eslint-disable-next-line max-params -- hot path, kept as one loop / positional arguments for speed
function addColumn(
  col: ArrayLike<number>,
  valueCell: Int32Array,
  sum: Float64Array,
  n: Float64Array,
  block: Float64Array,
): void {
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

/** A growable array of doubles (zero-filled). */
function grown(a: Float64Array, size: number): Float64Array {
  if (size <= a.length) return a;
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The region × year × type × field cube, summed chunk by chunk: chunks of organization rows
 * added in input order give exactly the cube of all their rows at once (each cell's sum of
 * a measure adds the same rows in the same order, so it is the same number). Panels put each
 * row in its year; registry lists count an organization in every year from its registration
 * until the year before its deregistration (or `asOf`), and put its numeric fields in the
 * `asOf` year only. Chunks may have their own dictionaries; a chunk without one of the
 * fields counts as missing it.
 *
 * @example
 * const acc = new CubeAccumulator({ governanceFields: gov });
 * for (const chunk of chunks) acc.add(chunk);
 * acc.finish().cells.length;
 */
export class CubeAccumulator {
  private readonly present = new Set<string>();
  private readonly regions = new StringDictionary();
  private readonly types = new StringDictionary();
  private readonly fields = new StringDictionary();
  /** Global cell number by numeric key, or by text key beyond the radixes. */
  private readonly cellIndex = new Map<number | string, number>();
  private readonly cellKeys: { region: string; year: number; type: string; field: string }[] = [];
  private counts: Float64Array = new Float64Array(1024);
  /** Sums and reporting counts of each measure so far (cell-indexed). */
  private readonly sums = new Map<string, { sum: Float64Array; n: Float64Array }>();
  private readonly block = new Float64Array(BLOCK_ROWS);

  /** @param options governance fields; `asOf` for registry lists */
  constructor(private readonly options: CubeAccumulatorOptions) {}

  /** The cube's measures so far: the numeric fields in canonical order, then the derived ones. */
  get measures(): string[] {
    return measuresOf([...this.present]);
  }

  /**
   * Add a chunk of rows (after the chunks before it in input order).
   *
   * @param ds the chunk
   */
  // eslint-disable-next-line max-lines-per-function -- hot path, kept as one loop / positional arguments for speed
  add(ds: Dataset): void {
    for (const f of ds.present) this.present.add(f);
    for (const name of this.measures)
      if (!this.sums.has(name))
        this.sums.set(name, { sum: new Float64Array(this.counts.length), n: new Float64Array(this.counts.length) });
    if (ds.length === 0) return;
    const regionMap = this.globalCodes(ds.cat.region, this.regions);
    const typeMap = this.globalCodes(ds.cat.type, this.types);
    const fieldCol = ds.cat.field;
    const fieldMap = fieldCol ? this.globalCodes(fieldCol, this.fields) : null;
    const regionCol = ds.cat.region;
    const typeCol = ds.cat.type;
    const nType = typeCol.dict.length + 1;
    const nField = (fieldCol?.dict.length ?? 0) + 1;
    const yearCol = ds.num.year;
    // panels: a dense table of cell numbers over the chunk's region × year × type × field codes
    // when it is small (the usual case), so that a row finds its cell without hashing
    const span = yearCol ? yearSpan(yearCol) : null;
    const nRegion = regionCol.dict.length;
    const dense =
      span && nRegion * span.count * nType * nField <= DENSE_LIMIT
        ? new Int32Array(nRegion * span.count * nType * nField).fill(-1)
        : null;
    const cellOf = (regionCode: number, year: number, typeCode: number, fieldCode: number): number => {
      if (dense && Number.isInteger(year) && regionCode >= 0 && typeCode >= 0) {
        const d = ((regionCode * span!.count + (year - span!.lo)) * nType + typeCode) * nField + fieldCode + 1;
        const idx = dense[d];
        if (idx >= 0) return idx;
        return (dense[d] = this.cell(
          regionMap[regionCode],
          year,
          typeMap[typeCode],
          fieldCode < 0 ? -1 : fieldMap![fieldCode],
        ));
      }
      return this.cell(
        regionCode < 0 ? -1 : regionMap[regionCode],
        year,
        typeCode < 0 ? -1 : typeMap[typeCode],
        fieldCode < 0 ? -1 : fieldMap![fieldCode],
      );
    };
    const counts = (): Float64Array => this.counts;
    // pass 1, by row: each row's cells (counted) and the one cell that gets its values (-1: none)
    const valueCell = new Int32Array(ds.length);
    const block = this.block;
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
          counts()[idx]++;
          valueCell[a + k] = idx;
        }
      }
    } else {
      // registry lists: each year from registration to deregistration (or the as-of year)
      const asOf = this.options.asOf ?? 0;
      const reg = ds.num.registered;
      const dereg = ds.num.deregistered;
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
          counts()[idx]++;
          if (y === asOf) valueCell[i] = idx;
        }
      }
    }
    // pass 2, measure by measure into one contiguous sum and count per cell (a working set
    // that stays in cache)
    const { numeric, derived } = measureParts(ds.present);
    for (const name of numeric) {
      const col = ds.num[name];
      const acc = this.sums.get(name)!;
      if (col) addColumn(col, valueCell, acc.sum, acc.n, block);
    }
    // derived fields: their input columns are read block by block too
    const governanceByCode = fieldCol ? fieldCol.dict.map((f) => this.options.governanceFields.has(f)) : [];
    const fieldBlock = new Int32Array(BLOCK_ROWS);
    for (const d of derived) {
      const { sum: sumJ, n: nJ } = this.sums.get(d.name)!;
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
          const v = d.fromColumns(
            blocks,
            i - a,
            fieldCol ? (fieldCode < 0 ? null : governanceByCode[fieldCode]) : null,
          );
          if (v === v) {
            sumJ[idx] += v;
            nJ[idx]++;
          }
        }
      }
    }
  }

  /**
   * The cube of every row added so far.
   *
   * @returns the cube, cells sorted by region, year, type, field
   */
  finish(): Cube {
    const measures = this.measures;
    const m = measures.length;
    const cells = this.cellKeys.length;
    // the store in the cube's order of cells, so that rollups read it as it is (FlatCubeCell.gather)
    const order = Array.from({ length: cells }, (_x, idx) => idx).sort((a, b) =>
      compareCells(this.cellKeys[a], this.cellKeys[b]),
    );
    const store = { measures, sum: new Float64Array(cells * m), n: new Float64Array(cells * m) };
    measures.forEach((name, j) => {
      const col = this.sums.get(name)!;
      for (let at = 0; at < cells; at++) {
        store.sum[at * m + j] = col.sum[order[at]];
        store.n[at * m + j] = col.n[order[at]];
      }
    });
    return cubeFromCells(
      'microdata',
      measures,
      order.map((idx, at) => new FlatCubeCell(this.cellKeys[idx], this.counts[idx], store, at)),
      true,
    );
  }

  /** A chunk dictionary's codes as global codes. */
  private globalCodes(col: CategoryColumn | undefined, dict: StringDictionary): Int32Array {
    return Int32Array.from(col?.dict ?? [], (v) => dict.code(v));
  }

  /** The global cell of (region, year, type, field) in global codes (−1: none), made when new. */
  private cell(region: number, year: number, type: number, field: number): number {
    const key: number | string =
      region >= 0 &&
      type >= 0 &&
      type < KEY_TYPES - 1 &&
      field < KEY_FIELDS - 2 &&
      Number.isInteger(year) &&
      year >= 1000 &&
      year < 1000 + KEY_YEARS
        ? ((region * KEY_YEARS + (year - 1000)) * KEY_TYPES + type + 1) * KEY_FIELDS + field + 1
        : `${region}|${year}|${type}|${field}`;
    const idx = this.cellIndex.get(key);
    if (idx !== undefined) return idx;
    const c = this.cellKeys.length;
    this.cellIndex.set(key, c);
    this.cellKeys.push({
      region: this.regions.values[region],
      year,
      type: this.types.values[type],
      field: field < 0 ? '' : this.fields.values[field],
    });
    if (c >= this.counts.length) {
      this.counts = grown(this.counts, c + 1);
      for (const acc of this.sums.values()) {
        acc.sum = grown(acc.sum, this.counts.length);
        acc.n = grown(acc.n, this.counts.length);
      }
    }
    return c;
  }
}

/** The numeric measures (canonical order) and derived fields of rows with these fields. */
function measureParts(present: readonly string[]): { numeric: string[]; derived: (typeof DERIVED_FIELDS)[number][] } {
  const has = new Set(present);
  const numeric = FIELDS.filter((f) => has.has(f.name) && !NON_MEASURES.has(f.name) && NUMERIC_KINDS.has(f.kind)).map(
    (f) => f.name,
  );
  const derived = DERIVED_FIELDS.filter((d) => d.inputs.some((f) => has.has(f)));
  return { numeric, derived };
}

/** The cube's measures for rows with these fields: the numeric fields, then the derived ones. */
function measuresOf(present: readonly string[]): string[] {
  const { numeric, derived } = measureParts(present);
  return [...numeric, ...derived.map((d) => d.name)];
}
