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
  if (!core && (tags.includes('pastoral') || tags.includes('fragile')) && w.ecology) w.ecology *= 1.4;
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

/** All rows of organization i, appended to `out` (columns in COLUMNS order). */
export function simulateOrganization(ctx: Context, i: number, out: string[][]): void {
  const id = drawIdentity(ctx, i);
  const firstOut = out.length;
  const money = startMoney(ctx, id);
  const people = startPeople(ctx, id, money.logRev);
  for (let y = id.start; y <= id.lastYear; y++) out.push(yearRow(ctx, { id, money, people }, y));
  if (id.plant) applyPlant(id.plant, out, firstOut, ctx.rand);
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
    if (base[0] === 0) base[0] = 0.3 * Math.exp(0.3 * gaussian(rand));
    if (base[4] === 0) base[4] = 0.1 * Math.exp(0.3 * gaussian(rand));
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
  let ft: number;
  if (community) ft = rand() < 0.8 ? 0 : 1 + geom(rand, 1);
  else if (t === 0) ft = rand() < 0.55 ? 0 : 1 + geom(rand, 1.5);
  else if (t === 1) ft = rand() < 0.15 ? 0 : 1 + geom(rand, 2.5 + Math.max(0, logRev - REV_MU[1]) * 2);
  else if (t === 2) ft = rand() < 0.3 ? 0 : 1 + geom(rand, 2);
  else ft = rand() < 0.4 ? 0 : 1 + geom(rand, 1.5);
  return Math.min(ft, MAX_FULLTIME);
}

/** People at the start: staff, certificates, manager, volunteers, activities, practices. */
function startPeople(ctx: Context, id: OrgIdentity, logRev: number): PeopleState {
  const { rand } = ctx;
  const { t, community, field, start, ri } = id;
  const ft = firstFullTime(rand, id, logRev);
  const pt = Math.min(geom(rand, community ? 4 : t === 0 ? 3 : 2), MAX_PARTTIME);
  const certRate = Math.min(1, (CERT_RATE[field] ?? 0.03) * Math.exp(0.5 * gaussian(rand)));
  const collegeShare = 0.05 + 0.45 * rand();
  const over50Share = 0.1 + 0.35 * rand();
  const managerAge = hireAge(start, rand);
  const charity = community || field === 'charity';
  const volBase =
    rand() < (charity ? 0.92 : 0.7)
      ? Math.exp(Math.log(8) + (charity || field === 'social_services' ? 1.1 : 0) + gaussian(rand))
      : 0;
  const actBase = Math.exp(Math.log(6) + (community ? 0.4 : 0) + 0.8 * gaussian(rand));
  const benBase = Math.exp(Math.log(25) + 0.7 * gaussian(rand));
  const disclosureBias = 0.2 * gaussian(rand);
  const party = rand() < 0.12 + 0.4 * clamp01((start - 2012) / 10);
  const online = rand() < 0.05 + 0.3 * clamp01((start - 2012) / 12);
  const incubYear = rand() < (community ? 0.22 : 0.03) ? Math.max(start, 2013 + Math.floor(rand() * 10)) : 0;
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
  if (!first) money.logRev = clamp(money.logRev + clamp(0.03 + 0.17 * hnz(ctx), -0.6, 0.6), LOG_REV_MIN, LOG_REV_MAX);
  const total = Math.exp(money.logRev);
  let sum = 0;
  for (let j = 0; j < SOURCES; j++) sum += shares[j] = base[j] > 0 ? base[j] * (1 + 0.17 * hun(ctx)) : 0;
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
  let ratio = money.expBase + 0.07 * hnz(ctx);
  if (money.deficitRun >= org.id.maxDeficitRun && ratio > 0.99) ratio = 0.99;
  const expenses = Math.round(revTotal * Math.max(ratio, 0.5));
  money.deficitRun = expenses > revTotal ? money.deficitRun + 1 : 0;
  const program = Math.round(expenses * clamp(money.progBase + 0.08 * hun(ctx), 0.2, 0.95));
  if (first) money.assetsNet = Math.round(revTotal * (0.1 + 1.1 * rand()));
  money.assetsNet += revTotal - expenses;
  if (money.assetsFixed > 0) money.assetsFixed *= half(ctx) < 0.05 ? 1.3 : 0.96 + 0.08 * half(ctx);
  return { revTotal, expenses, program };
}

