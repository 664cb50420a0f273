import * as msg from '../../core/messages/index.js';
import { moransI } from '../../measures/spatial/morans-i.js';
import { finiteOrNull, note, type AnalysisNote } from '../analysis-note.js';
import type { RegionUnit } from './region-units.js';

/** Moran's I of density as it appears in results.json (p-values named by their tail). */
export interface DensityMoran {
  /** Regions used (those with residents). */
  n: number;
  I: number;
  /** E[I] = −1/(n − 1). */
  expected: number;
  varianceNormality: number | null;
  varianceRandomisation: number | null;
  zNormality: number | null;
  zRandomisation: number | null;
  /** One-sided P(Z > z), alternative "greater" (positive autocorrelation; spdep default). */
  pNormalityGreater: number | null;
  /** Two-sided 2·P(Z > |z|) (PySAL default). */
  pNormalityTwoSided: number | null;
  pRandomisationGreater: number | null;
  pRandomisationTwoSided: number | null;
  permutation: {
    permutations: number;
    seed: number;
    /** (larger + 1)/(permutations + 1), one-sided in the direction of the observed I (PySAL p_sim). */
    pPseudo: number;
    mean: number;
    sd: number;
    z: number | null;
  } | null;
  /** Regions without a listed neighbour (zero weight row). */
  islands: string[];
}

/**
 * Global Moran's I of organizations per 10,000 residents over the regions file's neighbour
 * lists, row-standardised (W), with normal, randomisation and seeded permutation inference.
 * Neighbours outside `units` are dropped. Undefined statistics are null with a note.
 *
 * @param units regions with residents, in order
 * @param density one density per unit
 * @param options permutations and seed
 * @returns the statistic (null when undefined) and notes
 * @example
 * densityMoransI(units, [3.1, 2.2, 1.9, 2.5], { permutations: 999, seed: 1 }).moran?.I;
 */
export function densityMoransI(
  units: readonly RegionUnit[],
  density: readonly number[],
  options: { permutations: number; seed: number },
): { moran: DensityMoran | null; notes: AnalysisNote[] } {
  const notes: AnalysisNote[] = [];
  if (units.length < 2)
    return { moran: null, notes: [note('N_MORAN_UNDEFINED', (l) => msg.noteMoranUndefined(l, 'few-regions'))] };
  if (density.every((d) => d === density[0]))
    return { moran: null, notes: [note('N_MORAN_UNDEFINED', (l) => msg.noteMoranUndefined(l, 'constant'))] };
  const index = new Map(units.map((u, i) => [u.code, i]));
  const neighbours = units.map((u, i) =>
    [...new Set(u.neighbours)]
      .map((c) => index.get(c))
      .filter((j): j is number => j !== undefined && j !== i)
      .sort((a, b) => a - b),
  );
  if (neighbours.every((l) => l.length === 0))
    return { moran: null, notes: [note('N_MORAN_UNDEFINED', (l) => msg.noteMoranUndefined(l, 'no-neighbours'))] };
  const r = moransI(density, neighbours, { style: 'W', permutations: options.permutations, seed: options.seed });
  const islands = r.islands.map((i) => units[i].code);
  if (islands.length) notes.push(note('N_MORAN_ISLANDS', (l) => msg.noteMoranIslands(l, islands)));
  const out: DensityMoran = {
    n: r.n,
    I: r.I,
    expected: r.expected,
    varianceNormality: finiteOrNull(r.varianceNormality),
    varianceRandomisation: finiteOrNull(r.varianceRandomisation),
    zNormality: finiteOrNull(r.zNormality),
    zRandomisation: finiteOrNull(r.zRandomisation),
    pNormalityGreater: finiteOrNull(r.pNormalityGreater),
    pNormalityTwoSided: finiteOrNull(r.pNormalityTwoSided),
    pRandomisationGreater: finiteOrNull(r.pRandomisationGreater),
    pRandomisationTwoSided: finiteOrNull(r.pRandomisationTwoSided),
    permutation: r.permutation
      ? {
          permutations: r.permutation.permutations,
          seed: options.seed,
          pPseudo: r.permutation.pPseudo,
          mean: r.permutation.mean,
          sd: r.permutation.sd,
          z: finiteOrNull(r.permutation.z),
        }
      : null,
    islands,
  };
  const undefinedParts: string[] = (['varianceRandomisation', 'zNormality', 'zRandomisation'] as const).filter(
    (k) => out[k] === null,
  );
  if (out.permutation && out.permutation.z === null) undefinedParts.push('permutation z');
  if (undefinedParts.length) notes.push(note('N_MORAN_SMALL', (l) => msg.noteMoranSmall(l, r.n, undefinedParts)));
  return { moran: out, notes };
}
