import * as msg from '../../core/messages/index.js';
import { localMoran, type LisaQuadrant } from '../../measures/spatial/local-moran.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import type { RegionUnit } from './region-units.js';

/** Significance level of the LISA cluster labels. */
export const LISA_ALPHA = 0.05;

/** `analyses.spatial.lisa` of results.json (the `maps` LISA cluster map reads exactly this). */
export interface DensityLisa {
  year: number;
  variable: string;
  permutations: number;
  alpha: number;
  seed: number;
  units: {
    code: string;
    name: string;
    /** Organizations per 10,000 residents. */
    value: number;
    /** Mean density of the unit's neighbours (row-standardised spatial lag); null for an island. */
    lag: number | null;
    I: number;
    p: number | null;
    cluster: LisaQuadrant | 'ns';
  }[];
}

/**
 * Local Moran (LISA) of organizations per 10,000 residents over the regions file's
 * contiguity, for one year: each unit's density, its neighbours' mean density, I_i, the
 * conditional-permutation pseudo p and the cluster label (HH, LL, HL, LH at p ≤ alpha,
 * else ns). Units without residents are left out; neighbours outside the units are dropped.
 *
 * @param units the regions (regions-file order)
 * @param counts organizations per unit in the year
 * @param options year, permutations, seed and alpha (default 0.05)
 * @returns the LISA block, or null with a note when it is undefined (fewer than 3 units
 *   with residents, equal densities, no neighbour links)
 * @example
 * densityLisa(units, counts, { year: 2024, permutations: 999, seed: 1 }).lisa?.units[0].cluster;
 */
export function densityLisa(
  units: readonly RegionUnit[],
  counts: readonly number[],
  options: { year: number; permutations: number; seed: number; alpha?: number },
): { lisa: DensityLisa | null; notes: AnalysisNote[] } {
  const alpha = options.alpha ?? LISA_ALPHA;
  const idx = units.map((_, i) => i).filter((i) => units[i].population > 0);
  const density = idx.map((i) => (counts[i] / units[i].population) * 10000);
  const undefinedNote = (reason: 'few-regions' | 'constant' | 'no-neighbours') => ({
    lisa: null,
    notes: [note('N_LISA_UNDEFINED', (l) => msg.noteLisaUndefined(l, reason))],
  });
  if (idx.length < 3) return undefinedNote('few-regions');
  if (density.every((d) => d === density[0])) return undefinedNote('constant');
  const pos = new Map(idx.map((i, k) => [units[i].code, k]));
  const neighbours = idx.map((i, k) =>
    [...new Set(units[i].neighbours)]
      .map((c) => pos.get(c))
      .filter((j): j is number => j !== undefined && j !== k)
      .sort((a, b) => a - b),
  );
  if (neighbours.every((l) => l.length === 0)) return undefinedNote('no-neighbours');
  const r = localMoran(density, neighbours, { permutations: options.permutations, seed: options.seed, alpha });
  return {
    lisa: {
      year: options.year,
      variable: 'organizations per 10,000 residents',
      permutations: options.permutations,
      alpha,
      seed: options.seed,
      units: r.units.map((u, k) => ({
        code: units[idx[k]].code,
        name: units[idx[k]].zh,
        value: density[k],
        lag: u.lag,
        I: u.I,
        p: u.p,
        cluster: u.cluster,
      })),
    },
    notes: [],
  };
}
