import type { Dataset } from '../../dataset/dataset.js';
import { catValue } from '../../dataset/dataset.js';
import { checkCreditCode } from '../../domain/credit-code/index.js';
import type { RegionResolver } from '../../domain/regions/region-resolver.js';
import { looksLikeCreditCode } from './checks/credit-code-checksum.js';
import { buildChecks } from './checks/build-checks.js';
import type { OrgFacts, RuleSkip } from './checks/rule-check.js';
import { orderByOrgYear } from './org-order.js';
import { emptyFacts, FACTS_BATCH, RowFactsReader, yearOfDate } from './row-facts.js';
import { severityRank, type RuleId, type RulesFile } from '../../domain/rules/rules.js';
import type { FlaggedOrg, Warning } from './findings.js';
import { transparencyTracker, type TransparencyPart, type TransparencyScore } from './transparency.js';

/** The years a supervision pass reads: the as-of year and the panel's first year. */
export interface PassYears {
  asOf: number;
  /** First report year of the whole panel (registry lists: the as-of year). */
  panelFirst: number;
}

/** What the rules and the transparency tracker found, organization by organization (numbered in order of first appearance). */
export interface OrgChecks {
  /** Number of organizations (all arrays below have this length). */
  count: number;
  /** Organizations with a row up to the as-of year. */
  evaluated: number;
  /** Latest row up to the as-of year (−1 = none): its number among the rows read, in input order. */
  lastRow: Int32Array;
  /** Region and type of that row (dictionary codes into `regionDict` and `typeDict`; −1 = none). */
  region: Int32Array;
  type: Int32Array;
  /** Region codes by dictionary code (every region of the rows; may hold regions no organization has at the as-of year). */
  regionDict: string[];
  typeDict: string[];
  /** 1 when the organization is supervised in the as-of year (graded and scored). */
  inScope: Uint8Array;
  /** 0 = none, 1 low, 2 medium, 3 high. */
  worst: Uint8Array;
  transparency: Record<TransparencyPart | 'index', Float64Array>;
  transparencyWeights: Record<TransparencyPart, number>;
  transparencyFields: string[];
  flagged: FlaggedOrg[];
  active: RuleId[];
  skipped: RuleSkip[];
  /** Rows of a panel without a year (left out). */
  noYear: number;
}

/**
 * Run every enabled warning rule's state machine and the transparency tracker on each
 * organization's rows up to the as-of year: one streaming pass over the rows grouped by
 * organization, years ascending (typed counting sorts, no per-row objects). What is kept per
 * organization is a few numbers (latest row, region, type, scope, worst severity,
 * transparency parts); warnings only for the flagged ones. Every organization's numbers
 * depend on its own rows only, so a dataset split by organization gives the same numbers
 * part by part.
 *
 * Scope (graded and scored): organizations with a row in the as-of year, and those with a row
 * in the transparency window that were not deregistered before the as-of year (they missed
 * its report). Registry lists: organizations not deregistered. Warnings cover every
 * organization with a row up to the as-of year.
 *
 * @param ds the organization rows
 * @param resolveRegion the region resolver of the regions file (credit-code division check)
 * @param rules the rules file
 * @param years the as-of year and the panel's first year
 * @returns the per-organization results
 * @example
 * checkOrganizations(ds, regionResolver(regions, loadChinaGazetteer), loadRules(), { asOf: 2024, panelFirst: 2008 }).flagged.length; // => 72 on the built-in sample
 */
// eslint-disable-next-line max-lines-per-function -- issue 19 §6, not split yet
export function checkOrganizations(
  ds: Dataset,
  resolveRegion: RegionResolver,
  rules: RulesFile,
  years: PassYears,
): OrgChecks {
  const panel = ds.shape === 'panel';
  const { asOf, panelFirst } = years;
  const { active, skipped } = buildChecks(rules, ds, resolveRegion);
  const sourceDef = rules.rules.find((r) => r.id === 'single_source');
  const reader = new RowFactsReader(
    ds,
    sourceDef?.id === 'single_source' ? sourceDef.params.source : 'rev_gov_purchase',
    asOf,
  );
  const tracker = transparencyTracker(rules.transparency, ds, asOf);
  const order = orderByOrgYear(ds);
  const n = order.count;

  const lastRow = new Int32Array(n).fill(-1);
  const regionOf = new Int32Array(n).fill(-1);
  const typeOf = new Int32Array(n).fill(-1);
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
  const names = ds.text.name ?? [];
  const typeCol = ds.cat.type;
  const regionCol = ds.cat.region;
  const statusCol = ds.cat.status;
  const facts = emptyFacts();
  const score: TransparencyScore = { completeness: NaN, disclosure: NaN, online: NaN, continuity: NaN, index: NaN };
  const org: OrgFacts = {
    id: '',
    type: null,
    region: null,
    registeredYear: NaN,
    deregisteredYear: NaN,
    deregisteredDate: NaN,
    statusDeregistered: false,
    firstYear: NaN,
    lastYear: NaN,
    rows: 0,
    asOf,
    panelFirstYear: panelFirst,
    creditCode: null,
  };
  const checkCodes = active.some((r) => r.def.id === 'credit_code_checksum' || r.def.id === 'credit_code_mismatch');
  const window = rules.transparency.windowYears;
  const lookbackFrom = rules.lookbackYears === null ? -Infinity : asOf - rules.lookbackYears + 1;
  let evaluated = 0;
  // the checks that read rows, as bound functions (no property lookup per row and check)
  const rowChecks = active.filter((r) => r.check.readsRows !== false).map((r) => r.check.row.bind(r.check));
  // deregistered by the end of year y (the organization being finished): by its date, else by its status
  const deregisteredBy = (y: number): boolean =>
    Number.isNaN(org.deregisteredYear) ? org.statusDeregistered : org.deregisteredYear <= y;

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
    regionOf[o] = regionCol?.codes[latest] ?? -1;
    typeOf[o] = typeCol?.codes[latest] ?? -1;
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
      (warnings ??= []).push({
        rule: r.def.id,
        severity: r.def.severity,
        action: r.def.action,
        years: f.years,
        evidence: f.evidence,
      });
      worst[o] = Math.max(worst[o], severityRank(r.def.severity));
    }
    if (warnings) flagged.push({ org: o, id: org.id, name: names[latest] ?? '', warnings });

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
  return {
    count: n,
    evaluated,
    lastRow,
    region: regionOf,
    type: typeOf,
    regionDict: regionCol?.dict ?? [],
    typeDict: typeCol?.dict ?? [],
    inScope,
    worst,
    transparency: tp,
    transparencyWeights: tracker.weights,
    transparencyFields: tracker.fields,
    flagged,
    active: active.map((r) => r.def.id),
    skipped,
    noYear: order.noYear,
  };
}
