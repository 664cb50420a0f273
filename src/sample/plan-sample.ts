import { seededRandom } from '../measures/random/seeded-random.js';
import type { ResolvedSampleOptions } from './sample-options.js';
import type { PlantedRule } from './planted-rules.js';
import { mixSeed } from './mix-seed.js';
import { gaussian } from './gaussian.js';

/** What is planted in one organization (years are report years). */
export interface PlantSpec {
  rule: PlantedRule;
  /** dormant: first dormant year; missing_report: the gap year; persistent_deficit,
   * cert_above_staff, single_source: first year; implausible_jump: the jump year;
   * deregistered_reporting: the deregistration year. */
  year: number;
  /** Last year of the planted stretch (dormant, deficit, cert, single-source). */
  until: number;
  /** implausible_jump: 'revenue' or 'staff'; credit_code_mismatch: 'type' or 'region'. */
  kind?: string;
  /** credit_code_mismatch: the wrong type digit or the index of the wrong region. */
  alt?: number;
}

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
  const { orgs, y0, y1, seed, regions } = options;
  const rand = seededRandom(mixSeed(seed, 0x5eed));
  const nYears = y1 - y0 + 1;

  // yearly targets
  const base = (y: number): number => COUNT_2008 * Math.pow(COUNT_2024 / COUNT_2008, calT(y));
  const scale = orgs / base(y1);
  const target: number[] = [];
  for (let k = 0; k < nYears; k++) {
    const y = y0 + k;
    const wobble = y === y1 ? 1 : Math.exp(0.012 * gaussian(rand));
    target.push(Math.max(1, Math.round(base(y) * scale * wobble)));
  }
  target[nYears - 1] = orgs;
  const foundationShock: number[] = [];
  for (let k = 0; k < nYears; k++) foundationShock.push(Math.exp(0.8 * gaussian(rand)));

  // region weights: population × core attraction × pastoral/fragile dispersion
  const regionW = regions.map(
    (r) =>
      r.population *
      (r.core ? 1.55 : 1) *
      (r.tags.includes('pastoral') ? 0.85 : 1) *
      (r.tags.includes('fragile') ? 0.8 : 1),
  );
  const regionWF = regions.map((r, i) => regionW[i] * (r.core ? 1.6 : 1));
  const cum = (w: number[]): Float64Array => {
    const c = new Float64Array(w.length);
    let s = 0;
    for (let i = 0; i < w.length; i++) c[i] = s += w[i];
    for (let i = 0; i < w.length; i++) c[i] /= s;
    return c;
  };
  const cumR = cum(regionW);
  const cumRF = cum(regionWF);
  const pickRegion = (c: Float64Array): number => {
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

  let cap = Math.ceil(orgs * 1.6) + 64;
  let start = new Int16Array(cap);
  let end = new Int16Array(cap);
  let dereg = new Uint8Array(cap);
  let type = new Uint8Array(cap);
  let region = new Uint16Array(cap);
  let count = 0;
  const add = (y: number, probs: number[]): number => {
    if (count === cap) {
      cap *= 2;
      const grow = <T extends Int16Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      start = grow(start, (n) => new Int16Array(n));
      end = grow(end, (n) => new Int16Array(n));
      dereg = grow(dereg, (n) => new Uint8Array(n));
      type = grow(type, (n) => new Uint8Array(n));
      region = grow(region, (n) => new Uint16Array(n));
    }
    const i = count++;
    const t = pick(probs, rand());
    start[i] = y;
    end[i] = y1;
    type[i] = t;
    region[i] = pickRegion(t === 2 ? cumRF : cumR);
    return i;
  };

  const rowsByYear: number[] = [];
  let active: number[] = [];
  for (let k = 0; k < nYears; k++) {
    const y = y0 + k;
    if (k === 0) {
      const probs = stockTypeProbs(y);
      for (let j = 0; j < target[0]; j++) active.push(add(y, probs));
    } else {
      const next: number[] = [];
      for (const i of active) if (!(dereg[i] && end[i] === y - 1)) next.push(i);
      active = next;
      const probs = entrantTypeProbs(y, foundationShock[k]);
      const entrants = target[k] - active.length;
      for (let j = 0; j < entrants; j++) active.push(add(y, probs));
    }
    rowsByYear.push(active.length);
    // who deregisters during y (reports for y, then stops); never in the first report year
    for (const i of active) {
      if (start[i] < y && rand() < HAZARD[type[i]]) {
        dereg[i] = 1;
        end[i] = y;
      }
    }
  }

  const planted = plantCases(options, count, start, end, dereg, type, rand);
  for (const [, p] of planted) if (p.rule === 'missing_report') rowsByYear[p.year - y0]--;

  return {
    options,
    count,
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    dereg: dereg.subarray(0, count),
    type: type.subarray(0, count),
    region: region.subarray(0, count),
    planted,
    rowsByYear,
  };
}

