import { DERIVED_FIELDS, inputColumns } from '../../cube/derived-fields.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { ComputeKind, ComputeSpec, Framework, IndicatorDef } from '../../domain/framework/framework.js';
import { specFields } from '../../domain/framework/spec-fields.js';
import { REVENUE_FIELDS } from '../../dataset/fields.js';
import { missingColumns } from '../indicators/missing-columns.js';

/** Computation kinds that mean something for one organization (see docs/METHODS.md, "Grades"). */
export const ORG_LEVEL_KINDS: readonly ComputeKind[] = [
  'share_of_orgs',
  'mean_per_org',
  'ratio_of_sums',
  'revenue_diversification',
];

/** An indicator of the framework evaluated for one organization-year. */
export interface OrgIndicator {
  def: IndicatorDef;
  /** The fields it reads (no duplicates), in the order {@link OrgIndicator.at} expects their values. */
  fields: string[];
  /**
   * Evaluate from the fields' values: `vals[j][k]` is the value of `fields[j]` for unit k
   * (NaN = missing; see {@link fieldValues}).
   */
  at: (vals: readonly ArrayLike<number>[], k: number) => number;
  /** Evaluate on dataset row i (NaN when undefined for the row). */
  value: (i: number) => number;
}

/** A framework indicator left out of the organization-level grade, and why. */
export interface OrgIndicatorSkip {
  id: string;
  layer: string;
  reason: 'region-level' | 'missing-columns';
  missing: string[];
}

/**
 * The value of an organization-level compute spec for one organization-year, from its
 * fields' values — what `evaluateIndicator` gives on a unit of one organization (count 1,
 * sums = the row's values, reporting counts 1 or 0), where a field's estimated total is its
 * value (NaN when missing): share of organizations and mean per organization are the value
 * (`base: 'all'`: missing counts as 0); ratio of sums Σ numerator / Σ denominator (NaN when a
 * term is missing or the denominator is 0); revenue diversification 1 − Σ (t / Σ t)².
 * Sums add from 0 in spec order, as `evaluateIndicator` does, so the numbers are the same.
 */
function kernel(
  spec: ComputeSpec,
  pos: (field: string) => number,
): (vals: readonly ArrayLike<number>[], k: number) => number {
  switch (spec.kind) {
    case 'share_of_orgs': {
      const p = pos(spec.field);
      if (spec.base === 'all') {
        return (vals, k) => {
          const v = vals[p][k];
          return Number.isNaN(v) ? 0 : v / 1;
        };
      }
      return (vals, k) => vals[p][k] / 1;
    }
    case 'mean_per_org': {
      const p = pos(spec.field);
      return (vals, k) => vals[p][k] / 1;
    }
    case 'ratio_of_sums': {
      const num = Int32Array.from(spec.numerator, pos);
      const den = Int32Array.from(spec.denominator, pos);
      return (vals, k) => {
        let d = 0;
        for (let j = 0; j < den.length; j++) d = d + vals[den[j]][k];
        if (!(d > 0 || d < 0)) return NaN;
        let s = 0;
        for (let j = 0; j < num.length; j++) s = s + vals[num[j]][k];
        return s / d;
      };
    }
    case 'revenue_diversification': {
      const ps = Int32Array.from(spec.fields ?? REVENUE_FIELDS, pos);
      return (vals, k) => {
        let all = 0;
        for (let j = 0; j < ps.length; j++) {
          const t = vals[ps[j]][k];
          if (Number.isNaN(t)) return NaN;
          all = all + t;
        }
        if (!(all > 0)) return NaN;
        let s = 0;
        for (let j = 0; j < ps.length; j++) s = s + (vals[ps[j]][k] / all) ** 2;
        return 1 - s;
      };
    }
    default:
      throw new Error(`not an organization-level kind: ${spec.kind}`);
  }
}

/**
 * A reader of one field of the dataset's rows: a numeric column, a derived field computed
 * from its input columns, or `count` (1 per organization-year).
 */
