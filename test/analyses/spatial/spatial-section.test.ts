import { describe, expect, it } from 'vitest';
import { spatialSection } from '../../../src/analyses/spatial/spatial-section.js';
import { spatialVerdict, type SpatialVerdictNumbers } from '../../../src/analyses/spatial/spatial-verdict-text.js';
import { nonFinitePaths, tinyContext, tinyCube, tinyRegions, type TinyCell } from '../support/tiny-cube.js';

// A (core, 100 residents) – B (periphery, 100) – C (periphery, 200), neighbours in a chain.
const regions = tinyRegions([
  { code: 'A', population: 100, zone: 'core', neighbours: ['B'], en: 'Alpha', zh: '甲市' },
  { code: 'B', population: 100, zone: 'periphery', neighbours: ['A', 'C'], en: 'Beta', zh: '乙市' },
  { code: 'C', population: 200, zone: 'periphery', neighbours: ['B'], en: 'Gamma', zh: '丙市' },
]);
const c = (region: string, year: number, type: string, count: number, field = ''): TinyCell => ({
  region,
  year,
  type,
  count,
  field,
});
// 2023: A 20, B 10, C 20 (all social groups); 2024: A 30 + 10, B 10, C 10 + 20.
const cube = tinyCube([
  c('A', 2023, 'social_group', 20),
  c('B', 2023, 'social_group', 10),
  c('C', 2023, 'social_group', 20),
  c('A', 2024, 'social_group', 30),
  c('A', 2024, 'private_non_enterprise', 10),
  c('B', 2024, 'social_group', 10),
  c('C', 2024, 'social_group', 10),
  c('C', 2024, 'private_non_enterprise', 20),
]);

describe('spatialSection on a hand-built cube', () => {
  const s = spatialSection(tinyContext(cube, regions));

  it('covers every year, all organizations and each type', () => {
    expect(s.years).toEqual([2023, 2024]);
    expect(s.core).toEqual({ regions: ['A'], source: 'regions-file' });
    const y = s.byYear[1];
    expect(y.all.total).toBe(80);
    expect(Object.keys(y.byType)).toEqual(['social_group', 'private_non_enterprise']);
    // private non-enterprise units 2024: A 10, C 20 → core share 1/3
    expect(y.byType.private_non_enterprise.core!.share).toBeCloseTo(1 / 3, 12);
    // 2023 has no private non-enterprise unit: null measures plus a note
    expect(s.byYear[0].byType.private_non_enterprise.hhi).toBeNull();
    expect(s.byYear[0].byType.private_non_enterprise.notes[0].code).toBe('N_NO_ORGANIZATIONS');
  });

  it("builds each year's verdict from that year's numbers", () => {
    // 2024: core share 40/80, population share 100/400, LQ 2; Theil T = 0.375 ln 1.5 = 0.152;
    // between = 0.5 ln(4/3) = 0.1438 → 94.6% of T; Gini of density 0.28125 (see concentration-profile.test.ts)
    const v = s.byYear[1].verdict;
    expect(v.en).toContain(
      '2024: the core (Alpha) holds 50.0% of organizations with 25.0% of residents (LQ 2.00): organizations concentrate in the core',
    );
    expect(v.en).toContain('Theil T against population 0.152, of which the core–periphery gap is 94.6%');
    expect(v.en).toContain('population-weighted Gini of density 0.281');
    // 3 regions: no randomisation variance (needs 4), so the permutation test alone
    expect(v.en).toMatch(/Moran's I of density -0\.395 \(permutation p = 0\.\d{3} with 9,999 permutations/);
    expect(v.zh).toContain(
      '2024年：核心区（甲市）以25.0%的常住人口集中了50.0%的社会组织（区位商2.00），呈现“中心集聚”',
    );
    // 2023: shares 0.4, 0.2, 0.4 → core 40.0%; T = 0.4 ln 1.6 + 0.6 ln 0.8 = 0.0541
    expect(s.byYear[0].verdict.en).toContain('holds 40.0% of organizations with 25.0% of residents (LQ 1.60)');
    expect(s.byYear[0].verdict.en).toContain('Theil T against population 0.054');
  });

  it('summarises the change over the years and lists headline numbers per year', () => {
    expect(s.summary!.en).toBe(
      "2023–2024: the core's share of organizations rose from 40.0% to 50.0% (+10.0 percentage points); Theil T went from 0.054 to 0.152.",
    );
    expect(s.series.map((r) => r.coreShare)).toEqual([0.4, 0.5]);
    expect(s.series[1].coreLq).toBe(2);
  });

  it('never writes NaN or Infinity', () => {
    expect(nonFinitePaths(s)).toEqual([]);
    expect(s.notes.map((n) => n.code)).toEqual(['N_NO_FIELDS']);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(spatialSection(tinyContext(cube, regions, { seed: 7 })))).toBe(
      JSON.stringify(spatialSection(tinyContext(cube, regions, { seed: 7 }))),
    );
    expect(s.method.moran).toMatchObject({ permutations: 9999, seed: 1, weights: 'W' });
  });
});

