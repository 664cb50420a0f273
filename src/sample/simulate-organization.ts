/**
 * One organization's rows of the synthetic panel: its identity, money and people drawn once,
 * then year by year, from the run's one seeded stream (the order of the draws is the output).
 */
import type { PlantSpec, SamplePlan } from './plan-sample.js';
import { applyPlant } from './apply-plant.js';
import { gaussian } from './gaussian.js';
import { plannedOrgId } from './planned-org-id.js';
import {
  BLANK_RATE,
  CERT_RATE,
  COMMUNITY_WEIGHTS,
  CORE_LEAN,
  FIELD_WEIGHTS,
  GOV_CAP,
  LOG_REV_MAX,
  LOG_REV_MIN,
  OPTIONAL,
  PERIPHERY_LEAN,
  RATING_GRADES,
  REV_MU,
  REV_SIGMA,
  REV_W,
  REV_ZERO,
  TYPE_CODES,
} from './sample-calibration.js';
import {
  clamp,
  clamp01,
  dateIn,
  geom,
  half,
  hireAge,
  hnz,
  hun,
  pickWeighted,
  SMALL,
  str,
  yearsPast,
  type Context,
} from './sample-draws.js';

function fieldWeights(
  typeIndex: number,
  community: boolean,
  core: boolean,
  tags: readonly string[],
): Record<string, number> {
  const w: Record<string, number> = { ...(community ? COMMUNITY_WEIGHTS : FIELD_WEIGHTS[typeIndex]) };
  const lean = core ? CORE_LEAN : PERIPHERY_LEAN;
  for (const k in w) if (lean[k]) w[k] *= lean[k];
  if (!core && (tags.includes('pastoral') || tags.includes('fragile')) && w.ecology) w.ecology *= ECOLOGY_LEAN;
  return w;
}

/** Community organizations: share founded in a year, rising from 3% (2010) by 24 points over 14 years. */
const COMMUNITY_BASE = 0.03;
const COMMUNITY_RISE = 0.24;
const COMMUNITY_FROM = 2010;
const COMMUNITY_SPAN = 14;
/** Community organizations filed (备案) rather than registered. */
const FILED_RATE = 0.04;
/** Registration years before the panel: geometric with this mean, at most this many years back. */
const REG_BEFORE_MEAN = 7;
const REG_BEFORE_MAX = 40;
/** Revenue: log-revenue shifts for community organizations, the core, and private non-enterprise education. */
const LOG_REV_COMMUNITY = -1.2;
const LOG_REV_CORE = 0.3;
const LOG_REV_EDUCATION = 0.4;
/** Revenue of the first year: 3,000 to 300 million yuan. */
const FIRST_REV_MIN = 3000;
const FIRST_REV_MAX = 3e8;
/** Revenue sources (government purchase, donations, membership, services, other). */
const SOURCES = 5;
/** Spread of a source's weight (log-normal σ), and the extra weight of government purchase for community organizations. */
const SOURCE_SIGMA = 0.6;
const COMMUNITY_GOV = 1.3;
/** Expense ratio: base 0.86 + 0.13·u; programme share 0.45 + 0.4·u; liabilities 0.02 + 0.4·u of revenue. */
const EXPENSE_BASE = [0.86, 0.13] as const;
const PROGRAM_BASE = [0.45, 0.4] as const;
const LIABILITY_SHARE = [0.02, 0.4] as const;
/** Fixed assets: held by 55%, 0.05 + 0.55·u of the first revenue. */
const FIXED_ASSETS_RATE = 0.55;
const FIXED_ASSETS_SHARE = [0.05, 0.55] as const;
/** Full-time staff caps; part-time cap. */
const MAX_FULLTIME = 150;
const MAX_PARTTIME = 60;

/** Pastoral and fragile regions outside the core: weight of ecology organizations ×1.4. */
const ECOLOGY_LEAN = 1.4;
/** When government purchase and other income are the only sources left: their small weights (log-normal σ 0.3). */
const FALLBACK_GOV = 0.3;
const FALLBACK_OTHER = 0.1;
const FALLBACK_SIGMA = 0.3;
/**
 * First-year full-time staff: none with probability `none`, else 1 + geometric with mean
 * `mean` (private non-enterprise units: plus 2 per log-unit of revenue above their median).
 */