function fieldReader(ds: Dataset, field: string, governanceFields: ReadonlySet<string>): (i: number) => number {
  if (field === 'count') return () => 1;
  const col = ds.num[field];
  if (col) return (i) => col[i];
  const d = DERIVED_FIELDS.find((x) => x.name === field)!;
  const cols = inputColumns(d, ds.num);
  const fieldCol = ds.cat.field;
  if (!fieldCol) return (i) => d.fromColumns(cols, i, null);
  const govByCode = fieldCol.dict.map((c) => governanceFields.has(c));
  return (i) => d.fromColumns(cols, i, fieldCol.codes[i] < 0 ? null : govByCode[fieldCol.codes[i]]);
}

/**
 * The values of one field at some rows of the dataset, for {@link OrgIndicator.at}: a numeric
 * column, a derived field (computed from its inputs as the cube does) or `count` (1).
 *
 * @param ds the dataset
 * @param field a numeric or derived field
 * @param rows the dataset rows
 * @param governanceFields field-of-activity codes that count as core governance fields
 * @returns `out[k]` = the field's value on row `rows[k]` (NaN = missing)
 * @example
 * fieldValues(ds, 'has_fulltime_staff', Int32Array.of(0, 5), gov); // => Float64Array [1, 0]
 */
export function fieldValues(
  ds: Dataset,
  field: string,
  rows: ArrayLike<number>,
  governanceFields: ReadonlySet<string>,
): Float64Array {
  const out = new Float64Array(rows.length);
  const col = field === 'count' ? undefined : ds.num[field];
  if (col) {
    for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]];
    return out;
  }
  const read = fieldReader(ds, field, governanceFields);
  for (let k = 0; k < rows.length; k++) out[k] = read(rows[k]);
  return out;
}

/**
 * The framework's indicators at organization level: each organization-year is a unit of one
 * organization (a cube group with count 1 whose sums are the row's values and whose reporting
 * counts are 1 or 0), evaluated as `evaluateIndicator` evaluates the region-level index.
 * Kinds that need residents, a previous year or a type mix (`per_population`, `growth`,
 * `type_diversity`) are region-level and left out, as are indicators whose columns the input
 * lacks.
 *
 * @param framework the indicator framework
 * @param ds the dataset
 * @param governanceFields field-of-activity codes that count as core governance fields
 * @returns the usable indicators (framework order) and the skipped ones
 * @example
 * orgIndicators(loadFramework(), ds, gov).used.map((u) => u.def.id); // => ['fulltime_staff_per_org', …]
 */
export function orgIndicators(
  framework: Framework,
  ds: Dataset,
  governanceFields: ReadonlySet<string>,
): { used: OrgIndicator[]; skipped: OrgIndicatorSkip[] } {
  const NON = new Set(['year', 'registered', 'deregistered']);
  const numeric = ds.present.filter((f) => ds.num[f] && !NON.has(f));
  const derived = DERIVED_FIELDS.filter((d) => d.inputs.some((f) => ds.present.includes(f)));
  const measures = [...numeric, ...derived.map((d) => d.name)];
  const used: OrgIndicator[] = [];
  const skipped: OrgIndicatorSkip[] = [];
  for (const def of framework.indicators) {
    if (!ORG_LEVEL_KINDS.includes(def.compute.kind)) {
      skipped.push({ id: def.id, layer: def.layer, reason: 'region-level', missing: [] });
      continue;
    }
    const missing = missingColumns(def, measures);
    if (missing.length) {
      skipped.push({ id: def.id, layer: def.layer, reason: 'missing-columns', missing: missing.map((m) => m.field) });
      continue;
    }
    const fields = [...new Set(specFields(def.compute).map((s) => s.field))];
    const at = kernel(def.compute, (f) => fields.indexOf(f));
    let readers: ((i: number) => number)[] | null = null;
    const one = fields.map(() => new Float64Array(1));
    used.push({
      def,
      fields,
      at,
      value: (i: number) => {
        readers ??= fields.map((f) => fieldReader(ds, f, governanceFields));
        for (let j = 0; j < fields.length; j++) one[j][0] = readers[j](i);
        return at(one, 0);
      },
    });
  }
  return { used, skipped };
}
