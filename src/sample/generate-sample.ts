import { FIELDS } from '../dataset/fields.js';
import { seededRandom } from '../measures/random/seeded-random.js';
import { resolveSampleOptions, type SampleOptions } from './sample-options.js';
import { planSample, type PlantSpec, type SamplePlan } from './plan-sample.js';
import { mixSeed } from './mix-seed.js';
import { gaussian } from './gaussian.js';
import { organizationNamer } from './organization-namer.js';
import { plannedOrgId } from './planned-org-id.js';
import {
  BLANK_RATE,
  CERT_RATE,
  CERT_SPLIT_DEFAULT,
  CERT_SPLIT_POCKET,
  COMMUNITY_WEIGHTS,
  CORE_LEAN,
  DORMANT_ZERO,
  FIELD_WEIGHTS,
  GOV_CAP,
  IDENTITY,
  LOG_REV_MAX,
  LOG_REV_MIN,
  MID_POCKET,
  MINORITY,
  OPTIONAL,
  OUT_INDEX,
  PERIPHERY_LEAN,
  RATING_GRADES,
  REV_MU,
  REV_SIGMA,
  REV_W,
  REV_ZERO,
  TYPE_CODES,
} from './sample-calibration.js';

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
const clamp01 = (x: number): number => clamp(x, 0, 1);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dateIn(y: number, rand: () => number): string {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let d = Math.floor(rand() * (leap ? 366 : 365));
  let m = 0;
  while (d >= MONTH_DAYS[m] + (m === 1 && leap ? 1 : 0)) {
    d -= MONTH_DAYS[m] + (m === 1 && leap ? 1 : 0);
    m++;
  }
  return `${y}-${m < 9 ? '0' : ''}${m + 1}-${d < 9 ? '0' : ''}${d + 1}`;
}