const FULLTIME_COMMUNITY = { none: 0.8, mean: 1 } as const;
const FULLTIME_BY_TYPE = [
  { none: 0.55, mean: 1.5 },
  { none: 0.15, mean: 2.5 },
  { none: 0.3, mean: 2 },
  { none: 0.4, mean: 1.5 },
] as const;
const FULLTIME_REVENUE_SLOPE = 2;
/** First-year part-time staff: geometric with this mean (community organizations, social groups, others). */
const PARTTIME_MEAN = { community: 4, socialGroup: 3, other: 2 } as const;
/** Certificate rate of a field without its own (CERT_RATE), and its spread (log-normal σ). */
const CERT_RATE_DEFAULT = 0.03;
const CERT_RATE_SIGMA = 0.5;
/** Shares of staff with college education (0.05 + 0.45·u) and over 50 (0.1 + 0.35·u). */
const COLLEGE_SHARE = [0.05, 0.45] as const;
const OVER50_SHARE = [0.1, 0.35] as const;
/** Volunteers: kept by 92% of charities and community organizations, 70% of the rest; log-normal around 8 (×e^1.1 in charity and social services). */
const VOLUNTEER_RATE = { charity: 0.92, other: 0.7 } as const;
const VOLUNTEER_LOG_BASE = Math.log(8);
const VOLUNTEER_CHARITY_LIFT = 1.1;
/** Activities a year: log-normal around 6 (×e^0.4 for community organizations, σ 0.8). */
const ACTIVITY_LOG_BASE = Math.log(6);
const ACTIVITY_COMMUNITY_LIFT = 0.4;
const ACTIVITY_SIGMA = 0.8;
/** Beneficiaries per activity: log-normal around 25 (σ 0.7). */
const BENEFICIARY_LOG_BASE = Math.log(25);
const BENEFICIARY_SIGMA = 0.7;
/** An organization's lean towards disclosure (normal σ). */
const DISCLOSURE_BIAS_SIGMA = 0.2;
/** Party organization at founding: 12%, rising by 40 points over the 10 years from 2012. */
const PARTY_AT_START = { base: 0.12, rise: 0.4, from: 2012, span: 10 } as const;
/** Online presence at founding: 5%, rising by 30 points over the 12 years from 2012. */
const ONLINE_AT_START = { base: 0.05, rise: 0.3, from: 2012, span: 12 } as const;
/** Incubated: 22% of community organizations, 3% of the rest, in a year from 2013 to 2022 (not before founding). */
const INCUBATED_RATE = { community: 0.22, other: 0.03 } as const;
const INCUBATION_FROM = 2013;
const INCUBATION_YEARS = 10;
/** Revenue level, year on year: log-ratio 0.03 + 0.17·noise, within ±0.6. */
const REV_DRIFT = 0.03;
const REV_NOISE = 0.17;
const REV_STEP_MAX = 0.6;
/** A revenue source's share moves by up to ±17% a year. */
const SOURCE_NOISE = 0.17;
/** Expense ratio: noise ±0.07; capped at 0.99 once a deficit run is long enough; never below 0.5. */
const EXPENSE_NOISE = 0.07;
const EXPENSE_NO_DEFICIT = 0.99;
const EXPENSE_MIN = 0.5;
/** Programme share of expenses: noise ±0.08, within 0.2–0.95. */
const PROGRAM_NOISE = 0.08;
const PROGRAM_MIN = 0.2;
const PROGRAM_MAX = 0.95;
/** Net assets of the first year: 0.1 + 1.1·u of revenue. */
const FIRST_NET_ASSETS = [0.1, 1.1] as const;
/** Fixed assets a year: bought (×1.3) with probability 0.05, else depreciated to 0.96–1.04. */
const FIXED_BUY_RATE = 0.05;
const FIXED_BUY = 1.3;
const FIXED_DRIFT = [0.96, 0.08] as const;
/** Full-time staff a year: −1 with probability 0.1 (when any), +1 with probability 0.12 (u > 0.88). */
const FULLTIME_LEAVE = 0.1;
const FULLTIME_JOIN = 0.88;
/** Part-time staff a year: −step below 0.12, +step above 0.86; step 1 + 20% of a staff above 5. */
const PARTTIME_LEAVE = 0.12;
const PARTTIME_JOIN = 0.86;
const PARTTIME_STEP_FROM = 5;
const PARTTIME_STEP_SHARE = 0.2;
/** Certified staff: the rate grows from a quarter to all of it over the panel (yearsPast). */
const CERT_GROWTH = [0.25, 0.75] as const;
/** College share grows by a point a year after founding. */
const COLLEGE_GROWTH = 0.01;
/** Ethnic-minority staff: rounded up from 0.2 (round(x + 0.3)). */
const MINORITY_ROUNDING = 0.3;
/** Disabled staff: employed by 6%, 2 people with probability 0.2, else 1. */
const DISABLED_RATE = 0.06;
const DISABLED_TWO = 0.2;
/** Managers: replaced past 68 or with probability 0.12 a year. */
const MANAGER_MAX_AGE = 68;
const MANAGER_TURNOVER = 0.12;
/** Volunteers, activities and beneficiaries move by ±25%, ±25% and ±30% a year. */
const VOLUNTEER_NOISE = 0.25;
const ACTIVITY_NOISE = 0.25;
const BENEFICIARY_NOISE = 0.3;
/** A party organization is set up in a year with probability 2%, rising by 12 points over the 8 years from 2012. */
const PARTY_A_YEAR = { base: 0.02, rise: 0.12, from: 2012, span: 8 } as const;
/** Online presence starts in a year with probability 2%, rising by 8 points over the 12 years from 2012. */
const ONLINE_A_YEAR = { base: 0.02, rise: 0.08, from: 2012, span: 12 } as const;
/** Disclosure in a year: 0.5 + 0.35·(share of the panel past) + bias, within 0.05–0.98. */
const DISCLOSURE = { base: 0.5, growth: 0.35, min: 0.05, max: 0.98 } as const;
/** Incubation lasts the year it starts and the two after. */
const INCUBATION_SPAN = 2;
/** Ratings: from 2010, 3% a year re-rated once rated, else 1.1% (×1.4 in the core). */
const RATING_FROM = 2010;
const RERATING_RATE = 0.03;
const RATING_RATE = 0.011;
const RATING_CORE_LEAN = 1.4;
/** Government projects: one per 60,000 yuan of purchase (±40%), at most 300. */
const GOV_PROJECT_YUAN = 60000;
const GOV_PROJECT_NOISE = 0.4;
const GOV_PROJECTS_MAX = 300;
/** Total assets are at least fixed assets plus 5% of revenue. */
const CURRENT_ASSETS_SHARE = 0.05;