/** One year's staff: ±1 steps for full-time, ±(1 + 20%) for part-time; certificates, college, employment groups. */
function staffYear(ctx: Context, people: PeopleState, y: number, first: boolean, start: number) {
  if (!first) {
    const u = half(ctx);
    if (u < 0.1 && people.ft > 0) people.ft--;
    else if (u > 0.88) people.ft++;
    const v = half(ctx);
    const step = 1 + (people.pt > 5 ? Math.floor(people.pt * 0.2) : 0);
    if (v < 0.12) people.pt = Math.max(0, people.pt - step);
    else if (v > 0.86) people.pt += step;
  }
  const { ft, pt, split } = people;
  const staff = ft + pt;
  const certTotal = Math.min(ft, Math.floor(ft * people.certRate * (0.25 + 0.75 * yearsPast(y)) + half(ctx)));
  let cj = 0;
  let cm = 0;
  let cs = 0;
  for (let c = 0; c < certTotal; c++) {
    const u = half(ctx);
    if (u < split[0]) cj++;
    else if (u < split[0] + split[1]) cm++;
    else cs++;
  }
  const college = clamp(Math.round(staff * (people.collegeShare + 0.01 * (y - start))), 0, staff);
  const empMinority = clamp(Math.round(staff * people.minority + 0.3), 0, staff);
  const empDisabled = staff > 0 && half(ctx) < 0.06 ? Math.min(staff, half(ctx) < 0.2 ? 2 : 1) : 0;
  const empOver50 = clamp(Math.round(staff * people.over50Share), 0, staff);
  return { cj, cm, cs, college, empMinority, empDisabled, empOver50 };
}

/** One year's row of an organization (columns in COLUMNS order); the money and people states move on. */
function yearRow(ctx: Context, org: { id: OrgIdentity; money: MoneyState; people: PeopleState }, y: number): string[] {
  const { id, money, people } = org;
  const { rev, rand } = ctx;
  const first = y === id.start;
  const past = yearsPast(y);
  const { revTotal, expenses, program } = moneyYear(ctx, org, first);
  const st = staffYear(ctx, people, y, first, id.start);

  // manager: replaced now and then; new managers are younger in later years
  if (!first) {
    people.managerAge++;
    if (people.managerAge > 68 || half(ctx) < 0.12) people.managerAge = hireAge(y, rand);
  }
  const volunteers = people.volBase > 0 ? Math.round(people.volBase * (1 + 0.25 * hun(ctx))) : 0;
  const activities = Math.max(1, Math.round(people.actBase * (1 + 0.25 * hnz(ctx))));
  const beneficiaries = Math.round(activities * people.benBase * (1 + 0.3 * hun(ctx)));
  if (!people.party && half(ctx) < 0.02 + 0.12 * clamp01((y - 2012) / 8)) people.party = true;
  if (!people.online && half(ctx) < 0.02 + 0.08 * clamp01((y - 2012) / 12)) people.online = true;
  const disclosure = half(ctx) < clamp(0.5 + 0.35 * past + people.disclosureBias, 0.05, 0.98);
  const incubated = people.incubYear > 0 && y >= people.incubYear && y <= people.incubYear + 2;
  if (y >= 2010 && half(ctx) < (people.rating > 0 ? 0.03 : 0.011 * (id.core ? 1.4 : 1))) {
    const u = half(ctx);
    let g = 0;
    let acc = 0;
    while (g < 4 && u >= (acc += RATING_GRADES[g])) g++;
    people.rating = g + 1;
  }
  const govProjects = rev[0] > 0 ? Math.min(300, Math.round((rev[0] / 60000) * (1 + 0.4 * hun(ctx)))) : 0;
  // total assets = net assets + liabilities (liabilities cover any negative net assets)
  const liabilities = Math.max(0, -money.assetsNet) + Math.round(revTotal * money.liabShare);
  const assetsTotal = Math.max(
    money.assetsNet + liabilities,
    Math.round(money.assetsFixed) + Math.round(revTotal * 0.05),
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
