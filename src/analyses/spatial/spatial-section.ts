import * as msg from '../../core/messages/index.js';
import { rollup } from '../../cube/cube.js';
import { coreRegions, type Analysis, type AnalysisContext } from '../analysis-context.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import { orderTypes } from '../order-types.js';
import { concentrationProfile, type ConcentrationProfile } from './concentration-profile.js';
import { fieldSpecialisation, type FieldSpecialisation } from './field-specialisation.js';
import { regionUnits, type RegionUnit } from './region-units.js';
import { densityLisa, type DensityLisa } from './density-lisa.js';
import { spatialChangeVerdict, spatialVerdict } from './spatial-verdict-text.js';

/** Permutations of the Moran's I permutation test unless `extra.spatial.permutations` says otherwise. */
export const DEFAULT_PERMUTATIONS = 9999;

/** The randomisation (analytic) p of Moran's I, one-sided in the direction of the observed I, like the permutation p. */
const moranPAnalytic = (m: ConcentrationProfile['moran']): number | null => {
  if (!m || m.pRandomisationGreater === null) return null;
  return m.I >= m.expected ? m.pRandomisationGreater : 1 - m.pRandomisationGreater;
};

/** One year of the spatial section. */
export interface SpatialYear {
  year: number;
  all: ConcentrationProfile;
  byType: Record<string, ConcentrationProfile>;
  /** Field × region location quotients; null when the input has no field column. */
  fields: FieldSpecialisation | null;
  verdict: { en: string; zh: string };
}

/** The `spatial` section of results.json. */
export interface SpatialSection {
  method: {
    giniForms: string[];
    lorenz: string;
    theil: string;
    locationQuotient: string;
    moran: { variable: string; weights: 'W'; permutations: number; seed: number; pValues: string[] };
  };
  core: { regions: string[]; source: 'option' | 'regions-file' };
  years: number[];
  /** Headline numbers per year (all organizations), for charts and quick reading. */
  series: {
    year: number;
    total: number;
    coreShare: number | null;
    corePopShare: number | null;
    coreLq: number | null;
    hhi: number | null;
    giniDensity: number | null;
    hoover: number | null;
    theilT: number | null;
    theilBetweenShare: number | null;
    moranI: number | null;
    moranPPseudo: number | null;
    /** Randomisation (analytic) p, one-sided in the direction of the observed I. */
    moranPRandomisation: number | null;
  }[];
  byYear: SpatialYear[];
  /** Local Moran (LISA) of density in the latest year, all organizations; null when undefined (see notes). */
  lisa: DensityLisa | null;
  /** How the core share and Theil T changed from the first to the last year. */
  summary: { en: string; zh: string } | null;
  notes: AnalysisNote[];
}

/** Per-analysis options read from `ctx.options.extra.spatial`. */
interface SpatialExtra {
  /** Only these years (default: all years of the cube). */
  years?: number[];
  /** Moran permutations (default 9,999). */
  permutations?: number;
}

const names = (units: readonly RegionUnit[], codes: readonly string[], lang: msg.Lang): string[] =>
  codes.map((c) => {
    const u = units.find((x) => x.code === c);
    return u ? (lang === 'zh' ? u.zh : u.en) : c;
  });

/**
 * The spatial concentration section: per year, for all organizations and for each type,
 * counts, shares and density by region, the core's share against its population share,
 * CR₁/CR₃, HHI, Gini with the Lorenz curve, Hoover, Theil T and L with the core/periphery
 * decomposition, location quotients (overall and field × region) and Moran's I of density,
 * plus a verdict per year in Chinese and English built from these numbers.
 *
 * @param ctx analysis context (core from `--core` or the regions file; seed for permutations)
 * @returns the section
 * @example
 * spatialSection(ctx).byYear.at(-1)?.verdict.en;
 */