/** A share that rises from `base` by `rise` over `span` years from `from`. */
const rising = (p: { base: number; rise: number; from: number; span: number }, y: number): number =>
  p.base + p.rise * clamp01((y - p.from) / p.span);

/** An organization's fixed traits, drawn once. */
interface OrgIdentity {
  i: number;
  t: number;
  ri: number;
  region: SamplePlan['options']['regions'][number];
  core: boolean;
  start: number;
  lastYear: number;
  plant: PlantSpec | undefined;
  registered: string;
  deregistered: string;
  status: string;
  community: boolean;
  field: string;
  orgName: string;
  orgId: string;
  typeCode: string;
  sCommunity: string;
  sFiled: string;
  /** Normal organizations never run 3 deficits in a row; planted ones (deficit plant aside) never run one. */
  maxDeficitRun: number;
}

/** Money that carries over from year to year. */
interface MoneyState {
  logRev: number;
  expBase: number;
  progBase: number;
  liabShare: number;
  assetsNet: number;
  assetsFixed: number;
  deficitRun: number;
}

/** People and practices that carry over from year to year. */
interface PeopleState {
  ft: number;
  pt: number;
  certRate: number;
  split: number[];
  collegeShare: number;
  over50Share: number;
  minority: number;
  managerAge: number;
  volBase: number;
  actBase: number;
  benBase: number;
  disclosureBias: number;
  party: boolean;
  online: boolean;
  incubYear: number;
  rating: number;
}

