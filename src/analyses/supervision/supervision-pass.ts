import type { Dataset } from '../../dataset/dataset.js';
import { StringDictionary } from '../../dataset/string-dictionary.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { RegionResolver } from '../../domain/regions/region-resolver.js';
import type { OrgPart, OrgRows } from '../../dataset/org-rows.js';
import { checkOrganizations, type OrgChecks } from './check-organizations.js';
import { gradedMembers, gradeOrganizations, indicatorValuesFrom, type OrgGrades } from './grade-organizations.js';
import { fieldValues, orgIndicators, type OrgIndicator, type OrgIndicatorSkip } from './org-indicators.js';
import { yearOfDate } from './row-facts.js';
import type { RulesFile } from '../../domain/rules/rules.js';

export { codeOf, gradeOf, type FlaggedOrg, type IndicatorDetail, type Warning } from './findings.js';

/**
 * Everything the supervision pass computed: compact per-organization arrays and the flagged
 * organizations (what the rules found, {@link OrgChecks}, and the grades, {@link OrgGrades}).
 */
export interface SupervisionModel extends OrgChecks, OrgGrades {
  asOf: number;
  shape: Dataset['shape'];
  /** First and last report year of the panel (registry: the as-of year twice). */
  panelYears: [number, number];
  rules: RulesFile;
  indicators: OrgIndicator[];
  indicatorSkips: OrgIndicatorSkip[];
}

/** What the supervision pass reads besides the rows. */
export interface PassSetup {
  /** The region resolver of the regions file (credit-code division check). */
  resolveRegion: RegionResolver;
  rules: RulesFile;
  /** The indicator framework (organization-level indicators). */
  framework: Framework;
  /** Core governance field codes. */
  governanceFields: ReadonlySet<string>;
  /** The year a registry list describes (default: its latest registration or deregistration year). */
  registryAsOf?: number;
}

/** The transparency arrays of {@link OrgChecks}. */
const TRANSPARENCY_KEYS = ['completeness', 'disclosure', 'online', 'continuity', 'index'] as const;

/** One as-of year's model being gathered from the parts. */
interface Gathering {
  asOf: number;
  checks: OrgChecks;
  /**
   * Each organization-level indicator's value at each organization's latest row (supervised
   * organizations; NaN otherwise), in 4 bytes while every value fits exactly.
   */
  values: (Float32Array | Float64Array)[];
}

/** The dictionaries of region and type codes shared by every part's results. */
interface Dictionaries {
  region: StringDictionary;
  type: StringDictionary;
}

/**
 * The supervision pass over organization rows read part by part (all the rows in memory as
 * one part, or the spill buckets of a large input): the rules and the transparency tracker
 * run on each part ({@link checkOrganizations}; an organization's numbers depend on its own
 * rows only), their per-organization results go to the organization's number, and the
 * grading ranks all supervised organizations together ({@link gradeOrganizations}): the
 * organization-level indicators of the framework, ranked within peer groups, give a quality
 * score and, with the warnings and transparency, the A–D grade. With organizations numbered
 * in order of first appearance and rows in input order, the models are the same whatever
 * the parts. Per organization it keeps a few numbers (latest row, region, type, scope, worst
 * severity, transparency parts, score, grade, peer group), and warnings for flagged ones.
 *
 * @param rows the organization rows
 * @param setup region resolver, rules, framework, governance fields, a registry list's year
 * @param asOfYears the as-of years, one model each (undefined: the panel's last year; a
 *   registry list is always as of its year)
 * @param detailFor organization numbers whose indicator details to keep (portraits; default none)
 * @returns the models, in the order of `asOfYears`
 * @example
 * supervisionPass(new MemoryOrgRows(ds), { resolveRegion, rules, framework, governanceFields }, [undefined])[0].flagged.length; // => 72 on the built-in sample
 */
