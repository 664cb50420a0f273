import type { Dataset, NumColumn } from '../../dataset/dataset.js';
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
export const emptyFacts = (): RowFacts => ({ i: -1, year: NaN, activities: NaN, revenue: NaN, expenses: NaN, ft: NaN, pt: NaN, cert: NaN, source: NaN, deregistered: NaN, registered: NaN });

const NONE = new Float64Array(0);

/**
 * Build a reader that fills a {@link RowFacts} from a dataset row without allocating.
 * Columns the input lacks read as NaN.
 *
 * @param ds the dataset
 * @param sourceField the single-source rule's revenue field
 * @param asOf the year given to registry rows (which have none)
 * @returns `read(i, into)`
 * @example
 * const read = rowFactsReader(ds, 'rev_gov_purchase', 2024);
 * const f = emptyFacts();
 * read(0, f); f.revenue; // => 120000
 */
export function rowFactsReader(ds: Dataset, sourceField: string, asOf: number): (i: number, f: RowFacts) => void {
  const col = (name: string): NumColumn => ds.num[name] ?? NONE;
  const at = (c: NumColumn, i: number): number => (c.length ? c[i] : NaN);
  const year = ds.num.year;
  const revs = REVENUE_FIELDS.filter((f) => ds.num[f]).map((f) => ds.num[f]);
  const revTotal = col('revenue_total');
  const certs = ['cert_junior', 'cert_mid', 'cert_senior'].filter((f) => ds.num[f]).map((f) => ds.num[f]);
  const activities = col('activities');
  const expenses = col('expenses');
  const ft = col('staff_fulltime');
  const pt = col('staff_parttime');
  const source = col(sourceField);
  const dereg = col('deregistered');
  const reg = col('registered');
  return (i, f) => {
    f.i = i;
    f.year = year ? year[i] : asOf;
    let s = 0;
    let any = false;
    for (const c of revs) {
      const v = c[i];
      if (!Number.isNaN(v)) {
        s += v;
        any = true;
      }
    }
    f.revenue = any ? s : at(revTotal, i);
    s = 0;
    any = false;
    for (const c of certs) {
      const v = c[i];
      if (!Number.isNaN(v)) {
        s += v;
        any = true;
      }
    }
    f.cert = any ? s : NaN;
    f.activities = at(activities, i);
    f.expenses = at(expenses, i);
    f.ft = at(ft, i);
    f.pt = at(pt, i);
    f.source = at(source, i);
    f.deregistered = at(dereg, i);
    f.registered = at(reg, i);
  };
}

/** Calendar year of a yyyymmdd date (NaN stays NaN). */
export const yearOfDate = (d: number): number => (Number.isNaN(d) ? NaN : Math.floor(d / 10000));