describe('spatialSection options and notes', () => {
  it('takes the core from --core (ctx.options.core) and says when the core does not agglomerate', () => {
    const s = spatialSection(tinyContext(cube, regions, { core: ['C'] }));
    expect(s.core).toEqual({ regions: ['C'], source: 'option' });
    // 2024: C holds 30/80 = 37.5% with 200/400 = 50% of residents → LQ 0.75
    expect(s.byYear[1].all.core).toMatchObject({ share: 0.375, popShare: 0.5, lq: 0.75 });
    expect(s.byYear[1].verdict.en).toContain('(LQ 0.75): organizations do not concentrate in the core');
  });

  it('notes core codes that are not regions, and a regions file without a core', () => {
    expect(spatialSection(tinyContext(cube, regions, { core: ['A', 'Q'] })).notes.map((n) => n.code)).toContain(
      'N_CORE_UNKNOWN',
    );
    const noCore = tinyRegions(regions.regions.map((r) => ({ ...r, zone: 'periphery' as const })));
    const s = spatialSection(tinyContext(cube, noCore));
    expect(s.notes.map((n) => n.code)).toContain('N_NO_CORE');
    expect(s.byYear[1].all.core).toBeNull();
    expect(s.summary).toBeNull();
    expect(s.byYear[1].verdict.en).not.toContain('the core');
  });

  it('notes a single region', () => {
    const one = tinyRegions([{ code: 'A', population: 100, zone: 'core' }]);
    const s = spatialSection(tinyContext(tinyCube([c('A', 2024, 'social_group', 5)]), one));
    expect(s.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['N_SINGLE_REGION', 'N_NO_PERIPHERY']));
    expect(s.byYear[0].all.moran).toBeNull();
    expect(nonFinitePaths(s)).toEqual([]);
  });

  it('restricts the years (extra.spatial.years) and reads fields when there are any', () => {
    const withFields = tinyCube([
      c('A', 2024, 'social_group', 10, 'business'),
      c('B', 2024, 'social_group', 5, 'ecology'),
      c('C', 2024, 'social_group', 5, 'charity'),
      c('A', 2023, 'social_group', 3, 'business'),
    ]);
    const s = spatialSection(tinyContext(withFields, regions, { extra: { spatial: { years: [2024] } } }));
    expect(s.years).toEqual([2024]);
    // periphery B + C: ecology 5/10 of the periphery vs 5/20 overall → LQ 2; charity likewise
    expect(s.byYear[0].fields!.literatureClaim).toEqual({
      fields: ['ecology', 'charity'],
      peripheryLq: { ecology: 2, charity: 2 },
      holds: true,
    });
    expect(s.byYear[0].verdict.en).toContain(
      'periphery location quotient ecology & environment 2.00, charity 2.00: the periphery specialises in ecology & environment, charity',
    );
  });
});

describe('the Moran verdict gives both p-values and its basis', () => {
  const base: SpatialVerdictNumbers = {
    year: 2024,
    coreNames: [],
    coreShare: null,
    corePopShare: null,
    coreLq: null,
    theilT: null,
    betweenShare: null,
    giniDensity: null,
    moranI: 0.274,
    moranExpected: -1 / 11,
    moranP: 0.061,
    moranPAnalytic: 0.039,
    permutations: 9999,
    peripheryFields: null,
  };
  it('randomisation p 0.039 and permutation p 0.061 straddle 5%: borderline, both printed', () => {
    const en = spatialVerdict('en', base);
    expect(en).toContain('randomisation p = 0.039, permutation p = 0.061 with 9,999 permutations');
    expect(en).toContain('borderline evidence of clustering');
    expect(spatialVerdict('zh', base)).toContain('集聚的证据处于边界');
  });
  it('both below 5%: significant, said on both tests; both above: not significant, said on both tests', () => {
    expect(spatialVerdict('en', { ...base, moranP: 0.02, moranPAnalytic: 0.01 })).toContain(
      'significant clustering at 5%, both tests p < 0.05',
    );
    expect(spatialVerdict('zh', { ...base, moranP: 0.2, moranPAnalytic: 0.15 })).toContain(
      '在5%水平上无显著空间格局（两种检验均p ≥ 0.05）',
    );
  });
});