/**
 * All rows of organization i (columns in COLUMNS order), drawn from the run's stream.
 *
 * @param ctx the run's context (plan, stream, scratch arrays)
 * @param i organization index, 0 ≤ i < plan.count
 * @returns the organization's rows, one per year, its planted case applied
 * @example
 * simulateOrganization(ctx, 0)[0].length; // => COLUMNS.length
 */
export function simulateOrganization(ctx: Context, i: number): string[][] {
  const id = drawIdentity(ctx, i);
  const money = startMoney(ctx, id);
  const people = startPeople(ctx, id, money.logRev);
  const rows: string[][] = [];
  for (let y = id.start; y <= id.lastYear; y++) rows.push(yearRow(ctx, { id, money, people }, y));
  if (id.plant) applyPlant(id.plant, rows, ctx.rand);
  return rows;
}

/** Identity: registration and deregistration, community, field, name, id. */
function drawIdentity(ctx: Context, i: number): OrgIdentity {
  const { plan, rand } = ctx;
  const { y0, regions } = plan.options;
  const t = plan.type[i];
  const ri = plan.region[i];
  const region = regions[ri];
  const core = region.core;
  const start = plan.start[i];
  const lastYear = plan.end[i];
  const plant: PlantSpec | undefined = plan.planted.get(i);
  const regYear = start > y0 ? start : Math.max(y0 - REG_BEFORE_MAX, y0 - geom(rand, REG_BEFORE_MEAN));
  const registered = dateIn(regYear, rand);
  const deregYear = plant && plant.rule === 'deregistered_reporting' ? plant.year : plan.dereg[i] ? lastYear : 0;
  const deregistered = deregYear ? dateIn(deregYear, rand) : '';
  const status = deregYear ? 'deregistered' : 'active';
  const community =
    t <= 1 && rand() < COMMUNITY_BASE + COMMUNITY_RISE * clamp01((regYear - COMMUNITY_FROM) / COMMUNITY_SPAN);
  const filed = community && rand() < FILED_RATE;
  const wKey = `${t}|${community ? 1 : 0}|${ri}`;
  let fw = ctx.fieldWeights.get(wKey);
  if (!fw) ctx.fieldWeights.set(wKey, (fw = fieldWeights(t, community, core, region.tags)));
  const field = pickWeighted(fw, rand);
  return {
    i,
    t,
    ri,
    region,
    core,
    start,
    lastYear,
    plant,
    registered,
    deregistered,
    status,
    community,
    field,
    orgName: ctx.name(ri, region.zh, t, field),
    orgId: plannedOrgId(plan, i),
    typeCode: TYPE_CODES[t],
    sCommunity: community ? '1' : '0',
    sFiled: filed ? '1' : '0',
    maxDeficitRun: plant && plant.rule !== 'persistent_deficit' ? 0 : 2,
  };
}

/** Money at the start: revenue level and source weights (in `ctx.base`), expense and asset habits. */
function startMoney(ctx: Context, id: OrgIdentity): MoneyState {
  const { rand, base } = ctx;
  const { t, community, core, field } = id;
  let logRev =
    REV_MU[t] +
    REV_SIGMA[t] * gaussian(rand) +
    (community ? LOG_REV_COMMUNITY : 0) +
    (core ? LOG_REV_CORE : 0) +
    (t === 1 && field === 'education' ? LOG_REV_EDUCATION : 0);
  logRev = clamp(logRev, Math.log(FIRST_REV_MIN), Math.log(FIRST_REV_MAX));
  let nPos = 0;
  for (let j = 0; j < SOURCES; j++) {
    const zero = rand() < REV_ZERO[t][j];
    base[j] = zero
      ? 0
      : REV_W[t][j] * (j === 0 && community ? COMMUNITY_GOV : 1) * Math.exp(SOURCE_SIGMA * gaussian(rand));
    if (base[j] > 0) nPos++;
  }
  // at least two sources: government purchase and other income, small
  if (nPos < 2) {
    if (base[0] === 0) base[0] = FALLBACK_GOV * Math.exp(FALLBACK_SIGMA * gaussian(rand));
    if (base[4] === 0) base[4] = FALLBACK_OTHER * Math.exp(FALLBACK_SIGMA * gaussian(rand));
  }
  const expBase = EXPENSE_BASE[0] + EXPENSE_BASE[1] * rand();
  const progBase = PROGRAM_BASE[0] + PROGRAM_BASE[1] * rand();
  const liabShare = LIABILITY_SHARE[0] + LIABILITY_SHARE[1] * rand();
  const assetsFixed =
    rand() < FIXED_ASSETS_RATE ? Math.exp(logRev) * (FIXED_ASSETS_SHARE[0] + FIXED_ASSETS_SHARE[1] * rand()) : 0;
  return { logRev, expBase, progBase, liabShare, assetsNet: 0, assetsFixed, deficitRun: 0 };
}

