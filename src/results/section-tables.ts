import type { Results } from './results.js';
import type { SectionTable } from './section-table.js';
import { riskTables, staffTable, tensionUnitsTable } from './section-tables-staff-risk.js';

export type { SectionTable } from './section-table.js';

type Row = Record<string, unknown>;
type Names = (code: unknown) => { region_zh: unknown; region_en: unknown };

/** The pseudo-region of all regions together (indicators, tension). */
const TOTAL_NAMES = { region_zh: '全部地区', region_en: 'all regions' };

/**
 * Region names by code, from `results.regions` (the `total` pseudo-region named "all regions").
 *
 * @param results the results
 * @returns a lookup from code to `{ region_zh, region_en }` (empty names for an unknown code)
 * @example
 * regionNames(results)('150100'); // => { region_zh: '呼和浩特市', region_en: 'Hohhot' }
 */
export function regionNames(results: Results): Names {
  const byCode = new Map(
    ((results.regions ?? []) as { code: string; zh?: string; en?: string }[]).map((r) => [String(r.code), r]),
  );
  return (code) => {
    if (code === 'total') return TOTAL_NAMES;
    const r = byCode.get(String(code));
    return { region_zh: r?.zh ?? null, region_en: r?.en ?? null };
  };
}

const arr = (x: unknown): Row[] => (Array.isArray(x) ? (x as Row[]) : []);
const obj = (x: unknown): Row => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Row) : {});

function indicatorTables(results: Results, names: Names): SectionTable[] {
  const ind = obj(results.analyses.indicators);
  if (!Array.isArray(ind.scores)) return [];
  const layers = arr(ind.layers).map((l) => String(l.id));
  const layerOf = new Map(arr(ind.indicators).map((i) => [i.id, i.layer]));
  const layerWeight = new Map(arr(ind.layers).map((l) => [l.id, l.weight]));
  const values = arr(ind.values).map((v) => ({
    region: v.region,
    ...names(v.region),
    year: v.year,
    indicator: v.indicator,
    layer: layerOf.get(v.indicator) ?? null,
    raw: v.raw,
    normalized: v.normalized,
  }));
  const unc = new Map(arr(ind.uncertainty).map((u) => [`${String(u.region)}|${String(u.year)}`, u]));
  const scores = arr(ind.scores).map((s) => {
    const u = unc.get(`${String(s.region)}|${String(s.year)}`);
    return {
      region: s.region,
      ...names(s.region),
      year: s.year,
      ...Object.fromEntries(layers.map((l) => [`score_${l}`, s[l]])),
      composite: s.composite,
      rank: s.rank,
      topsis: s.topsis,
      topsis_rank: s.topsisRank,
      median_rank: u?.medianRank ?? null,
      rank_p05: u?.p05 ?? null,
      rank_p95: u?.p95 ?? null,
    };
  });
  const weights = arr(ind.indicators).map((i) => ({
    indicator: i.id,
    indicator_zh: i.zh,
    indicator_en: i.en,
    layer: i.layer,
    layer_weight: layerWeight.get(i.layer) ?? null,
    direction: i.direction,
    unit: i.unit,
    kind: i.kind,
    weight: i.weight,
    constant: i.constant,
    entropy: i.entropy,
    divergence: i.divergence,
    dispersion: i.dispersion,
    conflict: i.conflict,
  }));
  const place = ['region', 'region_zh', 'region_en', 'year'];
  return [
    {
      file: 'indicator-values.csv',
      columns: [...place, 'indicator', 'layer', 'raw', 'normalized'],
      rows: values,
    },
    {
      file: 'indicator-scores.csv',
      columns: [
        ...place,
        ...layers.map((l) => `score_${l}`),
        'composite',
        'rank',
        'topsis',
        'topsis_rank',
        'median_rank',
        'rank_p05',
        'rank_p95',
      ],
      rows: scores,
    },
    {
      file: 'indicator-weights.csv',
      columns: Object.keys(weights[0] ?? { indicator: 0 }),
      rows: weights,
    },
  ];
}

/** Columns of `tables/spatial-units.csv`. */
const SPATIAL_UNIT_COLUMNS = [
  'year',
  'type',
  'region',
  'region_zh',
  'region_en',
  'zone',
  'population',
  'count',
  'share',
  'pop_share',
  'per_10k',
  'lq',
];

function spatialTables(results: Results): SectionTable[] {
  const spatial = obj(results.analyses.spatial);
  if (!Array.isArray(spatial.byYear)) return [];
  const rows: Row[] = [];
  for (const y of arr(spatial.byYear)) {
    const groups: [string, unknown][] = [['all', y.all], ...Object.entries(obj(y.byType))];
    for (const [type, g] of groups)
      for (const r of arr(obj(g).regions))
        rows.push({
          year: y.year,
          type,
          region: r.region,
          region_zh: r.zh,
          region_en: r.en,
          zone: r.zone,
          population: r.population,
          count: r.count,
          share: r.share,
          pop_share: r.popShare,
          per_10k: r.per10k,
          lq: r.lq,
        });
  }
  const series = arr(spatial.series).map((s) => ({
    year: s.year,
    total: s.total,
    core_share: s.coreShare,
    core_pop_share: s.corePopShare,
    core_lq: s.coreLq,
    hhi: s.hhi,
    gini_density: s.giniDensity,
    hoover: s.hoover,
    theil_t: s.theilT,
    theil_between_share: s.theilBetweenShare,
    moran_i: s.moranI,
    moran_p_pseudo: s.moranPPseudo,
    moran_p_randomisation: s.moranPRandomisation,
  }));
  return [
    { file: 'spatial-units.csv', columns: SPATIAL_UNIT_COLUMNS, rows },
    { file: 'spatial-years.csv', columns: Object.keys(series[0] ?? { year: 0 }), rows: series },
  ];
}

