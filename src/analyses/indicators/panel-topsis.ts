import { topsis } from '../../measures/composite/topsis.js';
import type { Direction } from '../../measures/composite/types.js';
import type { PanelUnit } from './build-panel.js';
import type { Normalization } from './indicator-options.js';
import { columnMedians, imputeColumnMedian } from './panel-weights.js';

/**
 * TOPSIS closeness of every unit on the raw matrix: vector normalisation x / √Σx², weighted,
 * ideal and anti-ideal per column by direction, Euclidean distances D⁺ and D⁻,
 * C = D⁻/(D⁺ + D⁻). Missing raw values are replaced by the column median of the region-years
 * (TOPSIS needs complete rows). The ideal points come from the whole panel, or from each year
 * with the `perYear` normalisation. The province total is left out (as of everything that
 * compares units): it sets no vector norm and no ideal point, gets no imputed cell and no
 * closeness (NaN).
 *
 * @param raw units × indicators, NaN = missing
 * @param units the units (total flag and year)
 * @param options.weights one per indicator (all 0 → every closeness NaN)
 * @param options.directions one per indicator
 * @param options.normalization the run's normalisation (only `perYear` changes TOPSIS)
 * @returns closeness per unit and the number of imputed cells
 * @example
 * panelTopsis(raw, units, { weights: w, directions: dirs, normalization: 'global' }).closeness[0]; // => 0.62
 */
export function panelTopsis(
  raw: readonly (readonly number[])[],
  units: readonly PanelUnit[],
  {
    weights,
    directions,
    normalization,
  }: { weights: readonly number[]; directions: readonly Direction[]; normalization: Normalization },
): { closeness: number[]; imputed: number } {
  const closeness = units.map(() => NaN);
  if (!weights.some((w) => w > 0) || raw.length === 0) return { closeness, imputed: 0 };
  const regionRows = raw.filter((_, i) => !units[i].total);
  const medians = columnMedians(regionRows);
  const { matrix: imputedRows, imputed } = imputeColumnMedian(regionRows, medians);
  const matrix: number[][] = [];
  let k = 0;
  units.forEach((u) => matrix.push(u.total ? [] : (imputedRows[k++] as number[])));
  const groups = new Map<number | 'all', number[]>();
  units.forEach((u, i) => {
    if (u.total) return;
    const key = normalization === 'perYear' ? u.year : 'all';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  });
  for (const rows of groups.values()) {
    const res = topsis(
      rows.map((i) => matrix[i]),
      weights,
      directions,
      { normalization: 'vector' },
    );
    rows.forEach((i, k) => (closeness[i] = res.closeness[k]));
  }
  return { closeness, imputed };
}
