/**
 * The ten coupling-coordination classes as regions of the U1–U2 plane, for drawing them
 * behind a scatter of subsystem scores.
 */
import { couplingCoordination } from '../../../measures/coupling/coupling-coordination.js';

/** One vertical slice of a class band: at U1 = `u1`, the class spans U2 from `lo` to `hi`. */
export interface BandSlice {
  /** Class index 0 (极度失调) … 9 (优质协调). */
  classIndex: number;
  u1: number;
  lo: number;
  hi: number;
}

/** Number of U1 steps; the grid is denser near 0, where the class boundaries bend most. */
const STEPS = 48;

/** Bands by `alpha|variant`: the same α (all three default tensions) is computed once per process. */
const BANDS = new Map<string, readonly BandSlice[]>();

/** Round to 4 decimals: small spec files, no float noise in the output. */
const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Number of scan steps over U2 in [0, 1] before bisecting. */
const SCAN = 64;

/**
 * D along one vertical line U1 = `u1` at the scan points U2 = i / 64, each computed once and
 * shared by every class boundary on that line (the same values a scan per boundary would get).
 */
function scanLine(u1: number, D: (u1: number, u2: number) => number): (i: number) => number {
  const values: number[] = [];
  return (i) => (values[i] ??= D(u1, i / SCAN));
}

/**
 * The smallest U2 in [0, 1] at which D(u1, U2) reaches `d` (1 when it never does), found by
 * a scan followed by bisection, so that it is right also where D is not monotone in U2.
 * `scan(i)` is D(u1, i / 64).
 */
function boundary(u1: number, d: number, D: (u1: number, u2: number) => number, scan: (i: number) => number): number {
  if (d <= 0) return 0;
  let prev = 0;
  for (let i = 1; i <= SCAN; i++) {
    const u2 = i / SCAN;
    if (scan(i) >= d) {
      let lo = prev;
      let hi = u2;
      for (let k = 0; k < 40; k++) {
        const mid = (lo + hi) / 2;
        if (D(u1, mid) >= d) hi = mid;
        else lo = mid;
      }
      return hi;
    }
    prev = u2;
  }
  return 1;
}

/**
 * The class bands of the coupling coordination degree D of two subsystems on the unit
 * square: for each class (D in [k/10, (k+1)/10)) and each U1 of a grid, the U2 interval
 * where D falls in the class. Drawn as areas (x = U1, y = lo, y2 = hi) they tile the square.
 *
 * @param alpha weight of U1 in T (β = 1 − α)
 * @param variant coupling formula (`standard` or `modified`, as in the tension section)
 * @returns slices ordered by class, then U1 (rounded to 4 decimals)
 * @example
 * coordinationBands(0.5, 'standard').filter((s) => s.classIndex === 5 && s.u1 === 1)[0];
 * // => { classIndex: 5, u1: 1, lo: 0.0625, hi: 0.1296 }  (D = (U1·U2)^¼ when α = 0.5)
 */
export function coordinationBands(alpha: number, variant: 'standard' | 'modified'): readonly BandSlice[] {
  const key = `${alpha}|${variant}`;
  const cached = BANDS.get(key);
  if (cached) return cached;
  const weights = [alpha, 1 - alpha];
  const D = (u1: number, u2: number): number => couplingCoordination([u1, u2], { weights, variant }).D;
  const grid = Array.from({ length: STEPS + 1 }, (_, i) => (i / STEPS) ** 1.6);
  const bounds = grid.map((u1) => {
    const scan = scanLine(u1, D);
    return Array.from({ length: 11 }, (_, k) => (k === 10 ? 1 : boundary(u1, k / 10, D, scan)));
  });
  const out: BandSlice[] = [];
  for (let k = 0; k < 10; k++) {
    grid.forEach((u1, i) => out.push({ classIndex: k, u1: r4(u1), lo: r4(bounds[i][k]), hi: r4(bounds[i][k + 1]) }));
  }
  BANDS.set(key, out);
  return out;
}

/**
 * Where each class boundary D = k/10 (k = 1 … 9) meets the top edge U2 = 1: the U1 at which
 * D(U1, 1) reaches k/10 (D(1, 1) = 1, so every boundary does), for labelling the
 * boundaries.
 *
 * @param alpha weight of U1 in T
 * @param variant coupling formula
 * @returns `{ d, u1 }` per boundary that meets the top edge
 */
export function topEdgeCrossings(alpha: number, variant: 'standard' | 'modified'): { d: number; u1: number }[] {
  const weights = [alpha, 1 - alpha];
  const D = (u1: number, u2: number): number => couplingCoordination([u1, u2], { weights, variant }).D;
  const swapped = (a: number, b: number): number => D(b, a);
  const scan = scanLine(1, swapped);
  const out: { d: number; u1: number }[] = [];
  for (let k = 1; k <= 9; k++) {
    const d = k / 10;
    out.push({ d, u1: r4(boundary(1, d, swapped, scan)) });
  }
  return out;
}
