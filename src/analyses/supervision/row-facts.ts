import { copyRows } from '../../cube/column-blocks.js';
import type { Dataset } from '../../dataset/dataset.js';
import { REVENUE_FIELDS } from '../../dataset/fields.js';

/** The quantities the warning rules read from one row (NaN = not reported). */
export interface RowFacts {
  /** Row index in the dataset. */
  i: number;
  /** Report year (the as-of year for registry lists). */
  year: number;
  activities: number;
  /** Total revenue: the sum of the reported `rev_*` sources; `revenue_total` when none is reported. */
  revenue: number;
  expenses: number;
  /** Full-time staff. */
  ft: number;
  /** Part-time staff. */
  pt: number;
  /** Certified social workers: the sum of the reported levels; NaN when none is reported. */
  cert: number;
  /** The single-source rule's revenue source (default `rev_gov_purchase`). */
  source: number;
  /** Deregistration date as yyyymmdd. */
  deregistered: number;
  /** Registration date as yyyymmdd. */
  registered: number;
}

/** A fresh, empty facts object (reused row after row). */
export const emptyFacts = (): RowFacts => ({
  i: -1,
  year: NaN,
  activities: NaN,
  revenue: NaN,
  expenses: NaN,
  ft: NaN,
  pt: NaN,
  cert: NaN,
  source: NaN,
  deregistered: NaN,
  registered: NaN,
});

/** Positions of the organization order loaded at a time by {@link RowFactsReader.load}. */
export const FACTS_BATCH = 4096;

/** Widest run of rows a batch copies as a whole (else its rows are gathered one by one). */
const WINDOW = 4 * FACTS_BATCH;

// slots of the columns a reader keeps, then the revenue sources, then the certificate levels
const YEAR = 0;
const REV_TOTAL = 1;
const ACTIVITIES = 2;
const EXPENSES = 3;
const FT = 4;
const PT = 5;
const SOURCE = 6;
const DEREG = 7;
const REG = 8;
const FIXED = 9;

/**
 * Reads the {@link RowFacts} of dataset rows in the order the supervision pass visits them,
 * without allocating. Rows are loaded a batch of order positions at a time into plain
 * 8-byte arrays: when the batch's rows lie close together (input grouped by organization)
 * the run of rows is copied in bulk, else the rows are gathered one by one. Reads then come
 * from those arrays, whatever the columns are (4- or 8-byte floats, views of resizable
 * buffers). Columns the input lacks read as NaN.
 */
export class RowFactsReader {
  private readonly cols: (ArrayLike<number> | undefined)[];
  private readonly bufs: Float64Array[];
  private readonly nRevs: number;
  private readonly nCerts: number;
  private readonly asOf: number;
  /** Loaded positions [p0, p1); rows are at `bufs[c][i - lo]` (window) or `bufs[c][p - p0]` (gathered). */
  private p0 = 0;
  private p1 = 0;
  private lo = 0;
  private byPosition = false;

  /**
   * @param ds the dataset
   * @param sourceField the single-source rule's revenue field
   * @param asOf the year given to registry rows (which have none)
   * @example
   * const r = new RowFactsReader(ds, 'rev_gov_purchase', 2024);
   * r.load(order.rows, 0, Math.min(FACTS_BATCH, order.rows.length));
   * const f = emptyFacts();
   * r.read(0, order.rows[0], f); f.revenue; // => 120000
   */
  constructor(ds: Dataset, sourceField: string, asOf: number) {
    const revs = REVENUE_FIELDS.filter((f) => ds.num[f]).map((f) => ds.num[f]);
    const certs = ['cert_junior', 'cert_mid', 'cert_senior'].filter((f) => ds.num[f]).map((f) => ds.num[f]);
    const fixed = [
      'year',
      'revenue_total',
      'activities',
      'expenses',
      'staff_fulltime',
      'staff_parttime',
      sourceField,
      'deregistered',
      'registered',
    ];
    this.cols = [...fixed.map((f) => ds.num[f] as ArrayLike<number> | undefined), ...revs, ...certs];
    this.bufs = this.cols.map((c) => (c === undefined ? new Float64Array(WINDOW).fill(NaN) : new Float64Array(WINDOW)));
    this.nRevs = revs.length;
    this.nCerts = certs.length;
    this.asOf = asOf;
  }

  /**
   * Load the rows of order positions [p0, p1) (at most {@link FACTS_BATCH}).
   *
   * @param rows the organization order's row indices
   * @param p0 first position
   * @param p1 one past the last position
   */
  load(rows: Uint32Array, p0: number, p1: number): void {
    let lo = Infinity;
    let hi = -1;
    for (let p = p0; p < p1; p++) {
      const i = rows[p];
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    this.p0 = p0;
    this.p1 = p1;
    this.lo = lo;
    this.byPosition = hi - lo >= WINDOW;
    for (let c = 0; c < this.cols.length; c++) {
      const col = this.cols[c];
      if (col === undefined) continue;
      const buf = this.bufs[c];
      if (!this.byPosition) copyRows(col, lo, hi + 1, buf);
      else for (let p = p0; p < p1; p++) buf[p - p0] = col[rows[p]];
    }
  }

  /** True when position p is loaded. */
  has(p: number): boolean {
    return p >= this.p0 && p < this.p1;
  }

  /**
   * Fill the facts of the row at order position p (loaded).
   *
   * @param p the order position
   * @param i its dataset row
   * @param f the facts to fill
   */
  read(p: number, i: number, f: RowFacts): void {
    const o = this.byPosition ? p - this.p0 : i - this.lo;
    const b = this.bufs;
    f.i = i;
    f.year = this.cols[YEAR] === undefined ? this.asOf : b[YEAR][o];
    let s = 0;
    let any = false;
    for (let c = FIXED; c < FIXED + this.nRevs; c++) {
      const v = b[c][o];
      if (!Number.isNaN(v)) {
        s += v;
        any = true;
      }
    }
    f.revenue = any ? s : b[REV_TOTAL][o];
    s = 0;
    any = false;
    for (let c = FIXED + this.nRevs; c < FIXED + this.nRevs + this.nCerts; c++) {
      const v = b[c][o];
      if (!Number.isNaN(v)) {
        s += v;
        any = true;
      }
    }
    f.cert = any ? s : NaN;
    f.activities = b[ACTIVITIES][o];
    f.expenses = b[EXPENSES][o];
    f.ft = b[FT][o];
    f.pt = b[PT][o];
    f.source = b[SOURCE][o];
    f.deregistered = b[DEREG][o];
    f.registered = b[REG][o];
  }
}

/** Calendar year of a yyyymmdd date (NaN stays NaN). */
export const yearOfDate = (d: number): number => (Number.isNaN(d) ? NaN : Math.floor(d / 10000));