/** Full-time staff of the first year: none with some probability, else 1 + geometric, by kind of organization. */
function firstFullTime(rand: () => number, id: OrgIdentity, logRev: number): number {
  const { t, community } = id;
  const p = community ? FULLTIME_COMMUNITY : FULLTIME_BY_TYPE[Math.min(t, 3)];
  const mean = !community && t === 1 ? p.mean + Math.max(0, logRev - REV_MU[1]) * FULLTIME_REVENUE_SLOPE : p.mean;
  const ft = rand() < p.none ? 0 : 1 + geom(rand, mean);
  return Math.min(ft, MAX_FULLTIME);
}

/** People at the start: staff, certificates, manager, volunteers, activities, practices. */
function startPeople(ctx: Context, id: OrgIdentity, logRev: number): PeopleState {
  const { rand } = ctx;
  const { t, community, field, start, ri } = id;
  const ft = firstFullTime(rand, id, logRev);
  const ptMean = community ? PARTTIME_MEAN.community : t === 0 ? PARTTIME_MEAN.socialGroup : PARTTIME_MEAN.other;
  const pt = Math.min(geom(rand, ptMean), MAX_PARTTIME);
  const certRate = Math.min(1, (CERT_RATE[field] ?? CERT_RATE_DEFAULT) * Math.exp(CERT_RATE_SIGMA * gaussian(rand)));
  const collegeShare = COLLEGE_SHARE[0] + COLLEGE_SHARE[1] * rand();
  const over50Share = OVER50_SHARE[0] + OVER50_SHARE[1] * rand();
  const managerAge = hireAge(start, rand);
  const charity = community || field === 'charity';
  const volBase =
    rand() < (charity ? VOLUNTEER_RATE.charity : VOLUNTEER_RATE.other)
      ? Math.exp(
          VOLUNTEER_LOG_BASE + (charity || field === 'social_services' ? VOLUNTEER_CHARITY_LIFT : 0) + gaussian(rand),
        )
      : 0;
  const actBase = Math.exp(
    ACTIVITY_LOG_BASE + (community ? ACTIVITY_COMMUNITY_LIFT : 0) + ACTIVITY_SIGMA * gaussian(rand),
  );
  const benBase = Math.exp(BENEFICIARY_LOG_BASE + BENEFICIARY_SIGMA * gaussian(rand));
  const disclosureBias = DISCLOSURE_BIAS_SIGMA * gaussian(rand);
  const party = rand() < rising(PARTY_AT_START, start);
  const online = rand() < rising(ONLINE_AT_START, start);
  const incubYear =
    rand() < (community ? INCUBATED_RATE.community : INCUBATED_RATE.other)
      ? Math.max(start, INCUBATION_FROM + Math.floor(rand() * INCUBATION_YEARS))
      : 0;
  return {
    ft,
    pt,
    certRate,
    split: ctx.split[ri],
    collegeShare,
    over50Share,
    minority: ctx.minority[ri],
    managerAge,
    volBase,
    actBase,
    benBase,
    disclosureBias,
    party,
    online,
    incubYear,
    rating: 0,
  };
}

