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
  /**
   * Each row's organization number as the organization rows' part has it: when it numbers
   * the part's organizations in order of first appearance (all the rows in memory), the
   * pass uses it instead of numbering them again (see {@link orderByOrgYear}).
   */
  orgs?: Int32Array;
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
 * @param years the as-of year and the panel's first year (and the part's organization numbers, when known)
 * @returns the per-organization results
 * @example
 * checkOrganizations(ds, regionResolver(regions, loadChinaGazetteer), loadRules(), { asOf: 2024, panelFirst: 2008 }).flagged.length; // => 72 on the built-in sample
 */
export function checkOrganizations(
  ds: Dataset,
  resolveRegion: RegionResolver,
  rules: RulesFile,
  years: PassYears,
): OrgChecks {
  const pass = new OrgPass(ds, { resolveRegion, rules, years });
  for (let o = 0; o < pass.count; o++) pass.visit(o);
  return pass.result();
}

/** What an {@link OrgPass} reads besides the rows. */
interface PassSetup {
  resolveRegion: RegionResolver;
  rules: RulesFile;
  years: PassYears;
}

/** One organization's rows up to the as-of year, as the row loop saw them. */
interface OrgSpan {
  rows: number;
  firstYear: number;
  /** Year of the last row read. */
  lastYear: number;
  /** Earliest registration date, latest deregistration date (NaN: none). */
  registered: number;
  deregistered: number;
  /** The latest row. */
  latest: number;
}

/** The transparency arrays, one value per organization (NaN: not scored). */
const transparencyArrays = (n: number): Record<TransparencyPart | 'index', Float64Array> => ({
  completeness: new Float64Array(n).fill(NaN),
  disclosure: new Float64Array(n).fill(NaN),
  online: new Float64Array(n).fill(NaN),
  continuity: new Float64Array(n).fill(NaN),
  index: new Float64Array(n).fill(NaN),
});

/** The facts of an organization before its first row (one object, filled again per organization). */
const emptyOrg = (years: PassYears): OrgFacts => ({
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
  asOf: years.asOf,
  panelFirstYear: years.panelFirst,
  creditCode: null,
});

/**
 * The pass of {@link checkOrganizations}: the checks, the row reader and the transparency
 * tracker of a dataset, and the per-organization results it fills in, organization by
 * organization ({@link visit}), read at the end ({@link result}).
 */
class OrgPass {
  readonly count: number;
  private readonly ds: Dataset;
  private readonly years: PassYears;
  private readonly checks: ReturnType<typeof buildChecks>;
  private readonly reader: RowFactsReader;
  private readonly tracker: ReturnType<typeof transparencyTracker>;
  private readonly order: ReturnType<typeof orderByOrgYear>;
  // the checks that read rows, as bound functions (no property lookup per row and check)
  private readonly rowChecks: ((facts: ReturnType<typeof emptyFacts>, consecutive: boolean) => void)[];
  private readonly facts = emptyFacts();
  private readonly org: OrgFacts;
  private readonly score: TransparencyScore = {
    completeness: NaN,
    disclosure: NaN,
    online: NaN,
    continuity: NaN,
    index: NaN,
  };
  private readonly checkCodes: boolean;
  private readonly window: number;
  private readonly lookbackFrom: number;
  private evaluated = 0;
  private readonly lastRow: Int32Array;
  private readonly regionOf: Int32Array;
  private readonly typeOf: Int32Array;
  private readonly inScope: Uint8Array;
  private readonly worst: Uint8Array;
  private readonly tp: Record<TransparencyPart | 'index', Float64Array>;
  private readonly flagged: FlaggedOrg[] = [];

  constructor(ds: Dataset, { resolveRegion, rules, years }: PassSetup) {
    this.ds = ds;
    this.years = years;
    this.checks = buildChecks(rules, ds, resolveRegion);
    const { active } = this.checks;
    const sourceDef = rules.rules.find((r) => r.id === 'single_source');
    const source = sourceDef?.id === 'single_source' ? sourceDef.params.source : 'rev_gov_purchase';
    this.reader = new RowFactsReader(ds, source, years.asOf);
    this.tracker = transparencyTracker(rules.transparency, ds, years.asOf);
    this.order = orderByOrgYear(ds, years.orgs);
    const n = (this.count = this.order.count);
    this.lastRow = new Int32Array(n).fill(-1);
    this.regionOf = new Int32Array(n).fill(-1);
    this.typeOf = new Int32Array(n).fill(-1);
    this.inScope = new Uint8Array(n);
    this.worst = new Uint8Array(n);
    this.tp = transparencyArrays(n);
    this.org = emptyOrg(years);
    this.rowChecks = active.filter((r) => r.check.readsRows !== false).map((r) => r.check.row.bind(r.check));
    this.checkCodes = active.some((r) => r.def.id === 'credit_code_checksum' || r.def.id === 'credit_code_mismatch');
    this.window = rules.transparency.windowYears;
    this.lookbackFrom = rules.lookbackYears === null ? -Infinity : years.asOf - rules.lookbackYears + 1;
  }

  /** Check organization `o`: read its rows, then its warnings and, in scope, its transparency. */
  visit(o: number): void {
    const span = this.readRows(o);
    if (span.rows === 0) return;
    this.evaluated++;
    this.describe(o, span);
    const warnings = this.warnings(o);
    if (warnings)
      this.flagged.push({ org: o, id: this.org.id, name: this.ds.text.name?.[span.latest] ?? '', warnings });
    if (this.scoped()) this.scoreTransparency(o);
  }

