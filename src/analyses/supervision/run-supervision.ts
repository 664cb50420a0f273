import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { OrgRows } from '../../dataset/org-rows.js';
import type { Analysis, AnalysisContext, RowsContext } from '../analysis-context.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import { rankFlagged } from './rank-flagged.js';
import type { RulesFile } from '../../domain/rules/rules.js';
import { regionResolver } from '../../domain/regions/region-resolver.js';
import { supervisionPass, type SupervisionModel } from './supervision-pass.js';
import { gradeTables, transparencyTables, warningTotals } from './supervision-tables.js';

/** The options of the supervision analysis (from `ctx.options`). */
export interface SupervisionOptions {
  /** As-of year (`extra.supervision.year`; default the latest report year). */
  year?: number;
  /** List the flagged organizations with ids and names (`extra.supervision.listOrganizations`). */
  listOrganizations: boolean;
  rules: RulesFile;
  framework: Framework;
  /**
   * Other as-of years whose models to make in the same reading of the rows
   * (`extra.supervision.alsoAsOf`; a bulletin's comparison year), kept for {@link supervisionModels}.
   */
  alsoAsOf: number[];
}

/** Models made of a source of rows with some rules and framework, by as-of year (see {@link SupervisionOptions.alsoAsOf}). */
interface MadeModels {
  /** The rules and framework as JSON. */
  config: string;
  models: Map<number, SupervisionModel>;
}

/** The models made of each source of rows, so that the supervision section and a bulletin read the rows once. */
const made = new WeakMap<OrgRows, MadeModels[]>();

const bad = (name: string, value: unknown, expected: string) =>
  new SoqaError('E_BAD_OPTION', msg.badOption(name, value, expected));

/**
 * Read and check the supervision options: `ctx.options.extra.supervision` (`year`,
 * `listOrganizations`), with the rules and the framework of `ctx.options.config` (loaded
 * and checked at the CLI boundary).
 *
 * @param ctx the analysis context
 * @returns the options
 * @throws SoqaError E_BAD_OPTION (exit 3)
 */
export function supervisionOptions(ctx: Pick<AnalysisContext, 'options'>): SupervisionOptions {
  const x = ctx.options.extra?.supervision ?? {};
  const year = x.year;
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year)))
    throw bad('supervision.year', year, 'a whole year such as 2024');
  const list = x.listOrganizations ?? false;
  if (typeof list !== 'boolean') throw bad('supervision.listOrganizations', list, 'true or false');
  const also = x.alsoAsOf ?? [];
  if (!Array.isArray(also) || !also.every((y) => Number.isInteger(y)))
    throw bad('supervision.alsoAsOf', also, 'a list of whole years such as [2023]');
  return {
    year: year as number | undefined,
    listOrganizations: list,
    alsoAsOf: also as number[],
    rules: ctx.options.config.rules,
    framework: ctx.options.config.framework,
  };
}

/**
 * Run the supervision pass for a context, as of some years, in one reading of the rows.
 *
 * @param ctx the analysis context (organization rows there)
 * @param asOfYears the as-of years (undefined: the panel's last report year; a registry list is as of its year)
 * @param config the rules and framework (default: the context's)
 * @param detailFor organization numbers whose indicator details to keep (portraits; default none)
 * @returns the models, one per year
 * @throws SoqaError E_BAD_OPTION (exit 3) for a year outside the panel's years, or any year given for a registry list
 */
export function supervisionModels(
  ctx: RowsContext,
  asOfYears: readonly (number | undefined)[],
  config: Pick<SupervisionOptions, 'rules' | 'framework'> &
    Partial<Pick<SupervisionOptions, 'alsoAsOf'>> = supervisionOptions(ctx),
  detailFor?: ReadonlySet<number>,
): SupervisionModel[] {
  const rows = ctx.rows.rows;
  const governanceFields = new Set(ctx.fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const registryAsOf = ctx.cube.years.length ? ctx.cube.years[ctx.cube.years.length - 1] : undefined;
  const setup = {
    resolveRegion: regionResolver(ctx.regions, ctx.gazetteer),
    rules: config.rules,
    framework: config.framework,
    governanceFields,
  };
  if (rows.shape !== 'panel') {
    const models = supervisionPass(rows, { ...setup, registryAsOf }, asOfYears, detailFor);
    const given = asOfYears.find((y) => y !== undefined);
    if (given !== undefined) throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(given, [models[0].asOf]));
    return models;
  }
  checkYears(asOfYears, rows.years);
  const years = asOfYears.map((y) => y ?? rows.years[1]);
  if (detailFor?.size) return supervisionPass(rows, setup, years, detailFor);
  const entry = madeFor(rows, config);
  const missing = [...new Set(years.filter((y) => !entry.models.has(y)))];
  if (missing.length) {
    // the other years asked for ahead (a bulletin's comparison year) in the same reading of the rows
    const ahead = (config.alsoAsOf ?? []).filter((y) => !entry.models.has(y) && !missing.includes(y));
    checkYears(ahead, rows.years);
    const want = [...missing, ...ahead];
    supervisionPass(rows, setup, want).forEach((m, k) => entry.models.set(want[k], m));
  }
  return years.map((y) => entry.models.get(y)!);
}