/** One year's revenue by source (in `ctx.rev`), expenses, programme expenses; the money state moves on. */
function moneyYear(ctx: Context, org: { id: OrgIdentity; money: MoneyState }, first: boolean) {
  const { base, shares, rev, rand } = ctx;
  const money = org.money;
  // revenue level: a bounded random walk (year-on-year ratio within e^±0.6)
  if (!first)
    money.logRev = clamp(
      money.logRev + clamp(REV_DRIFT + REV_NOISE * hnz(ctx), -REV_STEP_MAX, REV_STEP_MAX),
      LOG_REV_MIN,
      LOG_REV_MAX,
    );
  const total = Math.exp(money.logRev);
  let sum = 0;
  for (let j = 0; j < SOURCES; j++) sum += shares[j] = base[j] > 0 ? base[j] * (1 + SOURCE_NOISE * hun(ctx)) : 0;
  for (let j = 0; j < SOURCES; j++) shares[j] /= sum;
  if (shares[0] > GOV_CAP) {
    // at least two sources are positive, so the rest is > 0
    const f = (1 - GOV_CAP) / (1 - shares[0]);
    for (let j = 1; j < SOURCES; j++) shares[j] *= f;
    shares[0] = GOV_CAP;
  }
  let revTotal = 0;
  for (let j = 0; j < SOURCES; j++) revTotal += rev[j] = Math.round(total * shares[j]);

  // expenses: deficits happen, but a run is cut at maxDeficitRun years
  let ratio = money.expBase + EXPENSE_NOISE * hnz(ctx);
  if (money.deficitRun >= org.id.maxDeficitRun && ratio > EXPENSE_NO_DEFICIT) ratio = EXPENSE_NO_DEFICIT;
  const expenses = Math.round(revTotal * Math.max(ratio, EXPENSE_MIN));
  money.deficitRun = expenses > revTotal ? money.deficitRun + 1 : 0;
  const program = Math.round(expenses * clamp(money.progBase + PROGRAM_NOISE * hun(ctx), PROGRAM_MIN, PROGRAM_MAX));
  if (first) money.assetsNet = Math.round(revTotal * (FIRST_NET_ASSETS[0] + FIRST_NET_ASSETS[1] * rand()));
  money.assetsNet += revTotal - expenses;
  if (money.assetsFixed > 0)
    money.assetsFixed *= half(ctx) < FIXED_BUY_RATE ? FIXED_BUY : FIXED_DRIFT[0] + FIXED_DRIFT[1] * half(ctx);
  return { revTotal, expenses, program };
}

/** One year's staff: ±1 steps for full-time, ±(1 + 20%) for part-time; certificates, college, employment groups. */
function staffYear(ctx: Context, people: PeopleState, y: number, start: number) {
  const first = y === start;
  if (!first) {
    const u = half(ctx);
    if (u < FULLTIME_LEAVE && people.ft > 0) people.ft--;
    else if (u > FULLTIME_JOIN) people.ft++;
    const v = half(ctx);
    const step = 1 + (people.pt > PARTTIME_STEP_FROM ? Math.floor(people.pt * PARTTIME_STEP_SHARE) : 0);
    if (v < PARTTIME_LEAVE) people.pt = Math.max(0, people.pt - step);
    else if (v > PARTTIME_JOIN) people.pt += step;
  }
  const { ft, pt, split } = people;
  const staff = ft + pt;
  const certTotal = Math.min(
    ft,
    Math.floor(ft * people.certRate * (CERT_GROWTH[0] + CERT_GROWTH[1] * yearsPast(y)) + half(ctx)),
  );
  let cj = 0;
  let cm = 0;
  let cs = 0;
  for (let c = 0; c < certTotal; c++) {
    const u = half(ctx);
    if (u < split[0]) cj++;
    else if (u < split[0] + split[1]) cm++;
    else cs++;
  }
  const college = clamp(Math.round(staff * (people.collegeShare + COLLEGE_GROWTH * (y - start))), 0, staff);
  const empMinority = clamp(Math.round(staff * people.minority + MINORITY_ROUNDING), 0, staff);
  const empDisabled = staff > 0 && half(ctx) < DISABLED_RATE ? Math.min(staff, half(ctx) < DISABLED_TWO ? 2 : 1) : 0;
  const empOver50 = clamp(Math.round(staff * people.over50Share), 0, staff);
  return { cj, cm, cs, college, empMinority, empDisabled, empOver50 };
}

