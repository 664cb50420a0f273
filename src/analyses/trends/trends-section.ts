import * as msg from '../../core/messages/index.js';
import type { Analysis, AnalysisContext } from '../analysis-context.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import { countTrend, shareTrend, type CountTrend, type ShareTrend } from './series-trend.js';
import { survivorshipBias } from './survivorship.js';
import { typeStockSeries } from './type-stock-series.js';
import { trendVerdict } from './trend-verdict-text.js';

/** Significance level of the trend tests unless `extra.trends.alpha` says otherwise. */
export const DEFAULT_ALPHA = 0.05;

/** One type's trends. */
export interface TypeTrend {
  count: CountTrend;
  share: ShareTrend;
  verdict: { en: string; zh: string };
}

/** The `trends` section of results.json. */
export interface TrendsSection {
  alpha: number;
  /** Years analysed; `requested` is the `--window` as given (null: the whole span of the data). */
  window: { from: number; to: number; requested: [number, number] | null } | null;
  years: number[];
  missingYears: number[];
  types: string[];
  total: CountTrend | null;
  byType: Record<string, TypeTrend>;
  /** The type whose growth has the largest coefficient of variation (null with fewer than 2 comparable types). */
  mostVolatile: string | null;
  notes: AnalysisNote[];
}

/** Per-analysis options read from `ctx.options.extra.trends`. */
interface TrendsExtra {
  window?: [number, number];
  alpha?: number;
}

/**
 * The type-mix trends section: the stock of organizations per year by type, shares,
 * year-on-year growth, CAGR over the window, volatility of growth, Mann–Kendall (tie
 * corrected) with Sen's slope on each type's share and count, and a verdict per type.
 * Registry lists without deregistration data get a survivorship caveat.
 *
 * @param ctx analysis context (`extra.trends.window` = [first, last] year, `extra.trends.alpha`)
 * @returns the section
 * @example
 * trendsSection(ctx).byType.social_group.verdict.en;
 */
export function trendsSection(ctx: AnalysisContext): TrendsSection {
  const extra = (ctx.options.extra.trends ?? {}) as TrendsExtra;
  const alpha = extra.alpha ?? DEFAULT_ALPHA;
  const notes: AnalysisNote[] = [];
  if (survivorshipBias(ctx.rows)) notes.push(note('N_SURVIVORSHIP', (l) => msg.noteSurvivorship(l)));
  const cube = ctx.cube;
  const empty: TrendsSection = {
    alpha,
    window: null,
    years: [],
    missingYears: [],
    types: [],
    total: null,
    byType: {},
    mostVolatile: null,
    notes,
  };
  if (cube.years.length === 0) return empty;
  const span: [number, number] = [cube.years[0], cube.years.at(-1)!];
  let window: [number, number] = span;
  if (extra.window) {
    const asked = extra.window;
    window = [Math.max(asked[0], span[0]), Math.min(asked[1], span[1])];
    if (window[0] > window[1] || !cube.years.some((y) => y >= window[0] && y <= window[1])) {
      notes.push(note('N_WINDOW_EMPTY', (l) => msg.noteWindowEmpty(l, asked, span)));
      return empty;
    }
    if (window[0] !== asked[0] || window[1] !== asked[1])
      notes.push(note('N_WINDOW_CLIPPED', (l) => msg.noteWindowClipped(l, asked, window)));
  }
  const s = typeStockSeries(cube, window);
  if (s.missingYears.length) notes.push(note('N_MISSING_YEARS', (l) => msg.noteMissingYears(l, s.missingYears)));
  const total = countTrend(s.total, s.years, alpha);
  const scopeNotes = (t: string, c: CountTrend): void => {
    const present = c.values.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
    const label = (l: msg.Lang) => msg.orgTypeLabel(l, t);
    if (present.length < 2) notes.push(note('N_SERIES_SHORT', (l) => msg.noteSeriesShort(l, label(l), present.length)));
    else if (c.values[present[0]] === 0)
      notes.push(note('N_CAGR_FROM_ZERO', (l) => msg.noteCagrFromZero(l, label(l), s.years[present[0]])));
    if (c.volatility === null)
      notes.push(note('N_VOLATILITY_UNDEFINED', (l) => msg.noteVolatilityUndefined(l, label(l), 'few')));
    else if (c.volatility.cv === null)
      notes.push(note('N_VOLATILITY_UNDEFINED', (l) => msg.noteVolatilityUndefined(l, label(l), 'zero-mean')));
  };
  scopeNotes('all', total);
  const parts = s.types.map((t) => {
    const count = countTrend(s.counts[t], s.years, alpha);
    scopeNotes(t, count);
    return { t, count, share: shareTrend(s.shares[t], s.years, alpha) };
  });
  const cvs = parts.filter((p) => p.count.volatility?.cv != null);
  const mostVolatile =
    cvs.length >= 2 ? cvs.reduce((a, b) => (b.count.volatility!.cv! > a.count.volatility!.cv! ? b : a)).t : null;
  const byType: Record<string, TypeTrend> = {};
  for (const p of parts) {
    const v = (lang: msg.Lang): string =>
      trendVerdict(lang, {
        type: p.t,
        share: p.share.change,
        shareTest: p.share.test ? { z: p.share.test.z, p: p.share.test.p, slope: p.share.test.slope } : null,
        countTest: p.count.test ? { z: p.count.test.z, p: p.count.test.p } : null,
        cagr: p.count.cagr,
        cv: p.count.volatility?.cv ?? null,
        mostVolatile: mostVolatile === p.t,
        alpha,
      });
    byType[p.t] = { count: p.count, share: p.share, verdict: { en: v('en'), zh: v('zh') } };
  }
  return {
    alpha,
    window: { from: window[0], to: window[1], requested: extra.window ? [extra.window[0], extra.window[1]] : null },
    years: s.years,
    missingYears: s.missingYears,
    types: s.types,
    total,
    byType,
    mostVolatile,
    notes,
  };
}

/** The trends analysis for the registry in `run-analyses.ts`. */
export const trendsAnalysis: Analysis = {
  name: 'trends',
  run: trendsSection,
};
