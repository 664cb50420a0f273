import * as msg from '../../core/messages/index.js';
import { rollup } from '../../cube/cube.js';
import { inputShape, type Analysis, type AnalysisContext } from '../analysis-context.js';
import { note, type AnalysisNote } from '../analysis-note.js';
import { orderTypes } from '../order-types.js';
import { SENIOR_SCARCE_THRESHOLD } from './qualification-pyramid.js';
import { staffProfile, type StaffProfile } from './staff-profile.js';
import { staffVerdict } from './staff-verdict-text.js';

/** The input columns the staff section reads. */
export const STAFF_COLUMNS = [
  'cert_junior',
  'cert_mid',
  'cert_senior',
  'staff_fulltime',
  'staff_parttime',
  'staff_college',
  'manager_age',
] as const;

/** One year of the staff section. */
export interface StaffYear {
  year: number;
  all: StaffProfile;
  byRegion: (StaffProfile & { region: string; zh: string; en: string })[];
  byType: (StaffProfile & { type: string })[];
  /** The qualification structure and the check of Fu (2025)'s claim; null without certificate data. */
  verdict: { en: string; zh: string } | null;
}

/** The `staff` section of results.json. */
export interface StaffSection {
  /** The pyramid classification rule and its threshold. */
  rule: { seniorScarceThreshold: number; en: string; zh: string };
  columns: { present: string[]; absent: string[] };
  /** True when the input has none of the staff columns. */
  skipped: boolean;
  years: number[];
  byYear: StaffYear[];
  /** Fu (2025)'s "junior-dominant, senior-scarce" claim in the last year, for all regions together. */
  claim: { year: number; holds: boolean; dominant: string; seniorScarce: boolean; differingRegions: string[] } | null;
  notes: AnalysisNote[];
}

/**
 * The staff qualification section: by year, for all organizations, by region and by type,
 * certified social workers by level with their shares, senior per 100 junior, per 1,000
 * residents, per organization and as a share of staff; education; manager age; full-time vs
 * part-time; the pyramid class (rule in `rule`) and a check of Fu (2025)'s "junior-dominant,
 * senior-scarce" claim that can come out either way. Absent columns skip their parts with
 * a note.
 *
 * @param ctx analysis context
 * @returns the section
 * @example
 * staffSection(ctx).claim?.holds;
 */
export function staffSection(ctx: AnalysisContext): StaffSection {
  const cube = ctx.cube;
  const has = new Set<string>(STAFF_COLUMNS.filter((c) => cube.measures.includes(c)));
  if (cube.measures.includes('manager_young')) has.add('manager_young');
  if (cube.measures.includes('has_fulltime_staff')) has.add('has_fulltime_staff');
  const present = STAFF_COLUMNS.filter((c) => has.has(c));
  const absent = STAFF_COLUMNS.filter((c) => !has.has(c));
  const rule = {
    seniorScarceThreshold: SENIOR_SCARCE_THRESHOLD,
    en: msg.pyramidRule('en', SENIOR_SCARCE_THRESHOLD),
    zh: msg.pyramidRule('zh', SENIOR_SCARCE_THRESHOLD),
  };
  const base = { rule, columns: { present: [...present], absent: [...absent] } };
  if (present.length === 0) {
    const notes = [note('N_STAFF_SKIPPED', (l) => msg.noteStaffSkipped(l))];
    return { ...base, skipped: true, years: [], byYear: [], claim: null, notes };
  }
  const measures = [...has].filter((m) => cube.measures.includes(m));
  const reported = (g: { n: Record<string, number> }): boolean => measures.some((m) => (g.n[m] ?? 0) > 0);
  const years = rollup(cube, ['year'])
    .filter(reported)
    .map((g) => g.key.year as number);
  const residents = ctx.regions.regions.reduce((a, r) => a + (r.population > 0 ? r.population : 0), 0);
  const setup: YearSetup = {
    ctx,
    has,
    regionInfo: new Map(ctx.regions.regions.map((r) => [r.code, r])),
    totalPop: residents > 0 ? residents : null,
    types: orderTypes(cube.types),
  };
  const perYear = years.map((year) => staffYear(year, setup));
  const byYear = perYear.map((y) => y.year);
  const notes = [
    ...absentNotes(has),
    ...(inputShape(ctx) === 'registry' && years.length
      ? [note('N_STAFF_REGISTRY', (l) => msg.noteStaffRegistry(l, years.at(-1)!))]
      : []),
    ...perYear.flatMap((y) => y.notes),
  ];
  return { ...base, skipped: false, years, byYear, claim: staffClaim(byYear), notes };
}