/** One year's manager, volunteers, activities, beneficiaries, party, online presence, disclosure, incubation and rating; the people state moves on. */
function practicesYear(ctx: Context, org: { id: OrgIdentity; people: PeopleState }, y: number) {
  const { id, people } = org;
  const { rand } = ctx;
  const first = y === id.start;
  const past = yearsPast(y);
  // manager: replaced now and then; new managers are younger in later years
  if (!first) {
    people.managerAge++;
    if (people.managerAge > MANAGER_MAX_AGE || half(ctx) < MANAGER_TURNOVER) people.managerAge = hireAge(y, rand);
  }
  const volunteers = people.volBase > 0 ? Math.round(people.volBase * (1 + VOLUNTEER_NOISE * hun(ctx))) : 0;
  const activities = Math.max(1, Math.round(people.actBase * (1 + ACTIVITY_NOISE * hnz(ctx))));
  const beneficiaries = Math.round(activities * people.benBase * (1 + BENEFICIARY_NOISE * hun(ctx)));
  if (!people.party && half(ctx) < rising(PARTY_A_YEAR, y)) people.party = true;
  if (!people.online && half(ctx) < rising(ONLINE_A_YEAR, y)) people.online = true;
  const disclosure =
    half(ctx) <
    clamp(DISCLOSURE.base + DISCLOSURE.growth * past + people.disclosureBias, DISCLOSURE.min, DISCLOSURE.max);
  const incubated = people.incubYear > 0 && y >= people.incubYear && y <= people.incubYear + INCUBATION_SPAN;
  if (
    y >= RATING_FROM &&
    half(ctx) < (people.rating > 0 ? RERATING_RATE : RATING_RATE * (id.core ? RATING_CORE_LEAN : 1))
  ) {
    const u = half(ctx);
    let g = 0;
    let acc = 0;
    while (g < 4 && u >= (acc += RATING_GRADES[g])) g++;
    people.rating = g + 1;
  }
  return { volunteers, activities, beneficiaries, disclosure, incubated };
}

/** One year's row of an organization (columns in COLUMNS order); the money and people states move on. */
function yearRow(ctx: Context, org: { id: OrgIdentity; money: MoneyState; people: PeopleState }, y: number): string[] {
  const { id, money, people } = org;
  const { rev } = ctx;
  const first = y === id.start;
  const { revTotal, expenses, program } = moneyYear(ctx, org, first);
  const st = staffYear(ctx, people, y, id.start);

  const { volunteers, activities, beneficiaries, disclosure, incubated } = practicesYear(ctx, org, y);
  const govProjects =
    rev[0] > 0
      ? Math.min(GOV_PROJECTS_MAX, Math.round((rev[0] / GOV_PROJECT_YUAN) * (1 + GOV_PROJECT_NOISE * hun(ctx))))
      : 0;
  // total assets = net assets + liabilities (liabilities cover any negative net assets)
  const liabilities = Math.max(0, -money.assetsNet) + Math.round(revTotal * money.liabShare);
  const assetsTotal = Math.max(
    money.assetsNet + liabilities,
    Math.round(money.assetsFixed) + Math.round(revTotal * CURRENT_ASSETS_SHARE),
  );
  const m = half(ctx);

  const row = [
    id.orgId,
    id.orgName,
    id.typeCode,
    id.region.code,
    id.registered,
    SMALL[y],
    id.deregistered,
    id.status,
    id.field,
    id.sCommunity,
    id.sFiled,
    str(people.rating),
    str(people.ft),
    str(people.pt),
    str(st.cj),
    str(st.cm),
    str(st.cs),
    str(st.college),
    str(people.managerAge),
    str(volunteers),
    str(rev[0]),
    str(rev[1]),
    str(rev[2]),
    str(rev[3]),
    str(rev[4]),
    str(expenses),
    str(program),
    str(money.assetsNet),
    str(Math.round(money.assetsFixed)),
    str(beneficiaries),
    str(activities),
    str(st.empMinority),
    str(st.empDisabled),
    str(st.empOver50),
    people.party ? '1' : '0',
    disclosure ? '1' : '0',
    people.online ? '1' : '0',
    incubated ? '1' : '0',
    str(govProjects),
    str(assetsTotal),
    '',
    str(revTotal),
  ];

  // a few blanks in optional columns (about 3% each)
  if (m < BLANK_RATE) row[OPTIONAL[Math.floor((m / BLANK_RATE) * OPTIONAL.length)]] = '';
  return row;
}