export function supervisionPass(
  rows: OrgRows,
  setup: PassSetup,
  asOfYears: readonly (number | undefined)[],
  detailFor: ReadonlySet<number> = new Set(),
): SupervisionModel[] {
  const panel = rows.shape === 'panel';
  const [first, last] = panel ? rows.years : registryYears(rows, setup.registryAsOf);
  const n = rows.organizations;
  const dicts: Dictionaries = { region: new StringDictionary(), type: new StringDictionary() };
  const gathering: Gathering[] = asOfYears.map((y) => ({
    asOf: panel ? (y ?? last) : first,
    checks: emptyChecks(n, dicts.region.values, dicts.type.values),
    values: [],
  }));
  let indicators: ReturnType<typeof orgIndicators> | null = null;
  let noYear = 0;
  for (const part of rows.parts()) {
    indicators ??= orgIndicators(setup.framework, part.ds, setup.governanceFields);
    for (const [k, g] of gathering.entries()) {
      const c = checkOrganizations(part.ds, setup.resolveRegion, setup.rules, {
        asOf: g.asOf,
        panelFirst: first,
        orgs: part.orgs,
      });
      if (k === 0) noYear += c.noYear;
      gatherPart({ part, checks: c, into: g, dicts, n });
      gatherIndicatorValues(part, c, g, { used: indicators.used, governanceFields: setup.governanceFields, n });
    }
  }
  const ind = indicators ?? { used: [], skipped: [] };
  return gathering.map((g) => {
    g.checks.noYear = noYear;
    g.checks.flagged.sort((a, b) => a.org - b.org);
    const graded = gradeGathered(g, ind.used, setup.rules, detailFor);
    return modelOf(g.checks, graded, {
      asOf: g.asOf,
      shape: rows.shape,
      panelYears: panel ? [first, last] : [g.asOf, g.asOf],
      rules: setup.rules,
      indicators: ind.used,
      indicatorSkips: ind.skipped,
    });
  });
}

/**
 * Assemble a model from the per-organization checks and grades.
 *
 * @param checks what the rules and the transparency tracker found
 * @param graded scores, grades and peer groups
 * @param rest the as-of year, the input's shape, the panel's years, the rules and the indicators
 * @returns the model
 */
export function modelOf(
  checks: OrgChecks,
  graded: OrgGrades,
  rest: Pick<SupervisionModel, 'asOf' | 'shape' | 'panelYears' | 'rules' | 'indicators' | 'indicatorSkips'>,
): SupervisionModel {
  return { ...checks, ...graded, ...rest };
}

/** One part's checks moved to the organizations' numbers in the gathered model. */
function gatherPart(args: { part: OrgPart; checks: OrgChecks; into: Gathering; dicts: Dictionaries; n: number }): void {
  const { part, checks: c, dicts } = args;
  const into = args.into.checks;
  into.active = c.active;
  into.skipped = c.skipped;
  into.transparencyWeights = c.transparencyWeights;
  into.transparencyFields = c.transparencyFields;
  into.evaluated += c.evaluated;
  const rCode = Int32Array.from(c.regionDict, (v) => dicts.region.code(v));
  const tCode = Int32Array.from(c.typeDict, (v) => dicts.type.code(v));
  const orgOf = orgNumbers(part, c);
  for (let k = 0; k < c.count; k++) {
    const o = orgOf[k];
    if (o < 0) continue;
    into.lastRow[o] = part.rows[c.lastRow[k]];
    into.region[o] = c.region[k] < 0 ? -1 : rCode[c.region[k]];
    into.type[o] = c.type[k] < 0 ? -1 : tCode[c.type[k]];
    into.inScope[o] = c.inScope[k];
    into.worst[o] = c.worst[k];
  }
  for (const t of TRANSPARENCY_KEYS) {
    const from = c.transparency[t];
    const to = into.transparency[t];
    for (let k = 0; k < c.count; k++) if (orgOf[k] >= 0) to[orgOf[k]] = from[k];
  }
  for (const f of c.flagged) into.flagged.push({ ...f, org: orgOf[f.org] });
}