/** Choose the planted organizations: a few per rule, disjoint, each fitting its rule. */
function plantCases(
  options: ResolvedSampleOptions,
  count: number,
  start: Int16Array,
  end: Int16Array,
  dereg: Uint8Array,
  type: Uint8Array,
  rand: () => number,
): Map<number, PlantSpec> {
  const { orgs, y1, regions } = options;
  const perRule = clamp(Math.round(8 * Math.pow(orgs / 18000, 0.25)), 2, 40);
  // different counts per rule (perRule + 8 for the first rule … perRule for the last), so that a
  // report on the sample shows a ranking of the rules, not a nine-way tie
  const nOf = (k: number): number => perRule + (8 - k);
  const planted = new Map<number, PlantSpec>();
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const span = (i: number): number => end[i] - start[i] + 1;
  const alive = (i: number): boolean => !dereg[i] && end[i] === y1;

  const choose = (n: number, fits: (i: number) => boolean, make: (i: number, j: number) => PlantSpec): void => {
    let got = 0;
    for (let attempt = 0; attempt < 200 * n && got < n; attempt++) {
      const i = Math.floor(rand() * count);
      if (!planted.has(i) && fits(i)) planted.set(i, make(i, got++));
    }
    if (got < n) {
      const from = Math.floor(rand() * count);
      for (let s = 0; s < count && got < n; s++) {
        const i = (from + s) % count;
        if (!planted.has(i) && fits(i)) planted.set(i, make(i, got++));
      }
    }
  };

  choose(
    nOf(0),
    (i) => alive(i) && span(i) >= 4,
    () => {
      const len = int(2, 3);
      return { rule: 'dormant', year: y1 - len + 1, until: y1 };
    },
  );
  choose(
    nOf(1),
    (i) => span(i) >= 4,
    (i) => {
      const g = int(start[i] + 1, end[i] - 1);
      return { rule: 'missing_report', year: g, until: g };
    },
  );
  choose(
    nOf(2),
    (i) => span(i) >= 4,
    (i) => {
      const len = Math.min(span(i), int(3, 4));
      const from = int(start[i], end[i] - len + 1);
      return { rule: 'persistent_deficit', year: from, until: from + len - 1 };
    },
  );
  choose(
    nOf(3),
    (i) => alive(i) && span(i) >= 3,
    () => {
      const len = int(1, 2);
      return { rule: 'single_source', year: y1 - len + 1, until: y1 };
    },
  );
  choose(
    nOf(4),
    (i) => span(i) >= 3,
    (i, j) => {
      const y = int(start[i] + 1, end[i]);
      return { rule: 'implausible_jump', year: y, until: y, kind: j % 2 === 0 ? 'revenue' : 'staff' };
    },
  );
  choose(
    nOf(5),
    (i) => span(i) >= 1,
    (i) => {
      const y = int(start[i], end[i]);
      const until = Math.min(end[i], y + int(0, 1));
      return { rule: 'cert_above_staff', year: y, until };
    },
  );
  choose(
    nOf(6),
    () => true,
    (i) => ({ rule: 'credit_code_checksum', year: start[i], until: end[i], alt: int(1, 30) }),
  );
  choose(
    nOf(7),
    () => true,
    (i, j) => {
      if (j % 2 === 1 && regions.length > 1) {
        return {
          rule: 'credit_code_mismatch',
          year: start[i],
          until: end[i],
          kind: 'region',
          alt: int(0, regions.length - 2),
        };
      }
      const digits = [1, 2, 3].filter((d) => d !== [1, 2, 3, 9][type[i]]);
      return {
        rule: 'credit_code_mismatch',
        year: start[i],
        until: end[i],
        kind: 'type',
        alt: digits[int(0, digits.length - 1)],
      };
    },
  );
  choose(
    nOf(8),
    (i) => alive(i) && span(i) >= 4,
    (i) => {
      const y = int(start[i] + 1, y1 - 1);
      return { rule: 'deregistered_reporting', year: y, until: y1 };
    },
  );
  return planted;
}