  /** Feed organization `o`'s rows up to the as-of year to the row checks and the tracker, years ascending. */
  private readRows(o: number): OrgSpan {
    const { order, reader, facts, rowChecks, tracker } = this;
    const asOf = this.years.asOf;
    for (const r of this.checks.active) r.check.reset();
    tracker.reset();
    const span: OrgSpan = { rows: 0, firstYear: NaN, lastYear: NaN, registered: NaN, deregistered: NaN, latest: -1 };
    let rows = 0;
    let prevYear = NaN;
    let reg = NaN;
    let dereg = NaN;
    let latest = -1;
    for (let k = order.starts[o], b = order.starts[o + 1]; k < b; k++) {
      const i = order.rows[k];
      if (!reader.has(k)) reader.load(order.rows, k, Math.min(k + FACTS_BATCH, order.rows.length));
      reader.read(k, i, facts); // year: the row's report year (registry: the as-of year)
      const year = facts.year;
      if (year > asOf) break;
      const consecutive = year === prevYear + 1;
      for (let j = 0; j < rowChecks.length; j++) rowChecks[j](facts, consecutive);
      tracker.row(i, year);
      if (rows === 0) span.firstYear = year;
      rows++;
      prevYear = year;
      latest = i;
      if (!Number.isNaN(facts.registered) && !(facts.registered >= reg)) reg = facts.registered;
      if (!Number.isNaN(facts.deregistered)) dereg = facts.deregistered;
    }
    span.rows = rows;
    span.lastYear = prevYear;
    span.registered = reg;
    span.deregistered = dereg;
    span.latest = latest;
    return span;
  }

  /** Fill in the organization's facts from its latest row and its span (as the rules' `finish` reads them). */
  private describe(o: number, span: OrgSpan): void {
    const { ds, org } = this;
    const latest = span.latest;
    const { type: typeCol, region: regionCol, status: statusCol } = ds.cat;
    this.lastRow[o] = latest;
    this.regionOf[o] = regionCol?.codes[latest] ?? -1;
    this.typeOf[o] = typeCol?.codes[latest] ?? -1;
    org.id = ds.text.org_id?.[latest] ?? '';
    org.type = catValue(typeCol, latest);
    org.region = catValue(regionCol, latest);
    org.registeredYear = yearOfDate(span.registered);
    org.deregisteredDate = span.deregistered;
    org.deregisteredYear = yearOfDate(span.deregistered);
    org.statusDeregistered = catValue(statusCol, latest) === 'deregistered';
    org.firstYear = span.firstYear;
    org.lastYear = span.lastYear;
    org.rows = span.rows;
    org.creditCode = this.checkCodes && looksLikeCreditCode(org.id) ? checkCreditCode(org.id) : null;
  }

  /** The warnings of the rules that fired on the organization within the look-back (null: none); notes its worst severity. */
  private warnings(o: number): Warning[] | null {
    let warnings: Warning[] | null = null;
    for (const r of this.checks.active) {
      const f = r.check.finish(this.org);
      if (!f || f.years[f.years.length - 1] < this.lookbackFrom) continue;
      (warnings ??= []).push({
        rule: r.def.id,
        severity: r.def.severity,
        action: r.def.action,
        years: f.years,
        evidence: f.evidence,
      });
      this.worst[o] = Math.max(this.worst[o], severityRank(r.def.severity));
    }
    return warnings;
  }

  /**
   * Whether the organization is supervised in the as-of year: a panel's with a row in the
   * as-of year, or in the transparency window and not deregistered before it; a registry
   * list's not deregistered.
   */
  private scoped(): boolean {
    const { org } = this;
    const asOf = this.years.asOf;
    // deregistered by the end of year y (the organization being finished): by its date, else by its status
    const deregisteredBy = (y: number): boolean =>
      Number.isNaN(org.deregisteredYear) ? org.statusDeregistered : org.deregisteredYear <= y;
    return this.ds.shape === 'panel'
      ? org.lastYear === asOf || (org.lastYear > asOf - this.window && !deregisteredBy(asOf - 1))
      : !deregisteredBy(asOf) && !org.statusDeregistered;
  }

  /** Mark the organization in scope and keep its transparency score. */
  private scoreTransparency(o: number): void {
    const { score, tp } = this;
    this.inScope[o] = 1;
    this.tracker.finish(this.org, score);
    tp.completeness[o] = score.completeness;
    tp.disclosure[o] = score.disclosure;
    tp.online[o] = score.online;
    tp.continuity[o] = score.continuity;
    tp.index[o] = score.index;
  }

  /** The pass's results. */
  result(): OrgChecks {
    const { ds, tracker } = this;
    return {
      count: this.count,
      evaluated: this.evaluated,
      lastRow: this.lastRow,
      region: this.regionOf,
      type: this.typeOf,
      regionDict: ds.cat.region?.dict ?? [],
      typeDict: ds.cat.type?.dict ?? [],
      inScope: this.inScope,
      worst: this.worst,
      transparency: this.tp,
      transparencyWeights: tracker.weights,
      transparencyFields: tracker.fields,
      flagged: this.flagged,
      active: this.checks.active.map((r) => r.def.id),
      skipped: this.checks.skipped,
      noYear: this.order.noYear,
    };
  }
}