function trendTables(results: Results): SectionTable[] {
  const trends = obj(results.analyses.trends);
  if (!Array.isArray(trends.years)) return [];
  const years = trends.years as unknown[];
  const byType = obj(trends.byType);
  const series: [string, Row, Row | undefined][] = [
    ['total', obj(trends.total), undefined],
    ...Object.entries(byType).map(([t, v]): [string, Row, Row] => [t, obj(obj(v).count), obj(obj(v).share)]),
  ];
  const yearly: Row[] = [];
  for (const [type, count, share] of series)
    years.forEach((year, i) =>
      yearly.push({
        type,
        year,
        count: (count.values as unknown[] | undefined)?.[i] ?? null,
        growth: (count.growth as unknown[] | undefined)?.[i] ?? null,
        share: share ? ((share.values as unknown[] | undefined)?.[i] ?? null) : 1,
      }),
    );
  const summary = series.map(([type, count, share]) => {
    const vol = obj(count.volatility);
    const ct = obj(count.test);
    const st = obj(share?.test);
    const verdict = obj(obj(byType[type]).verdict);
    return {
      type,
      cagr: count.cagr ?? null,
      mean_growth: vol.meanGrowth ?? null,
      sd_growth: vol.sdGrowth ?? null,
      growth_cv: vol.cv ?? null,
      count_trend: ct.trend ?? null,
      count_p: ct.p ?? null,
      count_tau: ct.tau ?? null,
      count_sen_slope: ct.slope ?? null,
      share_from: obj(share?.change).from ?? null,
      share_to: obj(share?.change).to ?? null,
      share_trend: st.trend ?? null,
      share_p: st.p ?? null,
      share_tau: st.tau ?? null,
      share_sen_slope: st.slope ?? null,
      verdict_zh: verdict.zh ?? null,
      verdict_en: verdict.en ?? null,
    };
  });
  return [
    { file: 'trends-by-type-year.csv', columns: ['type', 'year', 'count', 'growth', 'share'], rows: yearly },
    { file: 'trends-by-type.csv', columns: Object.keys(summary[0] ?? { type: 0 }), rows: summary },
  ];
}

/** One unit of `--each region` beside the whole input (`analyses.unit`): one row, or no table. */
function unitTable(results: Results): SectionTable[] {
  const u = results.analyses.unit;
  if (!u || typeof u !== 'object' || Array.isArray(u)) return [];
  const x = u;
  const row = {
    year: x.year,
    region: x.code,
    region_zh: x.zh ?? null,
    region_en: x.en ?? null,
    level: x.level,
    regions: x.regions,
    count: x.count,
    total: x.total,
    share: x.share,
    rank: x.rank,
    of: x.of,
    population: x.population,
    per_10k: x.per10k,
    per_10k_rank: x.per10kRank,
    composite: x.composite,
    composite_rank: x.compositeRank,
  };
  return [{ file: 'unit-comparison.csv', columns: Object.keys(row), rows: [row] }];
}

/**
 * The tables behind the sections of results.json, beyond `counts-by-year-region-type.csv`
 * and `spatial-regions.csv`: indicator values, scores and weights, spatial units and years,
 * trends by type, staff, tension units, risk totals and a unit's comparison with the whole
 * input (docs/RESULTS.md "Tables"). A section
 * missing or skipped in the results gives no table. Pure; rows in the order of results.json.
 *
 * @param results the results
 * @returns the tables, in a fixed order
 * @example
 * sectionTables(results).map((t) => t.file); // => ['indicator-values.csv', 'indicator-scores.csv', …]
 */
export function sectionTables(results: Results): SectionTable[] {
  return sectionTableMakers(results).flatMap((make) => make());
}

/**
 * The tables of {@link sectionTables}, section by section, each made when its function is
 * called: a writer that writes each section's tables before making the next holds the rows of
 * one section at a time (a registry list's spatial units: tens of thousands of rows).
 *
 * @param results the results
 * @returns one function per section, in the order of {@link sectionTables}, each giving its tables (or none)
 * @example
 * sectionTableMakers(results).flatMap((make) => make()); // the same tables as sectionTables(results)
 */
export function sectionTableMakers(results: Results): (() => SectionTable[])[] {
  const names = regionNames(results);
  return [
    () => indicatorTables(results, names),
    () => spatialTables(results),
    () => trendTables(results),
    () => staffTable(results),
    () => tensionUnitsTable(results, names),
    () => riskTables(results),
    () => unitTable(results),
  ];
}
