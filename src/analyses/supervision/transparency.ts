import { BLOCK_ROWS, copyRows } from '../../cube/column-blocks.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { OrgFacts } from './checks/rule-check.js';
import type { TransparencyDef } from '../../domain/rules/rules.js';

/** The transparency components. */
export const TRANSPARENCY_PARTS = ['completeness', 'disclosure', 'online', 'continuity'] as const;
/** One component. */
export type TransparencyPart = (typeof TRANSPARENCY_PARTS)[number];

/** One organization's transparency: components on [0, 1] (NaN = not available), index 0–100. */
export interface TransparencyScore {
  completeness: number;
  disclosure: number;
  online: number;
  continuity: number;
  index: number;
}

/** The per-organization transparency state machine (fed the same rows as the rule checks). */
export interface TransparencyTracker {
  /** Weights actually used (the file's, rescaled over the available components; 0 = not available). */
  weights: Record<TransparencyPart, number>;
  /** Annual-report fields of the file that the input has. */
  fields: string[];
  reset(): void;
  row(i: number, year: number): void;
  finish(o: OrgFacts, into: TransparencyScore): void;
}

/**
 * Build the transparency tracker: over the report rows of the window (the `windowYears`
 * years ending with the as-of year), completeness = mean share of the file's annual-report
 * fields (those the input has) reported per row; disclosure / online = share of the rows
 * with the flag 1 (missing = 0); continuity = rows in the window / years a report was due in
 * the window (from the later of registration and panel start, to the deregistration year).
 * Index = 100 × Σ w_k c_k with the weights rescaled over the components the input can give
 * (no fields → no completeness; no `disclosure` / `online` column → no flag component;
 * registry list → no continuity).
 *
 * @param def the rules file's transparency block
 * @param ds the dataset
 * @param asOf the as-of year
 * @returns the tracker
 * @example
 * // window 2022–2024, 3 rows, all fields reported, disclosure 1,1,0, online 0,0,0 → index
 * // 100 × (0.4 × 1 + 0.25 × 2/3 + 0.15 × 0 + 0.2 × 1) = 76.7
 */
export function transparencyTracker(def: TransparencyDef, ds: Dataset, asOf: number): TransparencyTracker {
  const panel = ds.shape === 'panel';
  const fields = def.fields.filter((f) => ds.num[f]);
  const from = asOf - def.windowYears + 1;
  const reported = reportedFields(ds, fields, panel ? from : -Infinity, panel ? asOf : Infinity);
  const disclosure = ds.num.disclosure;
  const online = ds.num.online;
  const raw: Record<TransparencyPart, number> = {
    completeness: fields.length ? def.weights.completeness : 0,
    disclosure: disclosure ? def.weights.disclosure : 0,
    online: online ? def.weights.online : 0,
    continuity: panel ? def.weights.continuity : 0,
  };
  const total = raw.completeness + raw.disclosure + raw.online + raw.continuity;
  const weights = Object.fromEntries(TRANSPARENCY_PARTS.map((k) => [k, total > 0 ? raw[k] / total : 0])) as Record<
    TransparencyPart,
    number
  >;
  let rows = 0;
  let complete = 0;
  let disc = 0;
  let onl = 0;
  const years: number[] = [];
  return {
    weights,
    fields,
    reset() {
      rows = complete = disc = onl = 0;
      if (years.length) years.length = 0;
    },
    row(i: number, year: number) {
      if (panel && (year < from || year > asOf)) return;
      rows++;
      years.push(year);
      if (fields.length) complete += reported[i] / fields.length;
      if (disclosure && disclosure[i] === 1) disc++;
      if (online && online[i] === 1) onl++;
    },
    finish(o: OrgFacts, into: TransparencyScore) {
      into.completeness = weights.completeness > 0 && rows ? complete / rows : NaN;
      into.disclosure = weights.disclosure > 0 && rows ? disc / rows : NaN;
      into.online = weights.online > 0 && rows ? onl / rows : NaN;
      into.continuity = NaN;
      if (weights.continuity > 0) {
        const due = Number.isNaN(o.registeredYear) ? o.firstYear : Math.max(o.registeredYear, o.panelFirstYear);
        const start = Math.max(from, due);
        const end = !Number.isNaN(o.deregisteredYear)
          ? Math.min(asOf, o.deregisteredYear)
          : o.statusDeregistered
            ? Math.min(asOf, o.lastYear)
            : asOf;
        const expected = end - start + 1;
        if (expected > 0) {
          let got = 0;
          for (const y of years) if (y >= start && y <= end) got++;
          into.continuity = got / expected;
        }
      }
      let s = 0;
      let w = 0;
      for (const k of TRANSPARENCY_PARTS) {
        const v = into[k];
        if (weights[k] > 0 && !Number.isNaN(v)) {
          s += weights[k] * v;
          w += weights[k];
        }
      }
      into.index = w > 0 ? (100 * s) / w : NaN;
    },
  };
}

/**
 * Reported fields per row (1 byte per row), counted column by column and block by block;
 * only rows whose year lies in [from, to] are counted (the others are never read).
 */
function reportedFields(ds: Dataset, fields: readonly string[], from: number, to: number): Uint8Array {
  const reported = new Uint8Array(fields.length ? ds.length : 0);
  if (!fields.length) return reported;
  const yearCol = ds.num.year;
  const block = new Float64Array(BLOCK_ROWS);
  const at = new Int32Array(BLOCK_ROWS);
  const cols = fields.map((f) => ds.num[f]);
  for (let a = 0; a < ds.length; a += BLOCK_ROWS) {
    const b = Math.min(ds.length, a + BLOCK_ROWS);
    // the block's rows in the window
    let m = 0;
    if (yearCol && (from > -Infinity || to < Infinity)) {
      copyRows(yearCol, a, b, block);
      for (let k = 0; k < b - a; k++) if (block[k] >= from && block[k] <= to) at[m++] = k;
    } else for (let k = 0; k < b - a; k++) at[m++] = k;
    if (m === 0) continue;
    for (const c of cols) {
      copyRows(c, a, b, block);
      for (let j = 0; j < m; j++) {
        const k = at[j];
        if (block[k] === block[k]) reported[a + k]++;
      }
    }
  }
  return reported;
}
