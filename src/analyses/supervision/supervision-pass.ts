import { columnMinMax } from '../../cube/column-blocks.js';
import { catValue, type Dataset } from '../../dataset/dataset.js';
import { checkCreditCode } from '../../ingest/credit-code/index.js';
import { looksLikeCreditCode } from './checks/credit-code-checksum.js';
import type { Framework } from '../../ingest/framework/framework.js';
import { regionResolver } from '../../ingest/regions/region-resolver.js';
import type { RegionsFile } from '../../ingest/regions/regions.js';
import { buildChecks } from './checks/build-checks.js';
import type { Finding, OrgFacts, RuleSkip } from './checks/rule-check.js';
import { baseGrade, capGrade } from './grade.js';
import { orderByOrgYear } from './org-order.js';
import { fieldValues, orgIndicators, type OrgIndicator, type OrgIndicatorSkip } from './org-indicators.js';
import { peerGroups, type PeerGroup } from './peer-groups.js';
import { peerPercentiles } from './peer-percentiles.js';
import { emptyFacts, FACTS_BATCH, RowFactsReader, yearOfDate } from './row-facts.js';
import { GRADES, SEVERITIES, severityRank, type Grade, type RuleId, type RulesFile, type Severity } from './rules.js';
import { transparencyTracker, type TransparencyPart, type TransparencyScore } from './transparency.js';

/** One warning of one organization. */
export interface Warning {
  rule: RuleId;
  severity: Severity;
  /** Action class (key of the rules file's `actions`). */
  action: string;
  /** Years the evidence covers, ascending. */
  years: number[];
  /** The numbers and years that triggered the rule. */
  evidence: Finding['evidence'];
}

/** An organization with at least one warning. */
export interface FlaggedOrg {
  /** Organization number (index into the model's per-organization arrays). */
  org: number;
  warnings: Warning[];
}

/** Per-indicator detail of one organization (kept only for the organizations asked for). */
export interface IndicatorDetail {
  id: string;
  layer: string;
  direction: 1 | -1;
  value: number | null;
  /** Percentile among its peers on [0, 1] (direction applied); null when missing or the peers do not differ. */
  percentile: number | null;
  /** Peers with a value (including itself). */
  peers: number;
  /** Median value among those peers. */
  peerMedian: number | null;
}

/** Options of {@link supervisionPass}. */
export interface PassOptions {
  /** As-of year (default: the latest report year; registry lists: `registryAsOf`). */
  year?: number;
  /** The year registry rows describe (default: the latest registration or deregistration year). */
  registryAsOf?: number;
  /** Organizations (ids) whose indicator details to keep (portraits). */
  detailFor?: ReadonlySet<string>;
}

/** Everything the supervision pass computed: compact per-organization arrays and the flagged organizations. */
export interface SupervisionModel {
  asOf: number;
  shape: Dataset['shape'];
  /** First and last report year of the panel (registry: the as-of year twice). */
  panelYears: [number, number];
  rules: RulesFile;
  active: RuleId[];
  skipped: RuleSkip[];
  /** Organizations with a row up to the as-of year. */
  evaluated: number;
  /** Number of organizations (all arrays below have this length). */
  count: number;
  /** Latest row up to the as-of year (−1 = none). */
  lastRow: Int32Array;
  /** 1 when the organization is supervised in the as-of year (graded and scored). */
  inScope: Uint8Array;
  /** 0 = none, 1 low, 2 medium, 3 high. */
  worst: Uint8Array;
  transparency: Record<TransparencyPart | 'index', Float64Array>;
  transparencyWeights: Record<TransparencyPart, number>;
  transparencyFields: string[];
  /** Quality score 0–100 (NaN: none or out of scope). */
  score: Float64Array;
  /** Indicators that entered the score. */
  scoreIndicators: Uint8Array;
  /** 0 = not graded, 1–4 = A–D. */
  grade: Uint8Array;
  /** Base grade before the warning cap (0 = not graded). */
  baseGrade: Uint8Array;
  /** Peer group index (−1 = not graded). */
  peer: Int32Array;
  peerGroups: PeerGroup[];
  indicators: OrgIndicator[];
  indicatorSkips: OrgIndicatorSkip[];
  flagged: FlaggedOrg[];
  /** Indicator details of the organizations in `detailFor`, by organization number. */
  details: Map<number, IndicatorDetail[]>;
  /** Rows of a panel without a year (left out). */
  noYear: number;
}