/** The models made so far of some rows with these rules and framework. */
function madeFor(rows: OrgRows, config: Pick<SupervisionOptions, 'rules' | 'framework'>): MadeModels {
  let list = made.get(rows);
  if (!list) made.set(rows, (list = []));
  const key = JSON.stringify([config.rules, config.framework]);
  let entry = list.find((e) => e.config === key);
  if (!entry) list.push((entry = { config: key, models: new Map() }));
  return entry;
}

/** Each as-of year given must be one of the panel's years (first to last). */
function checkYears(asOfYears: readonly (number | undefined)[], [first, last]: readonly [number, number]): void {
  for (const y of asOfYears)
    if (y !== undefined && (y < first || y > last))
      throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(y, [first, last]));
}

/**
 * Run the supervision pass for a context as of its options' year.
 *
 * @param ctx the analysis context (organization rows there)
 * @param opts the options (default: read from the context)
 * @returns the model
 * @throws SoqaError E_BAD_OPTION (exit 3) for an as-of year outside the panel's years
 */
export function supervisionModel(
  ctx: RowsContext,
  opts: SupervisionOptions = supervisionOptions(ctx),
): SupervisionModel {
  return supervisionModels(ctx, [opts.year], opts)[0];
}

/** The notes of a model: skipped rules, registry input, rows without a year, indicators left out, peer fallbacks. */
export function supervisionNotes(model: SupervisionModel): AnalysisNote[] {
  const notes: AnalysisNote[] = [];
  if (model.shape === 'registry')
    notes.push(note('N_SUPERVISION_REGISTRY', (l) => msg.noteSupervisionRegistry(l, model.asOf)));
  for (const s of model.skipped)
    if (!(model.shape === 'registry' && s.missing.includes('year')))
      notes.push(note('N_SUPERVISION_RULE_SKIPPED', (l) => msg.noteSupervisionRuleSkipped(l, s.id, s.missing)));
  if (model.noYear) notes.push(note('N_SUPERVISION_NO_YEAR', (l) => msg.noteSupervisionNoYear(l, model.noYear)));
  const regionLevel = model.indicatorSkips.filter((s) => s.reason === 'region-level').map((s) => s.id);
  const missing = model.indicatorSkips.filter((s) => s.reason === 'missing-columns').map((s) => s.id);
  if (regionLevel.length || missing.length)
    notes.push(note('N_SUPERVISION_INDICATORS', (l) => msg.noteSupervisionIndicators(l, regionLevel, missing)));
  if (model.indicators.length === 0)
    notes.push(
      note('N_SUPERVISION_NO_INDICATORS', (l) => msg.noteSupervisionNoIndicators(l, model.rules.grades.noScore)),
    );
  let byType = 0;
  let all = 0;
  for (const g of model.peerGroups) {
    if (g.type !== null && g.region === null && model.rules.grades.peerGroup === 'type_region') byType += g.size;
    if (g.type === null) all += g.size;
  }
  if (byType || all)
    notes.push(
      note('N_SUPERVISION_PEER_FALLBACK', (l) =>
        msg.noteSupervisionPeerFallback(l, byType, all, model.rules.grades.minPeers),
      ),
    );
  return notes;
}

/**
 * One-line statements of how the numbers are made (English, as in the other sections).
 *
 * @param model the pass's model
 * @returns the method block
 */
export function supervisionMethod(model: SupervisionModel): Record<string, string> {
  const r = model.rules;
  const w = model.transparencyWeights;
  const g = r.grades;
  return {
    scope: `as of ${model.asOf}: every organization with a report row up to ${model.asOf} is checked against the rules; organizations supervised in ${model.asOf} (a row in ${model.asOf}, or a row in the transparency window and not deregistered before ${model.asOf}) get a transparency index, a quality score and a grade`,
    pass: 'one streaming pass over the rows grouped by organization, years ascending (typed counting sorts); each rule keeps only its running state (run lengths, latest values) for the organization being read',
    history:
      r.lookbackYears === null
        ? `each rule reads the organization's whole history up to ${model.asOf}`
        : `warnings whose evidence ends before ${model.asOf - r.lookbackYears + 1} (lookbackYears ${r.lookbackYears}) are dropped`,
    ranking:
      'most severe warning first (high > medium > low), then the sum of the severities (high 3, medium 2, low 1), then the latest evidence year, then the id',
    transparency: `index = 100 × (${w.completeness.toFixed(3)} completeness + ${w.disclosure.toFixed(3)} disclosure + ${w.online.toFixed(3)} online + ${w.continuity.toFixed(3)} continuity) over the report rows of ${model.asOf - r.transparency.windowYears + 1}–${model.asOf}: completeness = mean share of the annual-report fields reported; disclosure, online = share of rows with the flag 1 (missing = 0); continuity = rows / years a report was due (weights of the rules file rescaled over the parts the input has; an organization missing a part has the others rescaled)`,
    score: `quality score = 100 × mean of the organization's peer percentiles over the framework's organization-level indicators (equal weights; rank normalisation within the peer group, p = (r − 1)/(k − 1), ties averaged, reversed for negative indicators; missing values and indicators constant among the peers left out); peers = ${g.peerGroup === 'type_region' ? 'same type and region' : 'same type'}, falling back to the type, then all organizations, below ${g.minPeers} organizations`,
    grade: `base grade A when score ≥ ${g.bands.A} and transparency ≥ ${g.aMinTransparency}, B when score ≥ ${g.bands.B}, else C (no score: ${g.noScore}); then capped by the most severe warning: low → ${g.caps.low}, medium → ${g.caps.medium}, high → ${g.caps.high}`,
  };
}

