// The built-in China regions files (data/regions/china-*.json, built by scripts/build-regions.mjs
// from sources/china-census-2020, Lei Dong et al., MIT). Expected numbers come from DOMAIN.md
// ("China beyond Inner Mongolia": the 31 provinces sum to 1,409,778,724; the NBS four regions;
// Inner Mongolia's eight neighbours; Hainan and 三沙 without land neighbours) and from the census
// communiqué as quoted in sources/china-census-2020/README.md (Guangdong 126,012,510; Inner
// Mongolia 24,049,155; 伊金霍洛旗 247,983).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import type { RegionsFile } from '../../../src/domain/regions/regions.js';
import { withinProvince } from '../../../src/ingest/regions/within-regions.js';
import { ROOT } from '../../helpers/run-soqa.js';

const profile = loadProfile('default');
const load = (id: string): RegionsFile => loadRegions(regionsPathFor(profile, id));
const provinces = load('china-provinces');
const prefectures = load('china-prefectures');
const counties = load('china-counties');
const im = load('inner-mongolia');
const byCode = (f: RegionsFile) => new Map(f.regions.map((r) => [r.code, r]));

describe('china-provinces', () => {
  it('has the 31 mainland provincial units, summing to 1,409,778,724 residents (DOMAIN.md)', () => {
    expect(provinces.regions).toHaveLength(31);
    expect(provinces.regions.reduce((a, r) => a + r.population, 0)).toBe(1_409_778_724);
    expect(provinces.regions.some((r) => /香港|澳门|台湾/.test(r.zh))).toBe(false);
    expect(provinces.sources?.coverage).toMatch(/Hong Kong, Macao and Taiwan are left out/);
  });

  it('gives Guangdong 126,012,510 and Inner Mongolia 24,049,155 (census communiqué)', () => {
    expect(byCode(provinces).get('440000')?.population).toBe(126_012_510);
    expect(byCode(provinces).get('150000')?.population).toBe(24_049_155);
  });

  it('groups the provinces into the NBS four regions, 东部 being the core (DOMAIN.md)', () => {
    const count = (g: string) => provinces.regions.filter((r) => r.group === g).length;
    expect([count('东部'), count('中部'), count('西部'), count('东北')]).toEqual([10, 6, 12, 3]);
    for (const r of provinces.regions) expect(r.zone).toBe(r.group === '东部' ? 'core' : 'periphery');
  });

  it('lets Inner Mongolia border exactly 黑龙江 吉林 辽宁 河北 山西 陕西 宁夏 甘肃 (DOMAIN.md)', () => {
    const names = byCode(provinces)
      .get('150000')!
      .neighbours!.map((c) => byCode(provinces).get(c)!.zh)
      .sort();
    expect(names).toEqual(
      ['吉林省', '宁夏回族自治区', '山西省', '河北省', '甘肃省', '辽宁省', '陕西省', '黑龙江省'].sort(),
    );
  });

  it('marks Hainan an island without neighbours; every other province has one', () => {
    const hainan = byCode(provinces).get('460000')!;
    expect(hainan.neighbours).toEqual([]);
    expect(hainan.island).toBe(true);
    expect(provinces.regions.filter((r) => r.island).map((r) => r.code)).toEqual(['460000']);
  });

  it('carries the census covariates in range (urbanRate, aged65Share 0–1; schoolingYears)', () => {
    for (const r of provinces.regions) {
      expect(r.urbanRate).toBeGreaterThan(0);
      expect(r.urbanRate).toBeLessThanOrEqual(1);
      expect(r.aged65Share).toBeGreaterThan(0);
      expect(r.aged65Share).toBeLessThan(1);
      expect(r.schoolingYears).toBeGreaterThan(5);
      expect(r.schoolingYears).toBeLessThan(15);
    }
  });
});

describe('china-prefectures', () => {
  it('adds up to each province exactly (the census county table is in whole persons)', () => {
    const sums = new Map<string, number>();
    for (const r of prefectures.regions) sums.set(r.province!, (sums.get(r.province!) ?? 0) + r.population);
    for (const p of provinces.regions) expect(sums.get(p.code), p.zh).toBe(p.population);
  });

  it('has symmetric neighbour lists, and 三沙 as its only island', () => {
    const map = byCode(prefectures);
    for (const r of prefectures.regions)
      for (const n of r.neighbours ?? []) expect(map.get(n)?.neighbours, `${r.code}–${n}`).toContain(r.code);
    expect(prefectures.regions.filter((r) => r.island).map((r) => r.zh)).toEqual(['三沙市']);
  });

  it('gives short names and 州 forms as aliases, but not a name a province holds (吉林, 海南)', () => {
    const map = byCode(prefectures);
    expect(map.get('440300')!.aliases).toEqual(expect.arrayContaining(['深圳', '深圳市民政局']));
    expect(map.get('422800')!.aliases).toEqual(expect.arrayContaining(['恩施', '恩施州']));
    expect(map.get('220200')!.aliases).not.toContain('吉林');
    expect(map.get('632500')!.aliases).not.toContain('海南');
  });

  it('narrows to one province with --within (Guangdong has 21 prefecture-level cities)', () => {
    const gd = withinProvince(prefectures, '广东省');
    expect(gd.regions).toHaveLength(21);
    expect(withinProvince(prefectures, '440000').regions).toHaveLength(21);
    expect(withinProvince(prefectures, '广东').within).toBe('440000');
    // neighbours outside the province are cut
    for (const r of gd.regions) for (const n of r.neighbours ?? []) expect(n.startsWith('44')).toBe(true);
    expect(() => withinProvince(prefectures, '火星')).toThrow(/--within/);
  });
});

describe('china-counties and inner-mongolia', () => {
  it('rolls every county up to a prefecture of china-prefectures and its province', () => {
    const prefs = byCode(prefectures);
    for (const c of counties.regions) {
      expect(prefs.get(c.parent!), c.code).toBeDefined();
      expect(prefs.get(c.parent!)!.province).toBe(c.province);
    }
    expect(byCode(counties).get('150627')).toMatchObject({ zh: '伊金霍洛旗', population: 247_983, parent: '150600' });
  });

  it('keeps Inner Mongolia’s 12 leagues, core 呼包鄂 and tags, and adds the census fields', () => {
    expect(im.regions).toHaveLength(12);
    expect(im.regions.filter((r) => r.zone === 'core').map((r) => r.code)).toEqual(['150100', '150200', '150600']);
    expect(byCode(im).get('152900')!.tags).toEqual(['pastoral', 'border', 'fragile']);
    expect(im.regions.reduce((a, r) => a + r.population, 0)).toBe(24_049_155);
    for (const r of im.regions) {
      expect(r.urbanRate).toBe(byCode(prefectures).get(r.code)!.urbanRate);
      expect(r.schoolingYears).toBe(byCode(prefectures).get(r.code)!.schoolingYears);
    }
  });

  it('are what scripts/build-regions.mjs builds from sources/ (--check)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-regions.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);
});
