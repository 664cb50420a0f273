import { estimatedTotal, reportersRatio } from '../../cube/reporters-ratio.js';
import type { CubeGroup } from '../../cube/cube.js';
import { REVENUE_FIELDS } from '../../dataset/fields.js';
import type { ComputeSpec } from '../../domain/framework/framework.js';

/** What one unit (a region-year, the province total of a year, or either within one type) offers. */
export interface UnitInputs {
  /** The unit's rolled-up cube group. */
  group: CubeGroup;
  /** The same unit one year earlier (null when that year has no group). */
  prev: CubeGroup | null;
  /** Organization count of each type in the unit (for type diversity). */
  typeCounts: readonly number[];
  /** Residents of the unit (NaN when unknown). */
  population: number;
}

export { estimatedTotal };

const sumTotals = (g: CubeGroup, fields: readonly string[]): number =>
  fields.reduce((s, f) => s + estimatedTotal(g, f), 0);

/**
 * Evaluate one compute spec on one unit (see docs/METHODS.md, "Computation kinds"):
 *
 * - `per_population`: Σ T_f / population × per (T = {@link estimatedTotal}; `count` = organizations)
 * - `share_of_orgs`: sum / n (organizations reporting the flag; `base: 'all'`: sum / count)
 * - `mean_per_org`: sum / n
 * - `ratio_of_sums`: Σ T_numerator / Σ T_denominator; for the staff shares, Σ numerator / Σ denominator
 *   over the organizations that reported both ({@link reportersRatio})
 * - `growth`: T_t / T_{t−1} − 1 (missing without a previous year or when T_{t−1} = 0)
 * - `type_diversity`: 1 − Σ s_k² (Gini–Simpson; `shannon`: −Σ s_k ln s_k) over type shares of the count
 * - `revenue_diversification`: 1 − Σ (T_f / Σ T)² over the revenue sources
 *
 * @param spec the compute spec
 * @param u the unit's group, previous-year group, type counts and population
 * @returns the raw indicator value; NaN when it is undefined for the unit
 * @example
 * evaluateIndicator({ kind: 'per_population', numerator: 'count', per: 10000 }, unit); // => 7.4
 */
export function evaluateIndicator(spec: ComputeSpec, u: UnitInputs): number {
  const g = u.group;
  switch (spec.kind) {
    case 'per_population': {
      const fields = typeof spec.numerator === 'string' ? [spec.numerator] : spec.numerator;
      if (!(u.population > 0)) return NaN;
      return (sumTotals(g, fields) * (spec.per ?? 10000)) / u.population;
    }
    case 'share_of_orgs': {
      const denominator = spec.base === 'all' ? g.count : (g.n[spec.field] ?? 0);
      return denominator > 0 ? g.sum[spec.field] / denominator : NaN;
    }
    case 'mean_per_org': {
      const n = g.n[spec.field] ?? 0;
      return n > 0 ? g.sum[spec.field] / n : NaN;
    }
    case 'ratio_of_sums':
      return reportersRatio(g, spec.numerator, spec.denominator).value ?? NaN;
    case 'growth': {
      if (!u.prev) return NaN;
      const before = estimatedTotal(u.prev, spec.of);
      return before > 0 ? estimatedTotal(g, spec.of) / before - 1 : NaN;
    }
    case 'type_diversity': {
      const total = u.typeCounts.reduce((a, b) => a + b, 0);
      if (!(total > 0)) return NaN;
      let s = 0;
      for (const c of u.typeCounts) {
        const p = c / total;
        if (spec.index === 'shannon') s -= p > 0 ? p * Math.log(p) : 0;
        else s += p * p;
      }
      return spec.index === 'shannon' ? s + 0 : 1 - s; // + 0 turns −0 into 0
    }
    case 'revenue_diversification': {
      const totals = (spec.fields ?? REVENUE_FIELDS).map((f) => estimatedTotal(g, f));
      if (totals.some((t) => Number.isNaN(t))) return NaN;
      const all = totals.reduce((a, b) => a + b, 0);
      if (!(all > 0)) return NaN;
      return 1 - totals.reduce((s, t) => s + (t / all) ** 2, 0);
    }
  }
}