/**
 * Build the `supervision` section of results.json from a model: counts, totals by rule,
 * region and type, top rules, transparency by region and type, grade distribution and the
 * graded-supervision table — without organization ids or names unless `listOrganizations`.
 *
 * @param ctx the analysis context
 * @param model the pass's model
 * @param listOrganizations add the ranked flagged organizations (ids, names, evidence)
 * @returns the section
 */
export function supervisionSection(ctx: AnalysisContext, model: SupervisionModel, listOrganizations: boolean) {
  const warnings = warningTotals(model, ctx.regions);
  const r = model.rules;
  let gTypeRegion = 0;
  let gType = 0;
  let gAll = 0;
  for (const g of model.peerGroups) {
    if (g.type !== null && g.region !== null) gTypeRegion += g.size;
    else if (g.type !== null) gType += g.size;
    else gAll += g.size;
  }
  const notes = supervisionNotes(model);
  if (!listOrganizations) notes.push(note('N_SUPERVISION_ORGANIZATIONS_HIDDEN', (l) => msg.noteSupervisionHidden(l)));
  const section = {
    asOf: model.asOf,
    shape: model.shape,
    years: model.panelYears,
    rules: {
      id: r.id,
      title: r.title ?? null,
      lookbackYears: r.lookbackYears,
      list: r.rules.map((d) => ({
        id: d.id,
        zh: d.label.zh,
        en: d.label.en,
        severity: d.severity,
        action: d.action,
        enabled: d.enabled !== false,
        applied: model.active.includes(d.id),
        params: d.params,
      })),
      skipped: model.skipped.map((s) => ({ rule: s.id, missing: s.missing })),
    },
    actions: Object.entries(r.actions).map(([id, l]) => ({ id, zh: l.zh, en: l.en })),
    method: supervisionMethod(model),
    organizations: { evaluated: warnings.evaluated, supervised: warnings.supervised, flagged: warnings.flagged },
    warnings: {
      total: warnings.warnings,
      bySeverity: warnings.bySeverity,
      high: warnings.high,
      medium: warnings.medium,
      low: warnings.low,
      byRule: warnings.byRule,
      byRegion: warnings.byRegion,
      byType: warnings.byType,
    },
    topRules: [...warnings.byRule]
      .filter((x) => x.organizations > 0)
      .sort(
        (a, b) =>
          b.organizations - a.organizations ||
          r.rules.findIndex((d) => d.id === a.rule) - r.rules.findIndex((d) => d.id === b.rule),
      )
      .slice(0, 3)
      .map((x) => ({ rule: x.rule, zh: x.zh, en: x.en, organizations: x.organizations })),
    transparency: {
      windowYears: r.transparency.windowYears,
      weights: model.transparencyWeights,
      fields: model.transparencyFields,
      ...transparencyTables(model, ctx.regions),
    },
    grades: {
      definition: r.grades,
      indicators: model.indicators.map((i) => ({ id: i.def.id, layer: i.def.layer, direction: i.def.direction })),
      skippedIndicators: model.indicatorSkips,
      peers: { groups: model.peerGroups.length, typeRegion: gTypeRegion, type: gType, all: gAll },
      ...gradeTables(model),
    },
    notes,
  };
  return listOrganizations ? { ...section, flaggedOrganizations: rankFlagged(model, ctx.regions) } : section;
}

/** The `supervision` section of results.json (see docs/RESULTS.md). */
export type SupervisionSection = ReturnType<typeof supervisionSection>;

/**
 * The supervision analysis: risk warnings (rules as data), transparency index and A–D grades
 * per organization, summarised by rule, region and type for results.json.
 *
 * @param ctx the analysis context (organization rows)
 * @returns the section
 * @example
 * runSupervision(ctx).warnings.byRule.find((r) => r.rule === 'dormant')?.organizations; // => 8 on the built-in sample
 */
export function runSupervision(ctx: RowsContext): SupervisionSection {
  const opts = supervisionOptions(ctx);
  return supervisionSection(ctx, supervisionModel(ctx, opts), opts.listOrganizations);
}

/** The supervision analysis for the registry in `run-analyses.ts`. */
export const supervisionAnalysis: Analysis = {
  name: 'supervision',
  run: runSupervision,
  needs: 'organizations',
  what: { en: 'risk warnings, transparency index and graded supervision', zh: '风险预警、透明度指数与分级监管' },
};
