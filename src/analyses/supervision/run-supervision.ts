import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { Analysis, AnalysisContext } from '../analysis-context.js';
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
}

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
  return {
    year: year as number | undefined,
    listOrganizations: list,
    rules: ctx.options.config.rules,
    framework: ctx.options.config.framework,
  };
}

/**
 * Run the supervision pass for a context (organization rows required).
 *
 * @param ctx the analysis context (`ctx.dataset` not null)
 * @param opts the options (default: read from the context)
 * @param detailFor organization ids whose indicator details to keep (portraits)
 * @returns the model
 * @throws SoqaError E_BAD_OPTION (exit 3) for an as-of year outside the panel's years
 */
export function supervisionModel(
  ctx: AnalysisContext,
  opts: SupervisionOptions = supervisionOptions(ctx),
  detailFor?: ReadonlySet<string>,
): SupervisionModel {
  const ds = ctx.dataset!;
  const governance = new Set(ctx.fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const registryAsOf = ctx.cube.years.length ? ctx.cube.years[ctx.cube.years.length - 1] : undefined;
  const model = supervisionPass(
    ds,
    regionResolver(ctx.regions, ctx.gazetteer),
    opts.rules,
    opts.framework,
    governance,
    {
      year: opts.year,
      registryAsOf,
      detailFor,
    },
  );
  if (
    opts.year !== undefined &&
    (ds.shape !== 'panel' || opts.year < model.panelYears[0] || opts.year > model.panelYears[1])
  ) {
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.yearNotInData(opts.year, ds.shape === 'panel' ? [model.panelYears[0], model.panelYears[1]] : [model.asOf]),
    );
  }
  return model;
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
export function runSupervision(ctx: AnalysisContext): SupervisionSection {
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
