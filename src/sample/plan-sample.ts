import { seededRandom } from '../measures/random/seeded-random.js';
import type { ResolvedSampleOptions } from './sample-options.js';
import { mixSeed } from './mix-seed.js';
import { gaussian } from './gaussian.js';
import { plantCases, type PlantSpec } from './plant-cases.js';

export type { PlantSpec } from './plant-cases.js';

/**
 * The organization-level plan of a sample: who exists, in which years, of which type and
 * region, and what is planted. Memory is a few typed arrays of one entry per organization.
 */
export interface SamplePlan {
  options: ResolvedSampleOptions;
  /** Number of organizations ever active in the panel. */
  count: number;
  /** First report year of each organization. */
  start: Int16Array;
  /** Last report year (deregistration year, or the last panel year). */
  end: Int16Array;
  /** 1 when the organization deregistered in its `end` year. */
  dereg: Uint8Array;
  /** Type index: 0 social group, 1 private non-enterprise, 2 foundation, 3 other. */
  type: Uint8Array;
  /** Region index into `options.regions`. */
  region: Uint16Array;
  /** Planted cases, by organization index. */
  planted: Map<number, PlantSpec>;
  /** Rows per report year (index 0 = first year), planted gaps included. */
  rowsByYear: number[];
}

/** Number of organizations in 2008 and 2024 in Fu (2025) (the growth curve's calibration). */
const COUNT_2008 = 7000;
const COUNT_2024 = 18000;
/** Yearly deregistration hazard by type (social groups leave fastest, so their share falls). */
const HAZARD = [0.034, 0.018, 0.012, 0.03];
/** Calendar position: 0 in 2008, 1 in 2024. */
const calT = (y: number): number => (y - 2008) / 16;
const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Type probabilities of the organizations present when the panel starts. */
function stockTypeProbs(y: number): number[] {
  const t = clamp(calT(y), -1, 1.5);
  const pne = clamp(0.34 + 0.12 * t, 0.2, 0.6);
  const f = 0.012;
  const o = 0.028;
  return [1 - pne - f - o, pne, f, o];
}

/** Type probabilities of organizations registering in year y (foundations get a yearly shock). */
function entrantTypeProbs(y: number, foundationShock: number): number[] {
  const t = clamp(calT(y), -1, 1.5);
  const pne = clamp(0.5 + 0.16 * t, 0.3, 0.75);
  const f = clamp(0.011 * foundationShock, 0.001, 0.05);
  const o = 0.012;
  return [1 - pne - f - o, pne, f, o];
}

function pick(probs: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < probs.length - 1; i++) {
    acc += probs[i];
    if (u < acc) return i;
  }
  return probs.length - 1;
}

/**
 * Plan a synthetic organization-year panel: yearly counts follow the growth curve of Fu (2025)
 * (7,000 in 2008 → 18,000 in 2024, geometric, scaled so that the last year has exactly
 * `orgs` rows), organizations deregister with a type-dependent hazard, entrants replace them,
 * and a few organizations per risk rule are chosen for planting.
 *
 * @param options resolved generator options
 * @returns the plan (deterministic for the options)
 * @example
 * planSample(resolveSampleOptions({ regions })).rowsByYear.at(-1); // => 18000
 */
export function planSample(options: ResolvedSampleOptions): SamplePlan {
  const { y0, seed } = options;
  const rand = seededRandom(mixSeed(seed, 0x5eed));
  const { target, foundationShock } = yearTargets(options, rand);
  const orgs = new PlanOrgTable(options, regionPicker(options.regions, rand), rand);
  const rowsByYear = simulateStock(orgs, target, foundationShock, rand);
  const planted = plantCases(options, orgs, rand);
  for (const [, p] of planted) if (p.rule === 'missing_report') rowsByYear[p.year - y0]--;
  const { count } = orgs;
  return {
    options,
    count,
    start: orgs.start.subarray(0, count),
    end: orgs.end.subarray(0, count),
    dereg: orgs.dereg.subarray(0, count),
    type: orgs.type.subarray(0, count),
    region: orgs.region.subarray(0, count),
    planted,
    rowsByYear,
  };
}

/** Year-to-year wobble of the yearly targets around the growth curve (log-normal σ), and of the foundations' share. */
const TARGET_WOBBLE = 0.012;
const FOUNDATION_SHOCK = 0.8;

