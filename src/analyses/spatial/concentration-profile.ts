import * as msg from '../../core/messages/index.js';
import type { Lang } from '../../core/messages/index.js';
import { concentrationRatio } from '../../measures/inequality/concentration-ratio.js';
import { gini } from '../../measures/inequality/gini.js';
import { groupShare } from '../../measures/inequality/group-share.js';
import { hhi } from '../../measures/inequality/hhi.js';
import { hoover } from '../../measures/inequality/hoover.js';
import { locationQuotient } from '../../measures/inequality/location-quotient.js';
import { lorenz } from '../../measures/inequality/lorenz.js';
import { theil, type TheilDecomposition } from '../../measures/inequality/theil.js';
import { finiteOrNull, note, type AnalysisNote } from '../analysis-note.js';
import { densityMoransI, type DensityMoran } from './density-morans-i.js';
import type { RegionUnit } from './region-units.js';

/** One region's line of a {@link ConcentrationProfile}. */
export interface RegionRow {
  region: string;
  zh: string;
  en: string;
  zone: 'core' | 'periphery';
  population: number;
  count: number;
  /** Share of all organizations in scope. */
  share: number;
  /** Share of the residents of the regions with residents; null when the region has none. */
  popShare: number | null;
  /** Organizations per 10,000 residents; null without residents. */
  per10k: number | null;
  /** Location quotient (count share / population share); null without residents. */
  lq: number | null;
}

/** Theil index against population with its exact core/periphery decomposition. */
export interface TheilBlock {
  total: number;
  between: number;
  within: number;
  /** between / total; null when total is 0. */
  betweenShare: number | null;
  /** Per zone: organization share, population share, the index inside the zone, its part of `within`. */
  groups: Record<string, { share: number; popShare: number; within: number; contribution: number }>;
}

/** Concentration of one scope (all organizations, or one type) across regions in one year. */
export interface ConcentrationProfile {
  /** Organizations in scope. */
  total: number;
  /** Residents of the regions with residents (the population base); null when there are none. */
  residents: number | null;
  regions: RegionRow[];
  /** Core set: its organizations, their share, the core's population share and LQ = share / popShare. */
  core: { regions: string[]; count: number; share: number | null; popShare: number | null; lq: number | null } | null;
  /** CR_k: share of the k largest regions, and which they are (ties broken by regions-file order). */
  cr1: { value: number; regions: string[] } | null;
  cr3: { value: number; regions: string[] } | null;
  /** HHI of region shares (0–1 scale), normalised (H − 1/n)/(1 − 1/n), numbers-equivalent 1/H. */
  hhi: { plain: number; normalized: number | null; numbersEquivalent: number } | null;
  /**
   * `counts`: population-form Gini of the region counts (every region weighs the same);
   * `countsCorrected`: the same × n/(n − 1); `densityPopulationWeighted`: Gini of
   * organizations per resident weighted by residents, = 1 − 2·(area under `lorenz`).
   */
  gini: { counts: number; countsCorrected: number | null; densityPopulationWeighted: number | null } | null;
  /** Population-weighted Lorenz curve: regions sorted by density ascending; x = residents, y = organizations (cumulative shares). */
  lorenz: { x: number; y: number; region: string | null }[] | null;
  /** Hoover index ½ Σ |cᵢ/C − pᵢ/P|: share of organizations that would have to move to match the population. */
  hoover: number | null;
  /** Theil T = Σ Sᵢ ln(Sᵢ/Pᵢ) against population, decomposed by zone. */
  theilT: TheilBlock | null;
  /** Theil L = Σ Pᵢ ln(Pᵢ/Sᵢ) (mean log deviation), decomposed by zone; null when a region with residents has no organizations. */
  theilL: TheilBlock | null;
  /** Global Moran's I of organizations per 10,000 residents. */
  moran: DensityMoran | null;
  notes: AnalysisNote[];
}

const theilBlock = (d: TheilDecomposition): TheilBlock => ({
  total: d.total,
  between: d.between,
  within: d.within,
  betweenShare: finiteOrNull(d.betweenShare),
  groups: Object.fromEntries(
    Object.keys(d.groups)
      .sort()
      .map((k) => [k, { ...d.groups[k] }]),
  ),
});

