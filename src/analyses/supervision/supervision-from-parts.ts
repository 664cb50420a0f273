import type { Dataset } from '../../dataset/dataset.js';
import { StringDictionary } from '../../dataset/string-dictionary.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { RegionResolver } from '../../domain/regions/region-resolver.js';
import { checkOrganizations, type OrgChecks } from './check-organizations.js';
import { gradedMembers, gradeOrganizations, indicatorValuesFrom } from './grade-organizations.js';
import { fieldValues, orgIndicators } from './org-indicators.js';
import type { RulesFile } from '../../domain/rules/rules.js';
import { modelOf, type SupervisionModel } from './supervision-pass.js';

/** Every row of some organizations, in input order, with their organization numbers and row numbers among all rows. */
export interface OrgPart {
  ds: Dataset;
  /** Each row's organization number (numbered in order of first appearance among all rows). */
  orgs: Int32Array;
  /** Each row's number among all rows (input order). */
  rows: Uint32Array;
}

/** What {@link supervisionFromParts} needs to know about all the rows. */
export interface PartsInfo {
  /** Organizations numbered (0 … organizations − 1). */
  organizations: number;
  /** First and last report year of the panel. */
  years: [number, number];
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

/**
 * The supervision models of an annual panel read part by part, each part every row of some
 * organizations (the spill buckets of a large input): the rules and the transparency tracker
 * run on each part ({@link checkOrganizations}; an organization's numbers depend on its own
 * rows only), their per-organization results go to the organization's number, and the
 * grading ranks all supervised organizations together ({@link gradeOrganizations}). With
 * organizations numbered in order of first appearance and row numbers in input order, every
 * model is the one `supervisionPass` makes of all the rows at once. Per organization it keeps
 * a few numbers, and the framework's organization-level indicators at its latest row.
 *
 * @param parts a fresh iteration over the parts (each organization in exactly one part)
 * @param info the number of organizations and the panel's years
 * @param resolveRegion the region resolver of the regions file (credit-code division check)
 * @param rules the rules file
 * @param framework the indicator framework
 * @param governanceFields core governance field codes
 * @param asOfYears the as-of years (one model each, same order)
 * @param detailFor organization numbers whose indicator details to keep (portraits; default none)
 * @returns the models
 * @example
 * const [model] = supervisionFromParts(() => spill.parts(), { organizations, years: [2008, 2024] }, resolveRegion, rules, framework, gov, [2024]);
 */
export function supervisionFromParts(
  parts: () => Iterable<OrgPart>,
  info: PartsInfo,
  resolveRegion: RegionResolver,
  rules: RulesFile,
  framework: Framework,
  governanceFields: ReadonlySet<string>,
  asOfYears: number[],
  detailFor: ReadonlySet<number> = new Set(),
): SupervisionModel[] {
  const n = info.organizations;
  const regionDict = new StringDictionary();
  const typeDict = new StringDictionary();
  const gathering: Gathering[] = asOfYears.map((asOf) => ({
    asOf,
    checks: emptyChecks(n, regionDict.values, typeDict.values),
    values: [],
  }));
  let indicators: ReturnType<typeof orgIndicators> | null = null;
  let noYear = 0;
  for (const part of parts()) {
    indicators ??= orgIndicators(framework, part.ds, governanceFields);
    const used = indicators.used;
    let first = true;
    for (const g of gathering) {
      const c = checkOrganizations(part.ds, resolveRegion, rules, { asOf: g.asOf, panelFirst: info.years[0] });
      if (first) noYear += c.noYear;
      first = false;
      const into = g.checks;
      into.active = c.active;
      into.skipped = c.skipped;
      into.transparencyWeights = c.transparencyWeights;
      into.transparencyFields = c.transparencyFields;
      into.evaluated += c.evaluated;
      const rCode = Int32Array.from(c.regionDict, (v) => regionDict.code(v));
      const tCode = Int32Array.from(c.typeDict, (v) => typeDict.code(v));
      const orgOf = new Int32Array(c.count).fill(-1);
      const scoped: number[] = [];
      for (let k = 0; k < c.count; k++) {
        const i = c.lastRow[k];
        if (i < 0) continue;
        const o = (orgOf[k] = part.orgs[i]);
        into.lastRow[o] = part.rows[i];
        into.region[o] = c.region[k] < 0 ? -1 : rCode[c.region[k]];
        into.type[o] = c.type[k] < 0 ? -1 : tCode[c.type[k]];
        into.inScope[o] = c.inScope[k];
        into.worst[o] = c.worst[k];
        if (c.inScope[k]) scoped.push(k);
      }
      for (const t of TRANSPARENCY_KEYS) {
        const from = c.transparency[t];
        const to = into.transparency[t];
        for (let k = 0; k < c.count; k++) if (orgOf[k] >= 0) to[orgOf[k]] = from[k];
      }
      for (const f of c.flagged) into.flagged.push({ ...f, org: orgOf[f.org] });
      // the indicators at the supervised organizations' latest rows: the values the grading
      // computes from the fields there (the same function of the same numbers)
      const localRows = Int32Array.from(scoped, (k) => c.lastRow[k]);
      const valuesHere = indicatorValuesFrom(
        (f) => fieldValues(part.ds, f, localRows, governanceFields),
        scoped.length,
      );
      for (let j = 0; j < used.length; j++) {
        const v = valuesHere(used[j]);
        let all = (g.values[j] ??= new Float32Array(n).fill(NaN));
        for (let q = 0; q < scoped.length; q++) {
          const x = v[q];
          if (all instanceof Float32Array && Math.fround(x) !== x && x === x)
            all = g.values[j] = Float64Array.from(all);
          all[orgOf[scoped[q]]] = x;
        }
      }
    }
  }
  const ind = indicators ?? { used: [], skipped: [] };
  return gathering.map((g) => {
    const checks = g.checks;
    checks.noYear = noYear;
    checks.flagged.sort((a, b) => a.org - b.org);
    const members = gradedMembers(checks);
    const values = new Float64Array(members.length);
    const valuesOf = (_ind: unknown, j: number): Float64Array => {
      const all = g.values[j];
      if (!all) return values.fill(NaN);
      for (let k = 0; k < members.length; k++) values[k] = all[members[k]];
      return values;
    };
    const details = new Map<number, number>();
    if (detailFor.size) members.forEach((o, k) => detailFor.has(o) && details.set(k, o));
    const graded = gradeOrganizations(checks, ind.used, valuesOf, rules.grades, details);
    return modelOf(checks, graded, {
      asOf: g.asOf,
      shape: 'panel',
      panelYears: info.years,
      rules,
      indicators: ind.used,
      indicatorSkips: ind.skipped,
    });
  });
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