/** Grade letter of a stored grade code (1–4), or null. */
export const gradeOf = (code: number): Grade | null => (code > 0 ? GRADES[code - 1] : null);

/**
 * The supervision pass: one streaming pass over the organization rows, grouped by
 * organization and in year order (typed counting sorts, no per-row objects), running every
 * enabled warning rule's state machine and the transparency tracker on each organization's
 * rows up to the as-of year; then the organization-level indicators of the framework,
 * ranked within peer groups, give a quality score and, with the warnings and transparency,
 * the A–D grade. What is kept per organization is a few numbers (latest row, scope, worst
 * severity, transparency parts, score, grade, peer group); warnings only for flagged ones.
 *
 * Scope (graded and scored): organizations with a row in the as-of year, and those with a row
 * in the transparency window that were not deregistered before the as-of year (they missed
 * its report). Registry lists: organizations not deregistered. Warnings cover every
 * organization with a row up to the as-of year.
 *
 * @param ds the organization rows
 * @param regions the regions file (credit-code division check)
 * @param rules the rules file
 * @param framework the indicator framework (organization-level indicators)
 * @param governanceFields core governance field codes
 * @param options as-of year, organizations to keep details for
 * @returns the model
 * @example
 * supervisionPass(ds, regions, loadRules(), loadFramework(), gov).flagged.length; // => 72 on the built-in sample
 */