/**
 * Concentration of organizations across regions: counts, shares, density, core share
 * against the core's population share, CR₁ and CR₃, HHI, Gini (three forms) with the
 * population-weighted Lorenz curve, Hoover, Theil T and L with their exact core/periphery
 * decomposition, and Moran's I of density. Regions with population 0 stay in the
 * count-based measures and are left out of the per-resident ones (with a note); whatever
 * cannot be computed is null with a note, never NaN.
 *
 * @param units the regions (regions-file order), with zones
 * @param counts organizations per unit, same order
 * @param options year and scope (for notes), Moran permutations and seed
 * @returns the profile
 * @example
 * concentrationProfile(units, [40, 25, 35], { year: 2024, scope: (l) => msg.orgTypeLabel(l, 'all'), permutations: 999, seed: 1 }).core?.share;
 */
export function concentrationProfile(
  units: readonly RegionUnit[],
  counts: readonly number[],
  options: ProfileOptions,
): ConcentrationProfile {
  const n = units.length;
  const total = counts.reduce((a, b) => a + b, 0);
  const popIdx = units.map((u, i) => (u.population > 0 ? i : -1)).filter((i) => i >= 0);
  const residents = popIdx.reduce((a, i) => a + units[i].population, 0);
  if (total === 0) return noOrganizations(units, residents, options);

  // Count-based measures: every region.
  const order = units.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  const h = hhi(counts);
  // Per-resident measures: regions with residents only.
  const cP = popIdx.map((i) => counts[i]);
  const pP = popIdx.map((i) => units[i].population);
  const perResident = residents > 0 && cP.reduce((a, b) => a + b, 0) > 0;
  const lqByUnit = new Map<number, number>();
  if (perResident) locationQuotient(cP, pP).forEach((v, k) => lqByUnit.set(popIdx[k], v));
  const pr = perResident ? perResidentMeasures(units, { popIdx, counts: cP, population: pP, options }) : null;
  return {
    total,
    residents: residents > 0 ? residents : null,
    regions: units.map((u, i) =>
      regionRow(u, { count: counts[i], share: counts[i] / total, lq: finiteOrNull(lqByUnit.get(i)) }, residents),
    ),
    core: coreBlock(units, counts, residents),
    cr1: { value: concentrationRatio(counts, 1), regions: order.slice(0, 1).map((i) => units[i].code) },
    cr3: { value: concentrationRatio(counts, 3), regions: order.slice(0, 3).map((i) => units[i].code) },
    hhi: { plain: h.hhi, normalized: finiteOrNull(h.normalized), numbersEquivalent: h.numbersEquivalent },
    gini: {
      counts: gini(counts),
      countsCorrected: n >= 2 ? gini(counts, { corrected: true }) : null,
      densityPopulationWeighted: pr ? pr.densityGini : null,
    },
    lorenz: pr ? pr.lorenz : null,
    hoover: pr ? pr.hoover : null,
    theilT: pr ? pr.theilT : null,
    theilL: pr ? pr.theilL : null,
    moran: pr ? pr.moran : null,
    notes: [
      ...zeroPopulationNotes(units, counts, options),
      ...(pr ? pr.notes : [scopedNote(options, 'N_NO_RESIDENTS', (l) => msg.noteNoResidents(l))]),
    ],
  };
}

/** Year and scope (for notes), Moran permutations and seed of {@link concentrationProfile}. */
type ProfileOptions = { year: number; scope: (lang: Lang) => string; permutations: number; seed: number };

/** A note of the profile, said of its year and scope. */
const scopedNote = (options: ProfileOptions, code: string, text: (lang: Lang) => string): AnalysisNote =>
  note(code, (l) => msg.scopedNote(l, options.year, options.scope(l), text(l)));

/** A region's line: its count, share and LQ, with its population share and density. */
function regionRow(
  u: RegionUnit,
  { count, share, lq }: Pick<RegionRow, 'count' | 'share' | 'lq'>,
  residents: number,
): RegionRow {
  return {
    region: u.code,
    zh: u.zh,
    en: u.en,
    zone: u.zone,
    population: u.population,
    count,
    share,
    popShare: residents > 0 && u.population > 0 ? u.population / residents : null,
    per10k: u.population > 0 ? (count / u.population) * 10000 : null,
    lq,
  };
}