/** Each of a part's organizations (as the checks numbered them) to its number among all rows; −1 without a row. */
function orgNumbers(part: OrgPart, c: OrgChecks): Int32Array {
  const orgOf = new Int32Array(c.count).fill(-1);
  for (let k = 0; k < c.count; k++) if (c.lastRow[k] >= 0) orgOf[k] = part.orgs[c.lastRow[k]];
  return orgOf;
}

/**
 * The organization-level indicators at a part's supervised organizations' latest rows: the
 * values the grading computes from the fields there (the same function of the same numbers).
 */
function gatherIndicatorValues(
  part: OrgPart,
  c: OrgChecks,
  g: Gathering,
  opts: { used: OrgIndicator[]; governanceFields: ReadonlySet<string>; n: number },
): void {
  const orgOf = orgNumbers(part, c);
  const scoped: number[] = [];
  for (let k = 0; k < c.count; k++) if (c.lastRow[k] >= 0 && c.inScope[k]) scoped.push(k);
  const localRows = Int32Array.from(scoped, (k) => c.lastRow[k]);
  const valuesHere = indicatorValuesFrom(
    (f) => fieldValues(part.ds, f, localRows, opts.governanceFields),
    scoped.length,
  );
  for (let j = 0; j < opts.used.length; j++) {
    const v = valuesHere(opts.used[j]);
    let all = (g.values[j] ??= new Float32Array(opts.n).fill(NaN));
    for (let q = 0; q < scoped.length; q++) {
      const x = v[q];
      if (all instanceof Float32Array && Math.fround(x) !== x && x === x) all = g.values[j] = Float64Array.from(all);
      all[orgOf[scoped[q]]] = x;
    }
  }
}

/** Grade the gathered organizations: their indicator values read back for the graded members. */
function gradeGathered(
  g: Gathering,
  used: OrgIndicator[],
  rules: RulesFile,
  detailFor: ReadonlySet<number>,
): OrgGrades {
  const members = gradedMembers(g.checks);
  const values = new Float64Array(members.length);
  const valuesOf = (_ind: unknown, j: number): Float64Array => {
    const all = g.values[j];
    if (!all) return values.fill(NaN);
    for (let k = 0; k < members.length; k++) values[k] = all[members[k]];
    return values;
  };
  const details = new Map<number, number>();
  if (detailFor.size) members.forEach((o, k) => detailFor.has(o) && details.set(k, o));
  return gradeOrganizations(g.checks, { used, valuesOf }, rules.grades, details);
}

/** Per-organization arrays for n organizations, nothing found yet. */
function emptyChecks(n: number, regionDict: string[], typeDict: string[]): OrgChecks {
  const nan = () => new Float64Array(n).fill(NaN);
  return {
    count: n,
    evaluated: 0,
    lastRow: new Int32Array(n).fill(-1),
    region: new Int32Array(n).fill(-1),
    type: new Int32Array(n).fill(-1),
    regionDict,
    typeDict,
    inScope: new Uint8Array(n),
    worst: new Uint8Array(n),
    transparency: { completeness: nan(), disclosure: nan(), online: nan(), continuity: nan(), index: nan() },
    transparencyWeights: { completeness: 0, disclosure: 0, online: 0, continuity: 0 },
    transparencyFields: [],
    flagged: [],
    active: [],
    skipped: [],
    noYear: 0,
  };
}

/** The year range of a registry list: its one as-of year twice (given, else its latest registration or deregistration year). */
function registryYears(rows: OrgRows, given: number | undefined): [number, number] {
  if (given !== undefined) return [given, given];
  let y = -Infinity;
  for (const { ds } of rows.parts())
    for (const f of ['registered', 'deregistered']) {
      const c = ds.num[f];
      if (!c) continue;
      for (let i = 0; i < ds.length; i++) {
        const v = yearOfDate(c[i]);
        if (v > y) y = v;
      }
    }
  const year = Number.isFinite(y) ? y : 0; // registration dates are required, so this is not reached on ingested data
  return [year, year];
}
