import { columnMinMax } from '../../cube/column-blocks.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { RegionResolver } from '../../domain/regions/region-resolver.js';
import { checkOrganizations, type OrgChecks, type PassYears } from './check-organizations.js';
import { gradedMembers, gradeOrganizations, indicatorValuesFrom, type OrgGrades } from './grade-organizations.js';
import { fieldValues, orgIndicators, type OrgIndicator, type OrgIndicatorSkip } from './org-indicators.js';
import { yearOfDate } from './row-facts.js';
import type { RulesFile } from '../../domain/rules/rules.js';

export { codeOf, gradeOf, type FlaggedOrg, type IndicatorDetail, type Warning } from './findings.js';

/** Options of {@link supervisionPass}. */
export interface PassOptions {
  /** As-of year (default: the latest report year; registry lists: `registryAsOf`). */
  year?: number;
  /** The year registry rows describe (default: the latest registration or deregistration year). */
  registryAsOf?: number;
  /** Organizations (ids) whose indicator details to keep (portraits). */
  detailFor?: ReadonlySet<string>;
}

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

/** The year range of a registry list: its one as-of year. */
const uniform = (year: number): { min: number; max: number } => ({ min: year, max: year });

/**
 * The supervision pass: the rules and the transparency tracker run over each organization's
 * rows ({@link checkOrganizations}), then the organization-level indicators of the framework,
 * ranked within peer groups, give a quality score and, with the warnings and transparency,
 * the A–D grade ({@link gradeOrganizations}). What is kept per organization is a few numbers
 * (latest row, region, type, scope, worst severity, transparency parts, score, grade, peer
 * group); warnings only for flagged ones.
 *
 * @param ds the organization rows
 * @param resolveRegion the region resolver of the regions file (credit-code division check)
 * @param rules the rules file
 * @param framework the indicator framework (organization-level indicators)
 * @param governanceFields core governance field codes
 * @param options as-of year, organizations to keep details for
 * @returns the model
 * @example
 * supervisionPass(ds, regionResolver(regions, loadChinaGazetteer), loadRules(), loadFramework(), gov).flagged.length; // => 72 on the built-in sample
 */
export function supervisionPass(
  ds: Dataset,
  resolveRegion: RegionResolver,
  rules: RulesFile,
  framework: Framework,
  governanceFields: ReadonlySet<string>,
  options: PassOptions = {},
): SupervisionModel {
  const panel = ds.shape === 'panel';
  const yearCol = ds.num.year;
  const { min: first, max: last } =
    panel && yearCol ? columnMinMax(yearCol) : uniform(options.registryAsOf ?? registryYear(ds));
  const years: PassYears = { asOf: panel ? (options.year ?? last) : first, panelFirst: first };
  const checks = checkOrganizations(ds, resolveRegion, rules, years);
  const { used, skipped: indicatorSkips } = orgIndicators(framework, ds, governanceFields);
  const members = gradedMembers(checks);
  // each field's values at the members' latest rows, read once and shared by the indicators
  const memberRows = Int32Array.from(members, (o) => checks.lastRow[o]);
  const valuesOf = indicatorValuesFrom((f) => fieldValues(ds, f, memberRows, governanceFields), members.length);
  const detailFor = new Map<number, number>();
  const ids = ds.text.org_id ?? [];
  if (options.detailFor)
    members.forEach((o, k) => options.detailFor!.has(ids[checks.lastRow[o]]) && detailFor.set(k, o));
  const graded = gradeOrganizations(checks, used, valuesOf, rules.grades, detailFor);
  return modelOf(checks, graded, {
    asOf: years.asOf,
    shape: ds.shape,
    panelYears: [first, panel ? last : years.asOf],
    rules,
    indicators: used,
    indicatorSkips,
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