function pickWeighted(w: Record<string, number>, rand: () => number): string {
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

function fieldWeights(
  typeIndex: number,
  community: boolean,
  core: boolean,
  tags: readonly string[],
): Record<string, number> {
  const w: Record<string, number> = { ...(community ? COMMUNITY_WEIGHTS : FIELD_WEIGHTS[typeIndex]) };
  const lean = core ? CORE_LEAN : PERIPHERY_LEAN;
  for (const k in w) if (lean[k]) w[k] *= lean[k];
  if (!core && (tags.includes('pastoral') || tags.includes('fragile')) && w.ecology) w.ecology *= 1.4;
  return w;
}

/**
 * Generate the deterministic synthetic Inner Mongolia organization-year panel (one row per
 * organization per year it reports), calibrated to Fu (2025) and DOMAIN.md and with a known set
 * of planted risk cases (see `sampleManifest` and data/sample/README.md). Rows come
 * organization by organization, each organization's years in order. Pure: no I/O, no clock,
 * no Math.random; memory is proportional to the number of organizations.
 *
 * @param options `orgs` (rows in the last year, default 18000), `years` (default [2008, 2024]),
 *   `seed` (default 20240601) and the parsed `regions` JSON
 * @returns an iterator whose first value is the header (the FIELDS names, in order) and then
 *   one array of strings per row, in FIELDS order; missing values are empty strings
 * @throws {SoqaError} `E_BAD_OPTION` / `E_BAD_REGIONS` (exit 3) for unusable options, at call time
 * @example
 * for (const row of generateSample({ regions, orgs: 1000 })) out.write(toCsvLine(row) + '\n');
 */
export function generateSample(options: SampleOptions): Generator<string[], void, undefined> {
  const plan = planSample(resolveSampleOptions(options));
  return rows(plan);
}

function* rows(plan: SamplePlan): Generator<string[], void, undefined> {
  yield FIELDS.map((f) => f.name);
  const ctx = makeContext(plan);
  const out: string[][] = [];
  for (let i = 0; i < plan.count; i++) {
    out.length = 0;
    simulateOrganization(ctx, i, out);
    for (let k = 0; k < out.length; k++) yield IDENTITY ? out[k] : OUT_INDEX.map((c) => (c >= 0 ? out[k][c] : ''));
  }
}

interface Context {
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

function makeContext(plan: SamplePlan): Context {
  const { regions } = plan.options;
  return {
    plan,
    name: organizationNamer(),
    minority: regions.map((r) => MINORITY[r.code] ?? 0.15),
    split: regions.map((r) => (MID_POCKET.has(r.code) ? CERT_SPLIT_POCKET : CERT_SPLIT_DEFAULT)),
    fieldWeights: new Map(),
    shares: new Float64Array(5),
    base: new Float64Array(5),
    rev: new Float64Array(5),
    rand: seededRandom(mixSeed(plan.options.seed, 0x0a11)),
    spare: -1,
  };
}

/** Cheap bell-shaped noise: triangular on [−√6, √6] with unit variance (two uniforms). */
function nz(rand: () => number): number {
  return (rand() + rand() - 1) * 2.449489742783178;
}

/**
 * A uniform draw with 16-bit resolution: each 32-bit value of the stream serves two calls
 * (halving the cost of the many small per-row noises).
 */
function half(ctx: Context): number {
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
function hun(ctx: Context): number {
  return 2 * half(ctx) - 1;
}

/** Triangular unit-variance noise from two {@link half} draws. */
function hnz(ctx: Context): number {
  return (half(ctx) + half(ctx) - 1) * 2.449489742783178;
}

/** Decimal strings of 0…9999, so that small counts need no number-to-string conversion. */
const SMALL: readonly string[] = Array.from({ length: 10000 }, (_, k) => String(k));
const str = (n: number): string => (n >= 0 && n < 10000 ? SMALL[n] : String(n));

function geom(rand: () => number, mean: number): number {
  return Math.floor(-Math.log(rand() || 1e-12) * mean);
}

const yearsPast = (y: number): number => clamp01((y - 2008) / 16);
const hireAge = (y: number, rand: () => number): number =>
  clamp(Math.round(47 - 9 * yearsPast(y) + 8 * nz(rand)), 25, 70);

/** All rows of organization i, appended to `out` (columns in COLUMNS order). */
function simulateOrganization(ctx: Context, i: number, out: string[][]): void {
  const { plan } = ctx;
  const { y0, regions } = plan.options;
  const rand = ctx.rand;
  const t = plan.type[i];
  const ri = plan.region[i];
  const region = regions[ri];
  const core = region.core;
  const start = plan.start[i];
  const lastYear = plan.end[i];
  const plant: PlantSpec | undefined = plan.planted.get(i);

  // identity
  const regYear = start > y0 ? start : Math.max(y0 - 40, y0 - geom(rand, 7));
  const registered = dateIn(regYear, rand);
  const deregYear = plant && plant.rule === 'deregistered_reporting' ? plant.year : plan.dereg[i] ? lastYear : 0;
  const deregistered = deregYear ? dateIn(deregYear, rand) : '';
  const status = deregYear ? 'deregistered' : 'active';
  const community = t <= 1 && rand() < 0.03 + 0.24 * clamp01((regYear - 2010) / 14);
  const filed = community && rand() < 0.04;
  const wKey = `${t}|${community ? 1 : 0}|${ri}`;
  let fw = ctx.fieldWeights.get(wKey);
  if (!fw) ctx.fieldWeights.set(wKey, (fw = fieldWeights(t, community, core, region.tags)));
  const field = pickWeighted(fw, rand);
  const orgName = ctx.name(ri, region.zh, t, field);
  const orgId = plannedOrgId(plan, i);
  const typeCode = TYPE_CODES[t];
  const sCommunity = community ? '1' : '0';
  const sFiled = filed ? '1' : '0';
  // normal organizations never run 3 deficits in a row; planted ones (deficit plant aside) never run one
  const maxDeficitRun = plant && plant.rule !== 'persistent_deficit' ? 0 : 2;
  const firstOut = out.length;

  // money
  const base = ctx.base;
  const shares = ctx.shares;
  const rev = ctx.rev;
  let logRev =
    REV_MU[t] +
    REV_SIGMA[t] * gaussian(rand) +
    (community ? -1.2 : 0) +
    (core ? 0.3 : 0) +
    (t === 1 && field === 'education' ? 0.4 : 0);
  logRev = clamp(logRev, Math.log(3000), Math.log(3e8));
  let nPos = 0;
  for (let j = 0; j < 5; j++) {
    const zero = rand() < REV_ZERO[t][j];
    base[j] = zero ? 0 : REV_W[t][j] * (j === 0 && community ? 1.3 : 1) * Math.exp(0.6 * gaussian(rand));
    if (base[j] > 0) nPos++;
  }
  if (nPos < 2) {
    if (base[0] === 0) base[0] = 0.3 * Math.exp(0.3 * gaussian(rand));
    if (base[4] === 0) base[4] = 0.1 * Math.exp(0.3 * gaussian(rand));
  }
  const expBase = 0.86 + 0.13 * rand();
  const progBase = 0.45 + 0.4 * rand();
  const liabShare = 0.02 + 0.4 * rand();
  let assetsNet = 0;
  let assetsFixed = rand() < 0.55 ? Math.exp(logRev) * (0.05 + 0.55 * rand()) : 0;
  let deficitRun = 0;

  // people
  let ft: number;
  if (community) ft = rand() < 0.8 ? 0 : 1 + geom(rand, 1);
  else if (t === 0) ft = rand() < 0.55 ? 0 : 1 + geom(rand, 1.5);
  else if (t === 1) ft = rand() < 0.15 ? 0 : 1 + geom(rand, 2.5 + Math.max(0, logRev - REV_MU[1]) * 2);
  else if (t === 2) ft = rand() < 0.3 ? 0 : 1 + geom(rand, 2);
  else ft = rand() < 0.4 ? 0 : 1 + geom(rand, 1.5);
  ft = Math.min(ft, 150);
  let pt = Math.min(geom(rand, community ? 4 : t === 0 ? 3 : 2), 60);
  const certRate = Math.min(1, (CERT_RATE[field] ?? 0.03) * Math.exp(0.5 * gaussian(rand)));
  const split = ctx.split[ri];
  const collegeShare = 0.05 + 0.45 * rand();
  const over50Share = 0.1 + 0.35 * rand();
  const minority = ctx.minority[ri];
  let managerAge = hireAge(start, rand);
  const volBase =
    rand() < (community || field === 'charity' ? 0.92 : 0.7)
      ? Math.exp(
          Math.log(8) + (community || field === 'charity' || field === 'social_services' ? 1.1 : 0) + gaussian(rand),
        )
      : 0;
  const actBase = Math.exp(Math.log(6) + (community ? 0.4 : 0) + 0.8 * gaussian(rand));
  const benBase = Math.exp(Math.log(25) + 0.7 * gaussian(rand));
  const disclosureBias = 0.2 * gaussian(rand);
  let party = rand() < 0.12 + 0.4 * clamp01((start - 2012) / 10);
  let online = rand() < 0.05 + 0.3 * clamp01((start - 2012) / 12);
  const incubYear = rand() < (community ? 0.22 : 0.03) ? Math.max(start, 2013 + Math.floor(rand() * 10)) : 0;
  let rating = 0;

  for (let y = start; y <= lastYear; y++) {
    const first = y === start;
    const past = yearsPast(y);

    // revenue level: a bounded random walk (year-on-year ratio within e^±0.6)
    if (!first) logRev = clamp(logRev + clamp(0.03 + 0.17 * hnz(ctx), -0.6, 0.6), LOG_REV_MIN, LOG_REV_MAX);
    const total = Math.exp(logRev);
    let sum = 0;
    for (let j = 0; j < 5; j++) sum += shares[j] = base[j] > 0 ? base[j] * (1 + 0.17 * hun(ctx)) : 0;
    for (let j = 0; j < 5; j++) shares[j] /= sum;
    if (shares[0] > GOV_CAP) {
      // at least two sources are positive, so the rest is > 0
      const f = (1 - GOV_CAP) / (1 - shares[0]);
      for (let j = 1; j < 5; j++) shares[j] *= f;
      shares[0] = GOV_CAP;
    }
    let revTotal = 0;
    for (let j = 0; j < 5; j++) revTotal += rev[j] = Math.round(total * shares[j]);

    // expenses: deficits happen, but a run is cut at maxDeficitRun years
    let ratio = expBase + 0.07 * hnz(ctx);
    if (deficitRun >= maxDeficitRun && ratio > 0.99) ratio = 0.99;
    const expenses = Math.round(revTotal * Math.max(ratio, 0.5));
    deficitRun = expenses > revTotal ? deficitRun + 1 : 0;
    const program = Math.round(expenses * clamp(progBase + 0.08 * hun(ctx), 0.2, 0.95));
    if (first) assetsNet = Math.round(revTotal * (0.1 + 1.1 * rand()));
    assetsNet += revTotal - expenses;
    if (assetsFixed > 0) assetsFixed *= half(ctx) < 0.05 ? 1.3 : 0.96 + 0.08 * half(ctx);

    // staff: ±1 steps for full-time, ±(1 + 20%) for part-time
    if (!first) {
      const u = half(ctx);
      if (u < 0.1 && ft > 0) ft--;
      else if (u > 0.88) ft++;
      const v = half(ctx);
      const step = 1 + (pt > 5 ? Math.floor(pt * 0.2) : 0);
      if (v < 0.12) pt = Math.max(0, pt - step);
      else if (v > 0.86) pt += step;
    }
    const staff = ft + pt;
    const certTotal = Math.min(ft, Math.floor(ft * certRate * (0.25 + 0.75 * past) + half(ctx)));
    let cj = 0;
    let cm = 0;
    let cs = 0;
    for (let c = 0; c < certTotal; c++) {
      const u = half(ctx);
      if (u < split[0]) cj++;
      else if (u < split[0] + split[1]) cm++;
      else cs++;
    }
    const college = clamp(Math.round(staff * (collegeShare + 0.01 * (y - start))), 0, staff);
    const empMinority = clamp(Math.round(staff * minority + 0.3), 0, staff);
    const empDisabled = staff > 0 && half(ctx) < 0.06 ? Math.min(staff, half(ctx) < 0.2 ? 2 : 1) : 0;
    const empOver50 = clamp(Math.round(staff * over50Share), 0, staff);

    // manager: replaced now and then; new managers are younger in later years
    if (!first) {
      managerAge++;
      if (managerAge > 68 || half(ctx) < 0.12) managerAge = hireAge(y, rand);
    }
    const volunteers = volBase > 0 ? Math.round(volBase * (1 + 0.25 * hun(ctx))) : 0;
    const activities = Math.max(1, Math.round(actBase * (1 + 0.25 * hnz(ctx))));
    const beneficiaries = Math.round(activities * benBase * (1 + 0.3 * hun(ctx)));
    if (!party && half(ctx) < 0.02 + 0.12 * clamp01((y - 2012) / 8)) party = true;
    if (!online && half(ctx) < 0.02 + 0.08 * clamp01((y - 2012) / 12)) online = true;
    const disclosure = half(ctx) < clamp(0.5 + 0.35 * past + disclosureBias, 0.05, 0.98);
    const incubated = incubYear > 0 && y >= incubYear && y <= incubYear + 2;
    if (y >= 2010 && half(ctx) < (rating > 0 ? 0.03 : 0.011 * (core ? 1.4 : 1))) {
      const u = half(ctx);
      let g = 0;
      let acc = 0;
      while (g < 4 && u >= (acc += RATING_GRADES[g])) g++;
      rating = g + 1;
    }
    const govProjects = rev[0] > 0 ? Math.min(300, Math.round((rev[0] / 60000) * (1 + 0.4 * hun(ctx)))) : 0;
    // total assets = net assets + liabilities (liabilities cover any negative net assets)
    const liabilities = Math.max(0, -assetsNet) + Math.round(revTotal * liabShare);
    const assetsTotal = Math.max(assetsNet + liabilities, Math.round(assetsFixed) + Math.round(revTotal * 0.05));
    const m = half(ctx);

    const row = [
      orgId,
      orgName,
      typeCode,
      region.code,
      registered,
      SMALL[y],
      deregistered,
      status,
      field,
      sCommunity,
      sFiled,
      str(rating),
      str(ft),
      str(pt),
      str(cj),
      str(cm),
      str(cs),
      str(college),
      str(managerAge),
      str(volunteers),
      str(rev[0]),
      str(rev[1]),
      str(rev[2]),
      str(rev[3]),
      str(rev[4]),
      str(expenses),
      str(program),
      str(assetsNet),
      str(Math.round(assetsFixed)),
      str(beneficiaries),
      str(activities),
      str(empMinority),
      str(empDisabled),
      str(empOver50),
      party ? '1' : '0',
      disclosure ? '1' : '0',
      online ? '1' : '0',
      incubated ? '1' : '0',
      str(govProjects),
      str(assetsTotal),
      '',
      str(revTotal),
    ];

    // a few blanks in optional columns (about 3% each)
    if (m < BLANK_RATE) row[OPTIONAL[Math.floor((m / BLANK_RATE) * OPTIONAL.length)]] = '';
    out.push(row);
  }
  if (plant) applyPlant(plant, out, firstOut, rand);
}

const num = (v: string): number => (v === '' ? 0 : Number(v));

/**
 * Turn the normal rows of a planted organization into its planted case. Kept out of the
 * per-year loop so that the hot loop has no rarely-taken branches.
 */
function applyPlant(plant: PlantSpec, out: string[][], from: number, rand: () => number): void {
  const rows = out.slice(from);
  const year = (r: string[]): number => Number(r[5]);
  const total = (r: string[]): number => num(r[20]) + num(r[21]) + num(r[22]) + num(r[23]) + num(r[24]);
  const scaleMoney = (r: string[], f: number): void => {
    for (const c of [20, 21, 22, 23, 24, 25]) r[c] = String(Math.round(num(r[c]) * f));
    if (r[26] !== '') r[26] = String(Math.round(num(r[26]) * f));
    r[27] = String(Math.round(num(r[27]) * f));
  };
  switch (plant.rule) {
    case 'dormant':
      for (const r of rows) if (year(r) >= plant.year) for (const c of DORMANT_ZERO) r[c] = '0';
      break;
    case 'missing_report':
      out.splice(from + rows.findIndex((r) => year(r) === plant.year), 1);
      break;
    case 'persistent_deficit': {
      let extra = 0;
      for (const r of rows) {
        const y = year(r);
        if (y >= plant.year && y <= plant.until) {
          const rev = total(r);
          const before = num(r[25]);
          const exp = Math.round(rev * (1.05 + 0.25 * rand()));
          r[25] = String(exp);
          if (r[26] !== '' && before > 0) r[26] = String(Math.round((num(r[26]) * exp) / before));
          extra += exp - before;
        }
        if (y >= plant.year) r[27] = String(num(r[27]) - extra);
      }
      break;
    }
    case 'single_source':
      for (const r of rows) {
        if (year(r) < plant.year) continue;
        const rev = total(r);
        const gov = Math.round(rev * (0.92 + 0.06 * rand()));
        const rest = rev - num(r[20]);
        let left = rev - gov;
        for (const c of [21, 22, 23]) {
          const v = rest > 0 ? Math.floor((num(r[c]) * (rev - gov)) / rest) : 0;
          r[c] = String(v);
          left -= v;
        }
        r[20] = String(gov);
        r[24] = String(left);
      }
      break;
    case 'implausible_jump': {
      const k = rows.findIndex((r) => year(r) === plant.year);
      const prev = rows[k - 1];
      const cur = rows[k];
      if (plant.kind === 'staff') {
        if (num(prev[12]) === 0) prev[12] = '1';
        const d = Math.ceil(num(prev[12]) * (10 + 5 * rand())) - num(cur[12]);
        for (let j = k; j < rows.length; j++) rows[j][12] = String(num(rows[j][12]) + d);
      } else {
        const f = ((12 + 6 * rand()) * total(prev)) / total(cur);
        for (let j = k; j < rows.length; j++) scaleMoney(rows[j], f);
      }
      break;
    }
    case 'cert_above_staff':
      for (const r of rows) {
        const y = year(r);
        if (y < plant.year || y > plant.until) continue;
        const n = num(r[12]) + num(r[13]) + 1 + Math.floor(rand() * 2);
        const mid = Math.floor(n * 0.35);
        r[14] = String(n - mid);
        r[15] = String(mid);
        r[16] = '0';
      }
      break;
    default:
      // credit-code and deregistration plants live in org_id / deregistered, set above
      break;
  }
  for (const r of rows) if (r.length > 41) r[41] = String(total(r));
}
