import { minMaxNormalize } from '../../measures/composite/min-max-normalize.js';
import { rankNormalize } from '../../measures/composite/rank-normalize.js';
import { zScoreNormalize } from '../../measures/composite/z-score-normalize.js';
import type { Direction } from '../../measures/composite/types.js';
import type { PanelUnit } from './build-panel.js';
import type { Normalization } from './indicator-options.js';

/**
 * Normalise a panel's raw matrix (direction applied, NaN kept):
 * `global` min–max over all units and years; `perYear` min–max within each year;
 * `zscore` d·(x − mean)/s over the panel; `rank` panel ranks rescaled to [0, 1].
 * A column without spread becomes 0, never NaN.
 *
 * @param raw units × indicators
 * @param directions one per indicator
 * @param units the units (their years, for `perYear`)
 * @param method the normalisation
 * @returns the normalised matrix, same shape
 * @example
 * normalizePanel([[1], [3]], [1], units, 'global'); // => [[0], [1]]
 */
export function normalizePanel(
  raw: readonly (readonly number[])[],
  directions: readonly Direction[],
  units: readonly PanelUnit[],
  method: Normalization,
): number[][] {
  if (raw.length === 0 || directions.length === 0) return raw.map((r) => r.slice());
  switch (method) {
    case 'global':
      return minMaxNormalize(raw, directions).matrix;
    case 'zscore':
      return zScoreNormalize(raw, directions).matrix;
    case 'rank':
      return rankNormalize(raw, directions, { scale: true }).matrix;
    case 'perYear': {
      const out: number[][] = raw.map((r) => r.slice());
      const byYear = new Map<number, number[]>();
      units.forEach((u, i) => {
        let rows = byYear.get(u.year);
        if (!rows) byYear.set(u.year, (rows = []));
        rows.push(i);
      });
      for (const rows of byYear.values()) {
        const m = minMaxNormalize(
          rows.map((i) => raw[i]),
          directions,
        ).matrix;
        rows.forEach((i, k) => (out[i] = m[k]));
      }
      return out;
    }
  }
}

/** True when a normalisation puts every value on [0, 1] (weights and obstacles can use it). */
export const onUnitInterval = (method: Normalization): boolean => method !== 'zscore';
