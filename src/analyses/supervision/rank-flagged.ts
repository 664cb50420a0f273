import type { RegionsFile } from '../../domain/regions/regions.js';
import { RULE_IDS, severityRank, type RuleId, type Severity } from '../../domain/rules/rules.js';
import { codeOf, gradeOf, type SupervisionModel, type Warning } from './supervision-pass.js';
import { supervisionEvidence } from './supervision-evidence.js';

/** One warning as printed and serialised: the rule, its labels, the evidence and its sentence. */
export interface WarningView {
  rule: RuleId;
  zh: string;
  en: string;
  severity: Severity;
  action: string;
  actionZh: string;
  actionEn: string;
  years: number[];
  evidence: Warning['evidence'];
  text: { en: string; zh: string };
}

/** A flagged organization in the ranking. */
export interface FlaggedView {
  rank: number;
  org_id: string;
  name: string;
  type: string | null;
  region: string | null;
  regionZh: string | null;
  regionEn: string | null;
  /** True when it is supervised in the as-of year (it has a grade). */
  current: boolean;
  grade: string | null;
  /** Most severe warning. */
  severity: Severity;
  warnings: WarningView[];
}

/**
 * Make a warning printable: labels of the rule and action from the rules file and the
 * evidence sentence in both languages.
 *
 * @param w the warning
 * @param model the pass's model (rules file)
 * @returns the view
 */
export function warningView(w: Warning, model: SupervisionModel): WarningView {
  const def = model.rules.rules.find((r) => r.id === w.rule)!;
  const action = model.rules.actions[w.action];
  return {
    rule: w.rule,
    zh: def.label.zh,
    en: def.label.en,
    severity: w.severity,
    action: w.action,
    actionZh: action.zh,
    actionEn: action.en,
    years: w.years,
    evidence: w.evidence,
    text: {
      en: supervisionEvidence('en', w.rule, w.evidence),
      zh: supervisionEvidence('zh', w.rule, w.evidence),
    },
  };
}

/**
 * The flagged organizations ranked for action: most severe warning first, then the sum of
 * the severities (more and worse warnings), then the most recent evidence year, then the id.
 * Within an organization, warnings are ordered by severity, then by the rules file's order.
 *
 * @param model the pass's model
 * @param regions the regions file (region names)
 * @returns the ranking (rank 1 = first to act on)
 * @example
 * rankFlagged(model, ds, regions)[0].severity; // => 'high'
 */
export function rankFlagged(model: SupervisionModel, regions: RegionsFile): FlaggedView[] {
  const names = new Map(regions.regions.map((r) => [r.code, r]));
  const ruleOrder = new Map<string, number>(model.rules.rules.map((r, k) => [r.id, k]));
  const rows = model.flagged.map((f) => {
    const warnings = [...f.warnings].sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        (ruleOrder.get(a.rule) ?? RULE_IDS.indexOf(a.rule)) - (ruleOrder.get(b.rule) ?? RULE_IDS.indexOf(b.rule)),
    );
    const region = codeOf(model.regionDict, model.region[f.org]);
    return {
      sum: warnings.reduce((s, w) => s + severityRank(w.severity), 0),
      latest: Math.max(...warnings.map((w) => w.years[w.years.length - 1])),
      view: {
        rank: 0,
        org_id: f.id,
        name: f.name,
        type: codeOf(model.typeDict, model.type[f.org]),
        region,
        regionZh: region ? (names.get(region)?.zh ?? null) : null,
        regionEn: region ? (names.get(region)?.en ?? null) : null,
        current: model.inScope[f.org] === 1,
        grade: gradeOf(model.grade[f.org]),
        severity: warnings[0].severity,
        warnings: warnings.map((w) => warningView(w, model)),
      } satisfies FlaggedView,
    };
  });
  rows.sort(
    (a, b) =>
      severityRank(b.view.severity) - severityRank(a.view.severity) ||
      b.sum - a.sum ||
      b.latest - a.latest ||
      (a.view.org_id < b.view.org_id ? -1 : a.view.org_id > b.view.org_id ? 1 : 0),
  );
  return rows.map((r, k) => ({ ...r.view, rank: k + 1 }));
}
