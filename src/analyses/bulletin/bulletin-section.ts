/**
 * The yearly bulletin's own numbers (`soqa analyze --year Y --compare C`): the risk warnings
 * as of C against those as of Y, organization by organization. Everything else the bulletin
 * compares is already in the other sections (counts, scores, tension units by year), so the
 * report builds the rest of its "what changed" section from them.
 */
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { hasRows, inputShape, type AnalysisContext } from '../analysis-context.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import { SEVERITIES } from '../../domain/rules/rules.js';
import { supervisionModels } from '../supervision/run-supervision.js';
import { codeOf, type SupervisionModel } from '../supervision/supervision-pass.js';

/** The two years of a bulletin: the bulletin year and the year it is compared with (earlier). */
export interface BulletinYears {
  year: number;
  compare: number;
}

type Counts = { flagged: number; high: number; medium: number; low: number };

/** Flagged organizations of a model: organization number → its rules and worst severity. */
function flaggedOf(model: SupervisionModel): Map<number, { rules: Set<string>; worst: number }> {
  return new Map(
    model.flagged.map((f) => [f.org, { rules: new Set(f.warnings.map((w) => w.rule)), worst: model.worst[f.org] }]),
  );
}

function counts(flagged: Map<number, { worst: number }>): Counts {
  const c: Counts = { flagged: flagged.size, high: 0, medium: 0, low: 0 };
  for (const f of flagged.values()) if (f.worst > 0) c[SEVERITIES[f.worst - 1]]++;
  return c;
}

/**
 * The `bulletin` section of results.json: the two years and, for organization rows of an
 * annual panel, the warnings as of each year — flagged organizations (by their most severe
 * warning), organizations newly flagged in the bulletin year and no longer flagged, and the
 * same per rule and per region. Organizations are counted, never named.
 *
 * @param ctx the analysis context (rules and framework as for the supervision section)
 * @param years the bulletin year and the comparison year (both in the data, compare < year)
 * @returns `{ year, compare, warnings, notes }`; `warnings` is null for an aggregated table or a registry list (with a note)
 * @throws SoqaError E_INTERNAL when the rows of an annual panel were not kept
 * @example
 * bulletinSection(ctx, { year: 2024, compare: 2023 }).warnings.newlyFlagged; // => 12
 */
export function bulletinSection(ctx: AnalysisContext, years: BulletinYears): BulletinSection {
  const notes: AnalysisNote[] = [];
  const shape = inputShape(ctx);
  if (shape !== 'panel') {
    notes.push(note('N_BULLETIN_NO_WARNINGS', (l) => msg.noteBulletinNoWarnings(l, shape ?? 'aggregate')));
    return { year: years.year, compare: years.compare, warnings: null, notes };
  }
  if (!hasRows(ctx)) throw new SoqaError('E_INTERNAL', msg.internalError('a bulletin of rows that were not kept'));
  // both years' warnings in one reading of the rows
  const [now, before] = supervisionModels(ctx, [years.year, years.compare]);
  return { year: years.year, compare: years.compare, warnings: bulletinWarnings(ctx, now, before), notes };
}

/** The `bulletin` section of results.json (see {@link bulletinSection}). */
export interface BulletinSection {
  year: number;
  compare: number;
  /** Null for an aggregated table or a registry list (with a note). */
  warnings: BulletinWarnings | null;
  notes: AnalysisNote[];
}

/** The warnings of a bulletin: as of each year, what is new and what is gone, by rule and by region. */
export type BulletinWarnings = ReturnType<typeof bulletinWarnings>;

/** The warnings as of the bulletin year against those as of the year it is compared with. */
function bulletinWarnings(ctx: AnalysisContext, now: SupervisionModel, before: SupervisionModel) {
  const fNow = flaggedOf(now);
  const fBefore = flaggedOf(before);
  const newly = [...fNow.keys()].filter((o) => !fBefore.has(o));
  const resolved = [...fBefore.keys()].filter((o) => !fNow.has(o));
  return {
    year: { asOf: now.asOf, evaluated: now.evaluated, ...counts(fNow) },
    compare: { asOf: before.asOf, evaluated: before.evaluated, ...counts(fBefore) },
    newlyFlagged: newly.length,
    noLongerFlagged: resolved.length,
    newBySeverity: counts(new Map(newly.map((o) => [o, fNow.get(o)!]))),
    byRule: byRule(now, fNow, fBefore),
    byRegion: byRegion(ctx, { now, before }, { fNow, fBefore, newly }),
  };
}

type Flagged = Map<number, { rules: Set<string>; worst: number }>;

/** Per rule: organizations flagged by it as of each year, and newly. */
function byRule(now: SupervisionModel, fNow: Flagged, fBefore: Flagged) {
  return now.rules.rules.map((r) => {
    const has = (m: Flagged, o: number) => m.get(o)?.rules.has(r.id) ?? false;
    const at = (m: Flagged) => [...m.keys()].filter((o) => has(m, o)).length;
    return {
      rule: r.id,
      zh: r.label.zh,
      en: r.label.en,
      severity: r.severity,
      applied: now.active.includes(r.id),
      year: at(fNow),
      compare: at(fBefore),
      new: [...fNow.keys()].filter((o) => has(fNow, o) && !has(fBefore, o)).length,
    };
  });
}

/** Per region of the organizations' latest rows up to each year: flagged as of each year, and newly. */
function byRegion(
  ctx: AnalysisContext,
  models: { now: SupervisionModel; before: SupervisionModel },
  flagged: { fNow: Flagged; fBefore: Flagged; newly: number[] },
) {
  const { now, before } = models;
  const { fNow, fBefore, newly } = flagged;
  const regionOf = (m: SupervisionModel, o: number): string | null => codeOf(m.regionDict, m.region[o]);
  const names = new Map(ctx.regions.regions.map((r) => [r.code, r]));
  const codes = [...new Set(now.regionDict)].sort();
  return codes
    .map((code) => {
      const inRegion = (m: SupervisionModel, f: Map<number, unknown>) =>
        [...f.keys()].filter((o) => regionOf(m, o) === code);
      const r = names.get(code);
      return {
        region: code,
        zh: r?.zh ?? code,
        en: r?.en ?? code,
        year: inRegion(now, fNow).length,
        compare: inRegion(before, fBefore).length,
        new: newly.filter((o) => regionOf(now, o) === code).length,
      };
    })
    .filter((r) => r.year > 0 || r.compare > 0);
}
