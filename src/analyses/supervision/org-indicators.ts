import type { CubeGroup } from '../../cube/cube.js';
import { DERIVED_FIELDS } from '../../cube/derived-fields.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { ComputeKind, Framework, IndicatorDef } from '../../ingest/framework/framework.js';
import { specFields } from '../../ingest/framework/load-framework.js';
import { evaluateIndicator } from '../indicators/evaluate-indicator.js';
import { missingColumns } from '../indicators/missing-columns.js';

/** Computation kinds that mean something for one organization (see docs/METHODS.md, "Grades"). */
export const ORG_LEVEL_KINDS: readonly ComputeKind[] = ['share_of_orgs', 'mean_per_org', 'ratio_of_sums', 'revenue_diversification'];

/** An indicator of the framework evaluated for one organization-year. */
export interface OrgIndicator {
  def: IndicatorDef;
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
 * The framework's indicators at organization level: each organization-year is a unit of one
 * organization (a cube group with count 1 whose sums are the row's values and whose reporting
 * counts are 1 or 0), evaluated with the same `evaluateIndicator` as the region-level index.
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
export function orgIndicators(framework: Framework, ds: Dataset, governanceFields: ReadonlySet<string>): { used: OrgIndicator[]; skipped: OrgIndicatorSkip[] } {
  const NON = new Set(['year', 'registered', 'deregistered']);
  const numeric = ds.present.filter((f) => ds.num[f] && !NON.has(f));
  const derived = DERIVED_FIELDS.filter((d) => d.inputs.some((f) => ds.present.includes(f)));
  const measures = [...numeric, ...derived.map((d) => d.name)];
  const fieldCol = ds.cat.field;
  const govByCode = fieldCol ? fieldCol.dict.map((c) => governanceFields.has(c)) : [];
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
    const readers = fields.map((f) => {
      const col = ds.num[f];
      if (col) return (i: number) => col[i];
      const d = DERIVED_FIELDS.find((x) => x.name === f)!;
      let row = 0;
      const get = (name: string): number => ds.num[name]?.[row] ?? NaN;
      return (i: number) => {
        row = i;
        return d.compute(get, fieldCol ? (fieldCol.codes[i] < 0 ? null : govByCode[fieldCol.codes[i]]) : null);
      };
    });
    // one reusable unit: count 1, sums = the row's values, reporting counts 1 or 0
    const group: CubeGroup = { key: {}, count: 1, sum: Object.fromEntries(fields.map((f) => [f, 0])), n: Object.fromEntries(fields.map((f) => [f, 0])) };
    const unit = { group, prev: null, typeCounts: [] as number[], population: NaN };
    const spec = def.compute;
    used.push({
      def,
      value: (i: number) => {
        for (let k = 0; k < fields.length; k++) {
          const v = readers[k](i);
          const known = !Number.isNaN(v);
          group.sum[fields[k]] = known ? v : 0;
          group.n[fields[k]] = known ? 1 : 0;
        }
        return evaluateIndicator(spec, unit);
      },
    });
  }
  return { used, skipped };
}