export function spatialSection(ctx: AnalysisContext): SpatialSection {
  const extra = (ctx.options.extra.spatial ?? {}) as SpatialExtra;
  const permutations = extra.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = ctx.options.seed;
  const core = coreRegions(ctx);
  const units = regionUnits(ctx.regions, core);
  const coreCodes = units.filter((u) => u.zone === 'core').map((u) => u.code);
  const cube = ctx.cube;
  const years = extra.years ? cube.years.filter((y) => extra.years!.includes(y)) : cube.years;
  const hasFields = cube.fields.some((f) => f !== '');
  const setup: YearSetup = {
    ctx,
    units,
    coreCodes,
    types: orderTypes(cube.types),
    countsFor: regionCounter(ctx, units),
    hasFields,
    permutations,
    seed,
  };
  const byYear = years.map((year) => spatialYear(year, setup));
  const series = byYear.map(seriesRow);
  const lastYear = years.at(-1);
  const lisaRun =
    lastYear === undefined
      ? null
      : densityLisa(units, setup.countsFor(lastYear), { year: lastYear, permutations, seed });
  return {
    method: spatialMethod(permutations, seed),
    core: { regions: coreCodes, source: ctx.options.core ? 'option' : 'regions-file' },
    years,
    series,
    byYear,
    lisa: lisaRun?.lisa ?? null,
    summary: changeSummary(series),
    notes: [...setupNotes(ctx, { core, units, hasFields }), ...(lisaRun ? lisaRun.notes : [])],
  };
}

/** What each year of the section reads. */
interface YearSetup {
  ctx: AnalysisContext;
  units: RegionUnit[];
  coreCodes: string[];
  /** Organization types, in report order. */
  types: string[];
  /** Organizations per unit in a year (of one type when given). */
  countsFor: (year: number, type?: string) => number[];
  hasFields: boolean;
  permutations: number;
  seed: number;
}

/** The notes on the setup: unknown core regions, no core or no periphery, a single region, no field column. */
function setupNotes(
  ctx: AnalysisContext,
  { core, units, hasFields }: { core: string[]; units: RegionUnit[]; hasFields: boolean },
): AnalysisNote[] {
  const notes: AnalysisNote[] = [];
  const known = new Set(ctx.regions.regions.map((r) => r.code));
  const unknown = core.filter((c) => !known.has(c));
  if (unknown.length) notes.push(note('N_CORE_UNKNOWN', (l) => msg.noteCoreUnknown(l, unknown)));
  const coreCount = units.filter((u) => u.zone === 'core').length;
  if (coreCount === 0) notes.push(note('N_NO_CORE', (l) => msg.noteNoCore(l)));
  else if (coreCount === units.length) notes.push(note('N_NO_PERIPHERY', (l) => msg.noteNoPeriphery(l)));
  if (units.length === 1) notes.push(note('N_SINGLE_REGION', (l) => msg.noteSingleRegion(l)));
  if (!hasFields) notes.push(note('N_NO_FIELDS', (l) => msg.noteNoFields(l)));
  return notes;
}

/** Organizations per unit (regions-file order) in a year, of all types or of one. */
function regionCounter(ctx: AnalysisContext, units: readonly RegionUnit[]): YearSetup['countsFor'] {
  const unitIndex = new Map(units.map((u, i) => [u.code, i]));
  return (year, type) => {
    const counts = new Array<number>(units.length).fill(0);
    for (const g of rollup(ctx.cube, ['region'], type === undefined ? { year } : { year, type })) {
      const i = unitIndex.get(g.key.region as string);
      if (i !== undefined) counts[i] += g.count;
    }
    return counts;
  };
}

/** One year: the profile of all organizations and of each type, field specialisation and the verdict. */
function spatialYear(year: number, setup: YearSetup): SpatialYear {
  const { units, countsFor } = setup;
  const opts = { year, permutations: setup.permutations, seed: setup.seed };
  const all = concentrationProfile(units, countsFor(year), { ...opts, scope: (l) => msg.orgTypeLabel(l, 'all') });
  const byType = Object.fromEntries(
    setup.types.map((t) => [
      t,
      concentrationProfile(units, countsFor(year, t), { ...opts, scope: (l) => msg.orgTypeLabel(l, t) }),
    ]),
  );
  const fields = setup.hasFields ? fieldSpecialisation(setup.ctx.cube, year, units, setup.ctx.fieldsOfActivity) : null;
  const verdict = (lang: msg.Lang): string => yearVerdict(lang, { year, all, fields, setup });
  return { year, all, byType, fields, verdict: { en: verdict('en'), zh: verdict('zh') } };
}