/** The profile of a scope without organizations: the regions with zero counts, every measure null, a note. */
function noOrganizations(
  units: readonly RegionUnit[],
  residents: number,
  options: ProfileOptions,
): ConcentrationProfile {
  return {
    total: 0,
    residents: residents > 0 ? residents : null,
    regions: units.map((u) => regionRow(u, { count: 0, share: 0, lq: null }, residents)),
    core: null,
    cr1: null,
    cr3: null,
    hhi: null,
    gini: null,
    lorenz: null,
    hoover: null,
    theilT: null,
    theilL: null,
    moran: null,
    notes: [note('N_NO_ORGANIZATIONS', (l) => msg.noteNoOrganizations(l, options.scope(l), options.year))],
  };
}

/** N_NO_POPULATION when regions without residents have organizations (left out of the per-resident measures). */
function zeroPopulationNotes(
  units: readonly RegionUnit[],
  counts: readonly number[],
  options: ProfileOptions,
): AnalysisNote[] {
  const zeroPopWithOrgs = units.map((u, i) => (u.population > 0 || counts[i] === 0 ? -1 : i)).filter((i) => i >= 0);
  if (!zeroPopWithOrgs.length) return [];
  const lost = zeroPopWithOrgs.reduce((a, i) => a + counts[i], 0);
  const codes = zeroPopWithOrgs.map((i) => units[i].code);
  return [scopedNote(options, 'N_NO_POPULATION', (l) => msg.noteNoPopulation(l, codes, lost))];
}

/** The core set's organizations, share, population share and LQ (null without core regions). */
function coreBlock(
  units: readonly RegionUnit[],
  counts: readonly number[],
  residents: number,
): ConcentrationProfile['core'] {
  const coreCodes = units.filter((u) => u.zone === 'core').map((u) => u.code);
  if (coreCodes.length === 0) return null;
  const byCode = Object.fromEntries(units.map((u, i) => [u.code, counts[i]]));
  const coreCount = coreCodes.reduce((a, c) => a + byCode[c], 0);
  const share = groupShare(byCode, coreCodes);
  const corePop = units.filter((u) => u.zone === 'core').reduce((a, u) => a + u.population, 0);
  const popShare = residents > 0 ? corePop / residents : null;
  return {
    regions: coreCodes,
    count: coreCount,
    share,
    popShare,
    lq: popShare !== null && popShare > 0 ? share / popShare : null,
  };
}

/** The regions with residents, for {@link perResidentMeasures}. */
interface ResidentRegions {
  /** Their indexes into the units. */
  popIdx: number[];
  counts: number[];
  population: number[];
  options: ProfileOptions;
}

/** The per-resident measures: Lorenz curve, density Gini, Hoover, Theil T and L, Moran's I, with their notes. */
function perResidentMeasures(
  units: readonly RegionUnit[],
  { popIdx, counts: cP, population: pP, options }: ResidentRegions,
) {
  const notes: AnalysisNote[] = [];
  const density = cP.map((c, k) => (c / pP[k]) * 10000);
  const sorted = popIdx.map((_, k) => k).sort((a, b) => density[a] - density[b]);
  const points = lorenz(cP, { population: pP });
  const groups = popIdx.map((i) => units[i].zone);
  const theilT = theilBlock(theil(cP, { population: pP, groups }));
  if (theilT.betweenShare === null) notes.push(scopedNote(options, 'N_THEIL_ZERO', (l) => msg.noteTheilZero(l, 'T')));
  const noOrgs = popIdx.filter((_, k) => cP[k] === 0).map((i) => units[i].code);
  let theilL: TheilBlock | null = null;
  if (noOrgs.length) notes.push(scopedNote(options, 'N_THEIL_L_INFINITE', (l) => msg.noteTheilLInfinite(l, noOrgs)));
  else {
    theilL = theilBlock(theil(cP, { type: 'L', population: pP, groups }));
    if (theilL.betweenShare === null) notes.push(scopedNote(options, 'N_THEIL_ZERO', (l) => msg.noteTheilZero(l, 'L')));
  }
  const m = densityMoransI(
    popIdx.map((i) => units[i]),
    density,
    { permutations: options.permutations, seed: options.seed },
  );
  notes.push(
    ...m.notes.map((x) => ({
      code: x.code,
      en: msg.scopedNote('en', options.year, options.scope('en'), x.en),
      zh: msg.scopedNote('zh', options.year, options.scope('zh'), x.zh),
    })),
  );
  return {
    lorenz: points.map((p, k) => ({ x: p.x, y: p.y, region: k === 0 ? null : units[popIdx[sorted[k - 1]]].code })),
    densityGini: gini(density, { weights: pP }),
    hoover: hoover(cP, pP),
    theilT,
    theilL,
    moran: m.moran,
    notes,
  };
}