/** N_STAFF_COLUMNS_ABSENT for each group of columns that is partly or wholly absent, naming what it skips. */
function absentNotes(has: ReadonlySet<string>): AnalysisNote[] {
  const groups: [string[], string, string][] = [
    [
      ['cert_junior', 'cert_mid', 'cert_senior'],
      'certified social workers and the pyramid classification',
      '持证社会工作者及层级结构分类',
    ],
    [
      ['staff_fulltime', 'staff_parttime'],
      'full-time vs part-time staff, the share of staff certified and the education share',
      '专兼职结构、持证人员占比与学历结构',
    ],
    [['staff_college'], 'the education structure', '学历结构'],
    [['manager_age'], 'the manager age structure', '负责人年龄结构'],
  ];
  return groups.flatMap(([cols, en, zh]) => {
    const missing = cols.filter((c) => !has.has(c));
    return missing.length
      ? [note('N_STAFF_COLUMNS_ABSENT', (l) => msg.noteStaffColumnsAbsent(l, missing, l === 'zh' ? zh : en))]
      : [];
  });
}

/** What each year of the section reads. */
interface YearSetup {
  ctx: AnalysisContext;
  /** The staff measures the cube has. */
  has: ReadonlySet<string>;
  regionInfo: ReadonlyMap<string, AnalysisContext['regions']['regions'][number]>;
  /** Residents of all regions (null: none known). */
  totalPop: number | null;
  /** Organization types, in report order. */
  types: string[];
}

/** One year: the profile of all organizations, by region and by type, and the verdict (with its note when there is none). */
function staffYear(year: number, setup: YearSetup): { year: StaffYear; notes: AnalysisNote[] } {
  const { ctx, has, regionInfo, totalPop } = setup;
  const inYear = { year };
  const all = staffProfile(rollup(ctx.cube, [], inYear)[0], totalPop, has);
  const byRegion = rollup(ctx.cube, ['region'], inYear).map((g) => {
    const code = g.key.region as string;
    const r = regionInfo.get(code);
    return {
      region: code,
      zh: r?.zh ?? code,
      en: r?.en ?? code,
      ...staffProfile(g, r && r.population > 0 ? r.population : null, has),
    };
  });
  const typeGroups = new Map(rollup(ctx.cube, ['type'], inYear).map((g) => [g.key.type as string, g]));
  const byType = setup.types
    .filter((t) => typeGroups.has(t))
    .map((t) => ({ type: t, ...staffProfile(typeGroups.get(t)!, totalPop, has) }));
  const { verdict, notes } = yearVerdict({ year, all, byRegion }, setup);
  return { year: { year, all, byRegion, byType, verdict }, notes };
}

/**
 * The verdict of a year (null without certificate columns); N_NO_CERTIFIED instead when the
 * year has no certified social workers to classify.
 */
function yearVerdict(
  { year, all, byRegion }: Pick<StaffYear, 'year' | 'all' | 'byRegion'>,
  { has, regionInfo }: YearSetup,
): { verdict: StaffYear['verdict']; notes: AnalysisNote[] } {
  if (!(has.has('cert_junior') && has.has('cert_mid') && has.has('cert_senior'))) return { verdict: null, notes: [] };
  const c = all.certified;
  const p = all.pyramid;
  if (!c || !p || !c.shares)
    return {
      verdict: null,
      notes: [note('N_NO_CERTIFIED', (l) => msg.noteNoCertified(l, year, msg.allRegionsLabel(l)))],
    };
  const label = (code: string, lang: msg.Lang): string => {
    const r = regionInfo.get(code);
    return r ? (lang === 'zh' ? r.zh : r.en) : code;
  };
  const differing = byRegion.filter(
    (r) => r.pyramid && (r.pyramid.dominant !== p.dominant || r.pyramid.seniorScarce !== p.seniorScarce),
  );
  const v = (lang: msg.Lang): string =>
    staffVerdict(lang, {
      year,
      scope: msg.allRegionsLabel(lang),
      total: c.total,
      shares: c.shares!,
      seniorPer100Junior: c.seniorPer100Junior,
      dominant: p.dominant,
      seniorScarce: p.seniorScarce,
      claimHolds: p.claimHolds,
      threshold: SENIOR_SCARCE_THRESHOLD,
      exceptions: differing.map((r) => ({
        name: label(r.region, lang),
        dominant: r.pyramid!.dominant,
        seniorScarce: r.pyramid!.seniorScarce,
      })),
    });
  return { verdict: { en: v('en'), zh: v('zh') }, notes: [] };
}

/** Fu (2025)'s claim in the last year with a pyramid, for all regions together, and the regions that differ (null: no such year). */
function staffClaim(byYear: readonly StaffYear[]): StaffSection['claim'] {
  const last = [...byYear].reverse().find((y) => y.all.pyramid !== null);
  if (!last) return null;
  const p = last.all.pyramid!;
  return {
    year: last.year,
    holds: p.claimHolds,
    dominant: p.dominant,
    seniorScarce: p.seniorScarce,
    differingRegions: last.byRegion
      .filter((r) => r.pyramid && (r.pyramid.dominant !== p.dominant || r.pyramid.seniorScarce !== p.seniorScarce))
      .map((r) => r.region),
  };
}

/** The staff analysis for the registry in `run-analyses.ts`. */
export const staffAnalysis: Analysis = {
  name: 'staff',
  run: staffSection,
};