/** The verdict of a year in `lang`, from the profile of all organizations and the field specialisation. */
function yearVerdict(
  lang: msg.Lang,
  {
    year,
    all,
    fields,
    setup,
  }: { year: number; all: ConcentrationProfile; fields: FieldSpecialisation | null; setup: YearSetup },
): string {
  const { units, coreCodes } = setup;
  const twoZones = coreCodes.length > 0 && coreCodes.length < units.length;
  return spatialVerdict(lang, {
    year,
    coreNames: names(units, coreCodes, lang),
    coreShare: all.core?.share ?? null,
    corePopShare: all.core?.popShare ?? null,
    coreLq: all.core?.lq ?? null,
    theilT: all.theilT?.total ?? null,
    betweenShare: twoZones ? (all.theilT?.betweenShare ?? null) : null,
    giniDensity: all.gini?.densityPopulationWeighted ?? null,
    moranI: all.moran?.I ?? null,
    moranExpected: all.moran?.expected ?? null,
    moranP: all.moran?.permutation?.pPseudo ?? null,
    moranPAnalytic: moranPAnalytic(all.moran),
    permutations: setup.permutations,
    peripheryFields:
      fields && fields.literatureClaim.holds !== null && coreCodes.length > 0
        ? fields.literatureClaim.fields.map((f) => {
            const row = fields.rows.find((r) => r.field === f)!;
            return { name: lang === 'zh' ? row.zh : row.en, lq: row.peripheryLq as number };
          })
        : null,
  });
}

/** The headline numbers of a year (all organizations). */
function seriesRow(y: SpatialYear): SpatialSection['series'][number] {
  return {
    year: y.year,
    total: y.all.total,
    coreShare: y.all.core?.share ?? null,
    corePopShare: y.all.core?.popShare ?? null,
    coreLq: y.all.core?.lq ?? null,
    hhi: y.all.hhi?.plain ?? null,
    giniDensity: y.all.gini?.densityPopulationWeighted ?? null,
    hoover: y.all.hoover,
    theilT: y.all.theilT?.total ?? null,
    theilBetweenShare: y.all.theilT?.betweenShare ?? null,
    moranI: y.all.moran?.I ?? null,
    moranPPseudo: y.all.moran?.permutation?.pPseudo ?? null,
    moranPRandomisation: moranPAnalytic(y.all.moran),
  };
}

/** How the core share and Theil T changed from the first to the last year with a core share (null: fewer than two such years). */
function changeSummary(series: SpatialSection['series']): SpatialSection['summary'] {
  const withCore = series.filter((s) => s.coreShare !== null);
  const first = withCore[0];
  const last = withCore.at(-1);
  if (!(first && last && first.year !== last.year)) return null;
  return Object.fromEntries(
    (['en', 'zh'] as const).map((l) => [
      l,
      spatialChangeVerdict(
        l,
        { year: first.year, coreShare: first.coreShare!, theilT: first.theilT },
        { year: last.year, coreShare: last.coreShare!, theilT: last.theilT },
      ),
    ]),
  ) as { en: string; zh: string };
}

/** The method block of the section: the measures' forms and the Moran test's settings. */
function spatialMethod(permutations: number, seed: number): SpatialSection['method'] {
  return {
    giniForms: [
      'counts: population form Σ(2i−n−1)x₍ᵢ₎/(nΣx)',
      'countsCorrected: × n/(n−1)',
      'densityPopulationWeighted: Gini of organizations per resident weighted by residents',
    ],
    lorenz: 'regions sorted by density ascending; x = cumulative residents share, y = cumulative organizations share',
    theil:
      'T = Σ Sᵢ ln(Sᵢ/Pᵢ), L = Σ Pᵢ ln(Pᵢ/Sᵢ), Sᵢ organization share, Pᵢ population share; groups = core, periphery',
    locationQuotient: 'region: (cᵢ/C)/(pᵢ/P); field × region: (x_fr/X_·r)/(X_f·/X_··)',
    moran: {
      variable: 'organizations per 10,000 residents',
      weights: 'W',
      permutations,
      seed,
      pValues: [
        'Greater: one-sided, H1 positive autocorrelation',
        'TwoSided: 2·P(Z > |z|)',
        'pPseudo: (larger + 1)/(permutations + 1), one-sided in the direction of the observed I',
        'series.moranPRandomisation: the randomisation p one-sided in the direction of the observed I (pRandomisationGreater, or 1 − it when I < E[I])',
        'verdict: significant when both the randomisation p and the permutation p are below 0.05, not significant when both are at or above it, borderline when they straddle 0.05',
      ],
    },
  };
}

/** The spatial analysis for the registry in `run-analyses.ts`. */
export const spatialAnalysis: Analysis = {
  name: 'spatial',
  run: spatialSection,
};
