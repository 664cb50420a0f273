/**
 * The draws of the sample generator: one seeded stream per run ({@link Context}), cheap noises
 * on it, and small helpers (dates, weighted picks, clamps).
 */
import type { SamplePlan } from './plan-sample.js';

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
export const clamp01 = (x: number): number => clamp(x, 0, 1);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function dateIn(y: number, rand: () => number): string {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let d = Math.floor(rand() * (leap ? 366 : 365));
  let m = 0;
  while (d >= MONTH_DAYS[m] + (m === 1 && leap ? 1 : 0)) {
    d -= MONTH_DAYS[m] + (m === 1 && leap ? 1 : 0);
    m++;
  }
  return `${y}-${m < 9 ? '0' : ''}${m + 1}-${d < 9 ? '0' : ''}${d + 1}`;
}

export function pickWeighted(w: Record<string, number>, rand: () => number): string {
  let total = 0;
  for (const k in w) total += w[k];
  let u = rand() * total;
  let last = 'other';
  for (const k in w) {
    last = k;
    u -= w[k];
    if (u < 0) return k;
  }
  return last;
}

export interface Context {
  plan: SamplePlan;
  name: (regionIndex: number, regionZh: string, typeIndex: number, field: string) => string;
  minority: number[];
  split: number[][];
  fieldWeights: Map<string, Record<string, number>>;
  shares: Float64Array;
  base: Float64Array;
  rev: Float64Array;
  /** One stream for all organizations, drawn in a fixed order (a single closure keeps call sites monomorphic). */
  rand: () => number;
  /** Second half of the last 32-bit draw, or −1. */
  spare: number;
}

/** Cheap bell-shaped noise: triangular on [−√6, √6] with unit variance (two uniforms). */
export function nz(rand: () => number): number {
  return (rand() + rand() - 1) * 2.449489742783178;
}

/**
 * A uniform draw with 16-bit resolution: each 32-bit value of the stream serves two calls
 * (halving the cost of the many small per-row noises).
 */
export function half(ctx: Context): number {
  const spare = ctx.spare;
  if (spare >= 0) {
    ctx.spare = -1;
    return spare;
  }
  const x = ctx.rand() * 65536;
  const hi = Math.floor(x);
  ctx.spare = x - hi;
  return hi / 65536;
}

/** Uniform noise on [−1, 1) from {@link half}. */
export function hun(ctx: Context): number {
  return 2 * half(ctx) - 1;
}

/** Triangular unit-variance noise from two {@link half} draws. */
export function hnz(ctx: Context): number {
  return (half(ctx) + half(ctx) - 1) * 2.449489742783178;
}

/** Decimal strings of 0…9999, so that small counts need no number-to-string conversion. */
export const SMALL: readonly string[] = Array.from({ length: 10000 }, (_, k) => String(k));
export const str = (n: number): string => (n >= 0 && n < 10000 ? SMALL[n] : String(n));

export function geom(rand: () => number, mean: number): number {
  return Math.floor(-Math.log(rand() || 1e-12) * mean);
}

export const yearsPast = (y: number): number => clamp01((y - 2008) / 16);
export const hireAge = (y: number, rand: () => number): number =>
  clamp(Math.round(47 - 9 * yearsPast(y) + 8 * nz(rand)), 25, 70);