export function supervisionPass(ds: Dataset, regions: RegionsFile, rules: RulesFile, framework: Framework, governanceFields: ReadonlySet<string>, options: PassOptions = {}): SupervisionModel {
  const panel = ds.shape === 'panel';
  const yearCol = ds.num.year;
  let first = Infinity;
  let last = -Infinity;
  if (panel && yearCol) ({ min: first, max: last } = columnMinMax(yearCol));
  else {
    const asOf = options.registryAsOf ?? registryYear(ds);
    first = last = asOf;
  }
  const asOf = panel ? (options.year ?? last) : first;
  const panelFirst = first;

  const resolve = regionResolver(regions);
  const { active, skipped } = buildChecks(rules, ds, resolve);
  const sourceDef = rules.rules.find((r) => r.id === 'single_source');
  const reader = new RowFactsReader(ds, sourceDef?.id === 'single_source' ? sourceDef.params.source : 'rev_gov_purchase', asOf);
  const tracker = transparencyTracker(rules.transparency, ds, asOf);
  const order = orderByOrgYear(ds);
  const n = order.count;

  const lastRow = new Int32Array(n).fill(-1);
  const inScope = new Uint8Array(n);
  const worst = new Uint8Array(n);
  const tp = {
    completeness: new Float64Array(n).fill(NaN),
    disclosure: new Float64Array(n).fill(NaN),
    online: new Float64Array(n).fill(NaN),
    continuity: new Float64Array(n).fill(NaN),
    index: new Float64Array(n).fill(NaN),
  };
  const flagged: FlaggedOrg[] = [];
  const ids = ds.text.org_id ?? [];
  const typeCol = ds.cat.type;
  const regionCol = ds.cat.region;
  const statusCol = ds.cat.status;
  const facts = emptyFacts();
  const score: TransparencyScore = { completeness: NaN, disclosure: NaN, online: NaN, continuity: NaN, index: NaN };
  const org: OrgFacts = { id: '', type: null, region: null, registeredYear: NaN, deregisteredYear: NaN, deregisteredDate: NaN, statusDeregistered: false, firstYear: NaN, lastYear: NaN, rows: 0, asOf, panelFirstYear: panelFirst, creditCode: null };
  const checkCodes = active.some((r) => r.def.id === 'credit_code_checksum' || r.def.id === 'credit_code_mismatch');
  const window = rules.transparency.windowYears;
  const lookbackFrom = rules.lookbackYears === null ? -Infinity : asOf - rules.lookbackYears + 1;
  let evaluated = 0;
  // the checks that read rows, as bound functions (no property lookup per row and check)
  const rowChecks = active.filter((r) => r.check.readsRows !== false).map((r) => r.check.row.bind(r.check));
  // deregistered by the end of year y (the organization being finished): by its date, else by its status
  const deregisteredBy = (y: number): boolean => (Number.isNaN(org.deregisteredYear) ? org.statusDeregistered : org.deregisteredYear <= y);

  for (let o = 0; o < n; o++) {
    const a = order.starts[o];
    const b = order.starts[o + 1];
    for (const r of active) r.check.reset();
    tracker.reset();
    let rows = 0;
    let prevYear = NaN;
    let firstYear = NaN;
    let reg = NaN;
    let dereg = NaN;
    let latest = -1;
    for (let k = a; k < b; k++) {
      const i = order.rows[k];
      if (!reader.has(k)) reader.load(order.rows, k, Math.min(k + FACTS_BATCH, order.rows.length));
      reader.read(k, i, facts); // year: the row's report year (registry: the as-of year)
      const year = facts.year;
      if (year > asOf) break;
      const consecutive = year === prevYear + 1;
      for (let j = 0; j < rowChecks.length; j++) rowChecks[j](facts, consecutive);
      tracker.row(i, year);
      if (rows === 0) firstYear = year;
      rows++;
      prevYear = year;
      latest = i;
      if (!Number.isNaN(facts.registered) && !(facts.registered >= reg)) reg = facts.registered;
      if (!Number.isNaN(facts.deregistered)) dereg = facts.deregistered;
    }
    if (rows === 0) continue;
    evaluated++;
    lastRow[o] = latest;
    org.id = ids[latest] ?? '';
    org.type = catValue(typeCol, latest);
    org.region = catValue(regionCol, latest);
    org.registeredYear = yearOfDate(reg);
    org.deregisteredDate = dereg;
    org.deregisteredYear = yearOfDate(dereg);
    org.statusDeregistered = catValue(statusCol, latest) === 'deregistered';
    org.firstYear = firstYear;
    org.lastYear = prevYear;
    org.rows = rows;
    org.creditCode = checkCodes && looksLikeCreditCode(org.id) ? checkCreditCode(org.id) : null;

    let warnings: Warning[] | null = null;
    for (const r of active) {
      const f = r.check.finish(org);
      if (!f || f.years[f.years.length - 1] < lookbackFrom) continue;
      (warnings ??= []).push({ rule: r.def.id, severity: r.def.severity, action: r.def.action, years: f.years, evidence: f.evidence });
      worst[o] = Math.max(worst[o], severityRank(r.def.severity));
    }
    if (warnings) flagged.push({ org: o, warnings });

    const scoped = panel
      ? org.lastYear === asOf || (org.lastYear > asOf - window && !deregisteredBy(asOf - 1))
      : !deregisteredBy(asOf) && !org.statusDeregistered;
    if (scoped) {
      inScope[o] = 1;
      tracker.finish(org, score);
      tp.completeness[o] = score.completeness;
      tp.disclosure[o] = score.disclosure;
      tp.online[o] = score.online;
      tp.continuity[o] = score.continuity;
      tp.index[o] = score.index;
    }
  }

  // organization-level indicators within peer groups → quality score → grade
  const { used, skipped: indicatorSkips } = orgIndicators(framework, ds, governanceFields);
  const members: number[] = [];
  for (let o = 0; o < n; o++) if (inScope[o]) members.push(o);
  const m = members.length;
  const types = members.map((o) => catValue(typeCol, lastRow[o]) ?? '');
  const regs = members.map((o) => catValue(regionCol, lastRow[o]) ?? '');
  const { group, groups } = peerGroups(types, regs, rules.grades);
  const sum = new Float64Array(m);
  const cnt = new Uint8Array(m);
  const detailPos = new Map<number, number>();
  if (options.detailFor) members.forEach((o, k) => options.detailFor!.has(ids[lastRow[o]]) && detailPos.set(k, o));
  const details = new Map<number, IndicatorDetail[]>();
  const values = new Float64Array(m);
  // each field's values at the members' latest rows, read once and shared by the indicators
  const memberRows = new Int32Array(m);
  for (let k = 0; k < m; k++) memberRows[k] = lastRow[members[k]];
  const fieldCache = new Map<string, Float64Array>();
  const valuesOf = (f: string): Float64Array => {
    let v = fieldCache.get(f);
    if (!v) fieldCache.set(f, (v = fieldValues(ds, f, memberRows, governanceFields)));
    return v;
  };
  for (const ind of used) {
    const vals = ind.fields.map(valuesOf);
    const at = ind.at;
    for (let k = 0; k < m; k++) values[k] = at(vals, k);
    const p = peerPercentiles(values, group, groups.length, ind.def.direction);
    for (let k = 0; k < m; k++) {
      if (Number.isNaN(p[k])) continue;
      sum[k] += p[k];
      cnt[k]++;
    }
    for (const [k, o] of detailPos) {
      const peers: number[] = [];
      for (let j = 0; j < m; j++) if (group[j] === group[k] && !Number.isNaN(values[j])) peers.push(values[j]);
      peers.sort((x, y) => x - y);
      const med = peers.length ? (peers.length % 2 ? peers[(peers.length - 1) / 2] : (peers[peers.length / 2 - 1] + peers[peers.length / 2]) / 2) : NaN;
      if (!details.has(o)) details.set(o, []);
      details.get(o)!.push({
        id: ind.def.id,
        layer: ind.def.layer,
        direction: ind.def.direction,
        value: Number.isFinite(values[k]) ? values[k] : null,
        percentile: Number.isNaN(p[k]) ? null : p[k],
        peers: peers.length,
        peerMedian: Number.isFinite(med) ? med : null,
      });
    }
  }
  const qscore = new Float64Array(n).fill(NaN);
  const scoreIndicators = new Uint8Array(n);
  const grade = new Uint8Array(n);
  const base = new Uint8Array(n);
  const peer = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) {
    const o = members[k];
    qscore[o] = cnt[k] ? (100 * sum[k]) / cnt[k] : NaN;
    scoreIndicators[o] = cnt[k];
    peer[o] = group[k];
    const g0 = baseGrade(qscore[o], tp.index[o], rules.grades);
    const g = capGrade(g0, worst[o] ? SEVERITIES[worst[o] - 1] : null, rules.grades);
    base[o] = GRADES.indexOf(g0) + 1;
    grade[o] = GRADES.indexOf(g) + 1;
  }

  return {
    asOf,
    shape: ds.shape,
    panelYears: [panelFirst, panel ? last : asOf],
    rules,
    active: active.map((r) => r.def.id),
    skipped,
    evaluated,
    count: n,
    lastRow,
    inScope,
    worst,
    transparency: tp,
    transparencyWeights: tracker.weights,
    transparencyFields: tracker.fields,
    score: qscore,
    scoreIndicators,
    grade,
    baseGrade: base,
    peer,
    peerGroups: groups,
    indicators: used,
    indicatorSkips,
    flagged,
    details,
    noYear: order.noYear,
  };
}

/** The year a registry list describes: the latest registration or deregistration year in it. */
function registryYear(ds: Dataset): number {
  let y = -Infinity;
  for (const f of ['registered', 'deregistered']) {
    const c = ds.num[f];
    if (!c) continue;
    for (let i = 0; i < ds.length; i++) {
      const v = yearOfDate(c[i]);
      if (v > y) y = v;
    }
  }
  return Number.isFinite(y) ? y : 0; // registration dates are required, so this is not reached on ingested data
}
