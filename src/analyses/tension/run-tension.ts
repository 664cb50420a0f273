import * as msg from '../../core/messages/index.js';
import { coreRegions, inputShape, type AnalysisContext } from '../analysis-context.js';
import { finiteOrNull as num, note, type AnalysisNote } from '../analysis-note.js';
import { TOTAL } from '../indicators/build-panel.js';
import { coupleUnits } from './couple-units.js';
import { laggingObstacles } from './lagging-obstacles.js';
import { resolveTensions } from './resolve-tensions.js';
import { resourceTheil, type ResourceTheilRow } from './resource-theil.js';
import { scoreSubsystem, type SubsystemScores } from './subsystem-scores.js';
import type { ResolvedIndicator, ResolvedTension, SubsystemKey } from './tension-config.js';
import { tensionMonteCarlo, type TensionInterval } from './tension-monte-carlo.js';
import { tensionOptions, type TensionOptions } from './tension-options.js';
import { buildTensionPanel } from './tension-panel.js';
import { tensionVerdict } from './tension-verdict.js';
import type { TensionUnitRow, NotInformativeReason, TensionResult, TensionSection } from './tension-section.js';

export type { TensionUnitRow, NotInformativeReason, TensionResult, TensionSection } from './tension-section.js';

/** Per-tension Monte Carlo seed: one independent stream per tension, derived from the run's seed. */
const streamSeed = (seed: number, k: number): number => (seed ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0;

const COUPLING: Record<TensionOptions['variant'], string> = {
  standard: 'C = 2√(U1·U2)/(U1 + U2) (standard)',
  modified:
    'C = √([1 − |U1 − U2|]·min(U1, U2)/max(U1, U2)) (Wang Shujia et al. 2021, Journal of Natural Resources 36(3), the n = 2 case of their modified model)',
};

/**
 * The "not informative" rule: a subsystem that rests on at most one indicator with weight
 * makes the whole tension not informative (its U is that one indicator's min–max position);
 * a region whose U sits at a bound of [floor, 1] in every year with a value (for example
 * the minimum of every indicator of a subsystem held in the regions file) has a D that only
 * restates the bound, so its rows are not informative.
 */
function informativeCheck(
  scores: readonly SubsystemScores[],
  units: readonly { region: string; year: number; total?: boolean }[],
  floor: number,
): TensionResult['informative'] {
  const reasons: NotInformativeReason[] = [];
  const keys: SubsystemKey[] = ['u1', 'u2'];
  scores.forEach((s, j) => {
    const active = s.weights.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
    if (active.length === 1)
      reasons.push({ kind: 'single-indicator', subsystem: keys[j], indicator: s.indicators[active[0]].id });
    else if (active.length === 0) reasons.push({ kind: 'single-indicator', subsystem: keys[j], indicator: null });
  });
  const ok = reasons.length === 0;
  if (ok)
    scores.forEach((s, j) => {
      for (const bound of ['min', 'max'] as const) {
        const at = bound === 'min' ? floor : 1;
        const byRegion = new Map<string, boolean>();
        units.forEach((u, i) => {
          if (u.total || Number.isNaN(s.U[i])) return;
          byRegion.set(u.region, (byRegion.get(u.region) ?? true) && Math.abs(s.U[i] - at) < 1e-9);
        });
        const regions = [...byRegion].filter(([, all]) => all).map(([r]) => r);
        if (regions.length) reasons.push({ kind: 'at-bound', subsystem: keys[j], bound, regions });
      }
    });
  return { ok, reasons };
}

/** What {@link scoreTension} scores: one tension of the framework over the panel. */
interface TensionRun {
  ctx: AnalysisContext;
  t: ResolvedTension;
  /** The tension's place in the framework (its Monte Carlo stream). */
  k: number;
  panel: ReturnType<typeof buildTensionPanel>;
  options: TensionOptions;
  core: string[];
}

/**
 * Score one tension: both subsystems, the coupling step, lagging subsystem and its
 * obstacles, Monte Carlo intervals, changes, Theil decomposition and the verdict.
 *
 * @returns the tension's result and its notes, in order
 */
function scoreTension(run: TensionRun): { result: TensionResult; notes: AnalysisNote[] } {
  const { ctx, t, panel, options } = run;
  const { units, columns } = panel;
  const alpha = options.alpha ?? t.alpha;
  const beta = 1 - alpha;
  const scores: SubsystemScores[] = t.subsystems.map((s) => scoreSubsystem(s, units, columns, options));
  const notes = [...subsystemNotes(ctx, t, scores), ...staticSubsystemNotes(t, scores, units)];
  const [s1, s2] = scores;
  const coupled = coupleUnits(
    units.map((_, i) => [s1.U[i], s2.U[i]]),
    { weights: [alpha, beta], variant: options.variant },
  );
  const intervals = tensionIntervals(run, scores, coupled, alpha);
  const informative = informativeCheck(scores, units, options.floor);
  const rows = unitRows(units, { scores, coupled, intervals, informative });
  const theil = theilOf(ctx, t, run.core);
  const result: TensionResult = {
    id: t.id,
    zh: t.label.zh,
    en: t.label.en,
    rationale: t.rationale,
    alpha,
    beta,
    subsystems: t.subsystems.map((sub, j) => ({
      key: sub.key,
      id: sub.id,
      zh: sub.label.zh,
      en: sub.label.en,
      rationale: sub.rationale,
      indicators: indicatorRows(scores[j]),
      skipped: sub.indicators.filter((i) => !columns.has(i.id)).map((i) => i.id),
    })),
    units: rows,
    obstacles: obstacleRows(units, scores, coupled),
    changes: tensionChanges(rows),
    theil: theil.rows,
    informative,
    verdict: null,
  };
  const year = ctx.cube.years[ctx.cube.years.length - 1];
  if (year !== undefined)
    result.verdict = { year, ...tensionVerdict(result, t, ctx.regions, { year, monteCarlo: intervals !== null }) };
  return { result, notes: [...notes, ...theil.notes] };
}

/** The lagging subsystem's key of a unit (u1, u2), or null. */
const keyOf = (lag: number | null): SubsystemKey | null => (lag === 0 ? 'u1' : lag === 1 ? 'u2' : null);

/** Notes on the subsystems' indicators: constant ones, and a subsystem left without any weight (also a warning). */
function subsystemNotes(ctx: AnalysisContext, t: ResolvedTension, scores: SubsystemScores[]): AnalysisNote[] {
  const notes: AnalysisNote[] = [];
  const tname = t.label.en;
  scores.forEach((s, j) => {
    s.indicators.forEach((ind, i) => {
      if (s.constant[i])
        notes.push(
          note('N_TENSION_INDICATOR_CONSTANT', (l) =>
            msg.noteTensionIndicatorConstant(l, ind.id, l === 'zh' ? t.label.zh : tname),
          ),
        );
    });
    if (!s.weights.some((w) => w > 0)) {
      const sub = t.subsystems[j];
      notes.push(
        note('N_TENSION_SUBSYSTEM_EMPTY', (l) =>
          msg.noteTensionSubsystemEmpty(l, l === 'zh' ? t.label.zh : tname, l === 'zh' ? sub.label.zh : sub.label.en),
        ),
      );
      ctx.log.warn('W_TENSION_SUBSYSTEM_EMPTY', msg.noteTensionSubsystemEmpty('en', tname, sub.label.en));
    }
  });
  return notes;
}

/** Notes on a subsystem that does not move over the years (regions-file figures only). */
function staticSubsystemNotes(
  t: ResolvedTension,
  scores: SubsystemScores[],
  units: TensionRun['panel']['units'],
): AnalysisNote[] {
  const notes: AnalysisNote[] = [];
  const tname = t.label.en;
  const years = [...new Set(units.map((u) => u.year))];
  if (years.length > 1) {
    scores.forEach((s, j) => {
      if (!s.weights.some((w) => w > 0)) return;
      const byRegion = new Map<string, number[]>();
      units.forEach((u, i) => {
        if (u.total || Number.isNaN(s.U[i])) return;
        let a = byRegion.get(u.region);
        if (!a) byRegion.set(u.region, (a = []));
        a.push(s.U[i]);
      });
      const regionsWithYears = [...byRegion.values()].filter((a) => a.length > 1);
      if (regionsWithYears.length && regionsWithYears.every((a) => a.every((x) => Math.abs(x - a[0]) < 1e-12))) {
        const sub = t.subsystems[j];
        notes.push(
          note('N_TENSION_STATIC_SUBSYSTEM', (l) =>
            msg.noteTensionStaticSubsystem(
              l,
              l === 'zh' ? t.label.zh : tname,
              l === 'zh' ? sub.label.zh : sub.label.en,
            ),
          ),
        );
      }
    });
  }
  return notes;
}

/** Monte Carlo intervals of D and the class per unit, or null without runs or without weights in a subsystem. */
function tensionIntervals(
  run: TensionRun,
  [s1, s2]: SubsystemScores[],
  coupled: ReturnType<typeof coupleUnits>,
  alpha: number,
): TensionInterval[] | null {
  const { options, k } = run;
  let intervals: TensionInterval[] | null = null;
  if (options.runs > 0 && s1.weights.some((w) => w > 0) && s2.weights.some((w) => w > 0)) {
    intervals = tensionMonteCarlo(
      [s1, s2],
      alpha,
      coupled.map((c) => c.class?.index ?? null),
      {
        runs: options.runs,
        seed: streamSeed(options.seed, k),
        spread: options.spread,
        alphaSpread: options.alphaSpread,
        variant: options.variant,
      },
    );
  }
  return intervals;
}

/** One row per unit: U1, U2, C, T, D, tension, class, lagging subsystem, gap, interval, informative. */
function unitRows(
  units: TensionRun['panel']['units'],
  step: {
    scores: SubsystemScores[];
    coupled: ReturnType<typeof coupleUnits>;
    intervals: TensionInterval[] | null;
    informative: ReturnType<typeof informativeCheck>;
  },
): TensionUnitRow[] {
  const { coupled, intervals, informative } = step;
  const [s1, s2] = step.scores;
  const atBound = new Set(informative.reasons.flatMap((r) => (r.kind === 'at-bound' ? r.regions : [])));
  return units.map((u, i) => {
    const c = coupled[i];
    const iv = intervals?.[i];
    return {
      region: u.region,
      year: u.year,
      u1: num(s1.U[i]),
      u2: num(s2.U[i]),
      C: num(c.C),
      T: num(c.T),
      D: num(c.D),
      tension: num(c.tension),
      classIndex: c.class?.index ?? null,
      zh: c.class?.zh ?? null,
      en: c.class?.en ?? null,
      lagging: keyOf(c.lagging),
      gap: num(c.gap),
      p05: num(iv?.p05),
      p95: num(iv?.p95),
      classAgreement: num(iv?.classAgreement),
      robust: iv && c.class ? iv.robust : null,
      informative: informative.ok && !atBound.has(u.region),
    };
  });
}

/** The obstacle degrees of the lagging subsystem's indicators, unit by unit. */
function obstacleRows(
  units: TensionRun['panel']['units'],
  scores: SubsystemScores[],
  coupled: ReturnType<typeof coupleUnits>,
): TensionResult['obstacles'] {
  const obstaclesBy = scores.map((s, j) =>
    laggingObstacles(
      s.matrix01,
      s.weights,
      s.indicators.map((i) => i.id),
      coupled.map((c) => c.lagging === j),
    ),
  );
  const obstacles: TensionResult['obstacles'] = [];
  units.forEach((u, i) => {
    const lag = coupled[i].lagging;
    if (lag === null) return;
    obstaclesBy[lag][i].forEach((o, r) =>
      obstacles.push({
        region: u.region,
        year: u.year,
        subsystem: keyOf(lag)!,
        order: r + 1,
        indicator: o.indicator,
        degree: o.degree,
      }),
    );
  });
  return obstacles;
}

/** Each region's tension in its first and last year with one, regions in code order and the total last. */
function tensionChanges(rows: TensionUnitRow[]): TensionResult['changes'] {
  const changes: TensionResult['changes'] = [];
  const seen = new Map<string, TensionUnitRow[]>();
  for (const r of rows) {
    if (r.tension === null) continue;
    let a = seen.get(r.region);
    if (!a) seen.set(r.region, (a = []));
    a.push(r);
  }
  for (const [region, a] of seen) {
    const first = a[0];
    const last = a[a.length - 1];
    changes.push({
      region,
      fromYear: first.year,
      toYear: last.year,
      from: first.tension!,
      to: last.tension!,
      change: last.tension! - first.tension!,
    });
  }
  return changes.sort((a, b) =>
    a.region === TOTAL ? 1 : b.region === TOTAL ? -1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0,
  );
}

/** The core/periphery Theil decomposition of the tension's resources per resident, with notes on what was left out. */
function theilOf(
  ctx: AnalysisContext,
  t: ResolvedTension,
  core: string[],
): { rows: ResourceTheilRow[]; notes: AnalysisNote[] } {
  const notes: AnalysisNote[] = [];
  let theilRows: ResourceTheilRow[] = [];
  if (t.theil.length) {
    const th = resourceTheil(ctx.cube, ctx.regions, core, t.theil);
    theilRows = th.rows;
    for (const s of th.skipped) {
      const label = t.theil.find((r) => r.id === s.resource)!.label;
      notes.push(
        note('N_TENSION_THEIL_SKIPPED', (l) =>
          msg.noteTensionTheilSkipped(l, l === 'zh' ? label.zh : label.en, s.reason, s.missing),
        ),
      );
    }
    for (const p of th.partial) {
      const label = t.theil.find((r) => r.id === p.resource)!.label;
      notes.push(
        note('N_TENSION_THEIL_PARTIAL', (l) =>
          msg.noteTensionTheilPartial(l, l === 'zh' ? label.zh : label.en, p.year, p.regions),
        ),
      );
    }
  }

  return { rows: theilRows, notes };
}

/** The indicators of a subsystem with their weights, for results.json. */
function indicatorRows(s: SubsystemScores) {
  return s.indicators.map((ind: ResolvedIndicator, j) => ({
    id: ind.id,
    zh: ind.label.zh,
    en: ind.label.en,
    direction: ind.direction,
    unit: ind.unit,
    kind: ind.compute.kind,
    source: ind.source,
    weight: s.weights[j],
    constant: s.constant[j],
    entropy: s.entropy ? num(s.entropy[j]) : null,
  }));
}

/**
 * The triple-tension analysis (Fu (2025)'s 三重张力, docs/METHODS.md "Triple tension"): for
 * each tension of the framework's `"tension"` block and every region-year (plus the
 * province total), the subsystem scores U1 and U2 (indicators normalised over the whole
 * panel and entropy-weighted by default), coupling C, coordination T = αU1 + βU2, coupling
 * coordination D = √(CT), tension = 1 − D, the ten-class label, the lagging subsystem with
 * the gap and the obstacle degrees of its indicators, a seeded Monte Carlo interval over the
 * weights and α/β with a robustness flag for the class, the change since the first year, the
 * core/periphery Theil decomposition of resources per resident, and a verdict per tension.
 * Options: `ctx.options.extra.tension` (`weighting`, `normalize`, `shift`, `variant`, `alpha`,
 * `runs`, `spread`, `alphaSpread`), seed `ctx.options.seed`, framework
 * `ctx.options.config.framework` (default: config/framework/default.json), core
 * `ctx.options.core` or the regions file.
 *
 * @param ctx the analysis context
 * @returns the JSON-friendly tension section
 * @throws SoqaError E_BAD_OPTION / E_CONFIG_SCHEMA / E_FRAMEWORK_INVALID (exit 3)
 * @example
 * runTension(ctx).tensions.find((t) => t.id === 'structural')?.verdict?.en;
 */
export function runTension(ctx: AnalysisContext): TensionSection {
  const options = tensionOptions(ctx);
  const { framework, defaultFramework } = ctx.options.config;
  const { tensions, fromDefault, frameworkId } = resolveTensions(framework, defaultFramework);
  const core = coreRegions(ctx);
  const notes: AnalysisNote[] = [];
  if (fromDefault)
    notes.push(note('N_TENSION_DEFAULT_FRAMEWORK', (l) => msg.noteTensionDefaultFramework(l, frameworkId)));
  if (inputShape(ctx) === 'registry' && ctx.cube.years.length > 1) {
    const last = ctx.cube.years[ctx.cube.years.length - 1];
    notes.push(note('N_TENSION_REGISTRY_YEARS', (l) => msg.noteTensionRegistryYears(l, last)));
  }

  const distinct = new Map<string, ResolvedIndicator>();
  for (const t of tensions)
    for (const s of t.subsystems) for (const i of s.indicators) if (!distinct.has(i.id)) distinct.set(i.id, i);
  const panel = buildTensionPanel(ctx.cube, ctx.regions, [...distinct.values()], core);
  const usedIn = (id: string, lang: msg.Lang) =>
    tensions
      .filter((t) => t.subsystems.some((s) => s.indicators.some((i) => i.id === id)))
      .map((t) => (lang === 'zh' ? t.label.zh : t.label.en));
  for (const s of panel.skipped) {
    notes.push(
      note('N_TENSION_INDICATOR_SKIPPED', (l) => msg.noteTensionIndicatorSkipped(l, s.id, usedIn(s.id, l), s)),
    );
    // an optional regions-file figure (gdp) that is absent is expected: info, not a warning
    const text = msg.noteTensionIndicatorSkipped('en', s.id, usedIn(s.id, 'en'), s);
    if (s.reason === 'missing-region-data') ctx.log.info('I_TENSION_INDICATOR_SKIPPED', text);
    else ctx.log.warn('W_TENSION_INDICATOR_SKIPPED', text);
  }
  const perResident = [...distinct.values()].some(
    (i) => panel.columns.has(i.id) && (i.compute.kind === 'per_population' || i.compute.kind === 'region_attribute'),
  );
  if (panel.populationMissing.length && perResident)
    notes.push(
      note('N_TENSION_POPULATION_MISSING', (l) => msg.noteTensionPopulationMissing(l, panel.populationMissing)),
    );

  const results = tensions.map((t, k) => {
    const scored = scoreTension({ ctx, t, k, panel, options, core });
    notes.push(...scored.notes);
    return scored.result;
  });
  return {
    framework: { id: frameworkId, fromDefault },
    method: tensionMethod(options),
    core,
    years: [...ctx.cube.years],
    skipped: panel.skipped.map((s) => ({
      ...s,
      tensions: tensions
        .filter((t) => t.subsystems.some((x) => x.indicators.some((i) => i.id === s.id)))
        .map((t) => t.id),
    })),
    tensions: results,
    notes,
  };
}

/** How the tension section is computed, for results.json (the run's options filled in). */
function tensionMethod(options: ReturnType<typeof tensionOptions>): TensionSection['method'] {
  return {
    units: `region × year (the organizations of a region in a year) plus the province total of each year (region "${TOTAL}"), which is normalised with the regions but left out of the weights and the verdict`,
    normalization: options.normalize,
    weighting: options.weighting,
    entropyShift: options.weighting === 'entropy' ? options.shift : null,
    zeroGuard: `x″ = ${options.floor} + ${1 - options.floor}·x′ after the min–max step (x′ on [0, 1]), so that no subsystem score is 0 and D = √(C·T) is not forced to 0 by one subsystem at its minimum`,
    subsystemScore:
      "U = Σ_j w_j x″_ij over the subsystem's indicators, x″ normalised onto [floor, 1] with 1 = more modern / more developed, weights computed within the subsystem on the region-years and summing to 1; missing values: the available weights are scaled up",
    informative:
      'a tension whose subsystem rests on at most one indicator with weight is not informative (no finding, the reason is given); a region whose subsystem score sits at a bound (floor or 1) in every year is left out of the verdict with the reason',
    variant: options.variant,
    coupling: COUPLING[options.variant],
    coordination: 'T = αU1 + βU2, β = 1 − α',
    degree: 'D = √(C·T)',
    tension: 'tension = 1 − D',
    classes:
      'ten classes of D in steps of 0.1, from 极度失调 extreme imbalance (D < 0.1) to 优质协调 high-quality coordination (D ≥ 0.9); a D on a boundary goes to the upper class',
    lagging: 'the subsystem with the lower U lags; gap = |U1 − U2|; none when |U1 − U2| ≤ 1e-12',
    obstacle:
      "O_ij = w_j(1 − x′_ij) / Σ_k w_k(1 − x′_ik) over the lagging subsystem's indicators (degrees of a unit add up to 1)",
    monteCarlo: {
      runs: options.runs,
      seed: options.seed,
      spread: options.spread,
      alphaSpread: options.alphaSpread,
      percentiles: '5th and 95th percentile of the tension over the runs (Hyndman–Fan type 7)',
      robust: "a class is robust when D's 5–95% interval lies inside it",
      streams: 'one seeded stream per tension: seed XOR (k + 1)·0x9e3779b9 for the k-th tension (k from 0)',
    },
    theil:
      'Theil T of each resource against population over the regions of a year, decomposed into core/periphery between- and within-group parts; betweenShare = between / total',
    caveat:
      "Fu (2025) names the three tensions but gives no formula; the subsystems, indicators and directions are soqa's operationalisation, arguable and set in the framework file",
  };
}