/** Yearly targets (the growth curve, scaled to `orgs` in the last year, with a wobble) and the foundations' yearly shocks. */
function yearTargets(
  options: ResolvedSampleOptions,
  rand: () => number,
): { target: number[]; foundationShock: number[] } {
  const { orgs, y0, y1 } = options;
  const nYears = y1 - y0 + 1;
  const base = (y: number): number => COUNT_2008 * Math.pow(COUNT_2024 / COUNT_2008, calT(y));
  const scale = orgs / base(y1);
  const target: number[] = [];
  for (let k = 0; k < nYears; k++) {
    const y = y0 + k;
    const wobble = y === y1 ? 1 : Math.exp(TARGET_WOBBLE * gaussian(rand));
    target.push(Math.max(1, Math.round(base(y) * scale * wobble)));
  }
  target[nYears - 1] = orgs;
  const foundationShock: number[] = [];
  for (let k = 0; k < nYears; k++) foundationShock.push(Math.exp(FOUNDATION_SHOCK * gaussian(rand)));
  return { target, foundationShock };
}

/** Region weights: population × core attraction (foundations: × a further 1.6) × pastoral and fragile dispersion. */
const CORE_PULL = 1.55;
const CORE_PULL_FOUNDATION = 1.6;
const PASTORAL_PUSH = 0.85;
const FRAGILE_PUSH = 0.8;

/** A random region index for an organization of type index t (foundations lean further to the core). */
function regionPicker(regions: ResolvedSampleOptions['regions'], rand: () => number): (t: number) => number {
  const regionW = regions.map(
    (r) =>
      r.population *
      (r.core ? CORE_PULL : 1) *
      (r.tags.includes('pastoral') ? PASTORAL_PUSH : 1) *
      (r.tags.includes('fragile') ? FRAGILE_PUSH : 1),
  );
  const regionWF = regions.map((r, i) => regionW[i] * (r.core ? CORE_PULL_FOUNDATION : 1));
  const cum = (w: number[]): Float64Array => {
    const c = new Float64Array(w.length);
    let s = 0;
    for (let i = 0; i < w.length; i++) c[i] = s += w[i];
    for (let i = 0; i < w.length; i++) c[i] /= s;
    return c;
  };
  const cumR = cum(regionW);
  const cumRF = cum(regionWF);
  return (t) => {
    const c = t === 2 ? cumRF : cumR;
    const u = rand();
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < c[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Room for organizations at first: 1.6 per organization of the last year, plus 64 (grown when needed). */
const CAP_PER_ORG = 1.6;
const CAP_EXTRA = 64;

/** The organizations of a plan, one entry per organization in growable typed arrays. */
class PlanOrgTable {
  private cap: number;
  start: Int16Array;
  end: Int16Array;
  dereg: Uint8Array;
  type: Uint8Array;
  region: Uint16Array;
  count = 0;

  constructor(
    readonly options: ResolvedSampleOptions,
    private readonly pickRegion: (t: number) => number,
    private readonly rand: () => number,
  ) {
    this.cap = Math.ceil(options.orgs * CAP_PER_ORG) + CAP_EXTRA;
    this.start = new Int16Array(this.cap);
    this.end = new Int16Array(this.cap);
    this.dereg = new Uint8Array(this.cap);
    this.type = new Uint8Array(this.cap);
    this.region = new Uint16Array(this.cap);
  }

  /** A new organization first reporting in year y, its type drawn from `probs`; returns its index. */
  add(y: number, probs: number[]): number {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    const t = pick(probs, this.rand());
    this.start[i] = y;
    this.end[i] = this.options.y1;
    this.type[i] = t;
    this.region[i] = this.pickRegion(t);
    return i;
  }

  private grow(): void {
    this.cap *= 2;
    const grow = <T extends Int16Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.cap);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (n) => new Int16Array(n));
    this.end = grow(this.end, (n) => new Int16Array(n));
    this.dereg = grow(this.dereg, (n) => new Uint8Array(n));
    this.type = grow(this.type, (n) => new Uint8Array(n));
    this.region = grow(this.region, (n) => new Uint16Array(n));
  }
}

/** Year by year: the stock of the first year, then leavers and entrants; returns the rows per year. */
function simulateStock(orgs: PlanOrgTable, target: number[], foundationShock: number[], rand: () => number): number[] {
  const { y0 } = orgs.options;
  const rowsByYear: number[] = [];
  let active: number[] = [];
  for (let k = 0; k < target.length; k++) {
    const y = y0 + k;
    if (k === 0) {
      const probs = stockTypeProbs(y);
      for (let j = 0; j < target[0]; j++) active.push(orgs.add(y, probs));
    } else {
      const next: number[] = [];
      for (const i of active) if (!(orgs.dereg[i] && orgs.end[i] === y - 1)) next.push(i);
      active = next;
      const probs = entrantTypeProbs(y, foundationShock[k]);
      const entrants = target[k] - active.length;
      for (let j = 0; j < entrants; j++) active.push(orgs.add(y, probs));
    }
    rowsByYear.push(active.length);
    // who deregisters during y (reports for y, then stops); never in the first report year
    for (const i of active) {
      if (orgs.start[i] < y && rand() < HAZARD[orgs.type[i]]) {
        orgs.dereg[i] = 1;
        orgs.end[i] = y;
      }
    }
  }
  return rowsByYear;
}
