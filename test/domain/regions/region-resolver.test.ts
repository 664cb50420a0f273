import { describe, expect, it } from 'vitest';
import { regionResolver } from '../../../src/domain/regions/region-resolver.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import type { RegionsFile } from '../../../src/domain/regions/regions.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';

const im = loadRegions(regionsPathFor(loadProfile('default')));
const resolve = regionResolver(im, loadChinaGazetteer);

describe('regionResolver (Inner Mongolia regions file)', () => {
  it('has the 12 league-level units of DOMAIN.md', () => {
    expect(im.regions.map((r) => r.code)).toEqual([
      '150100',
      '150200',
      '150300',
      '150400',
      '150500',
      '150600',
      '150700',
      '150800',
      '150900',
      '152200',
      '152500',
      '152900',
    ]);
  });

  it('resolves the 6-digit code itself', () => {
    for (const r of im.regions) expect(resolve(r.code)).toBe(r.code);
  });

  it('resolves Chinese names with and without the 市/盟 suffix, and English names in any case', () => {
    // DOMAIN.md regions table: 150100 呼和浩特市 Hohhot, 150600 鄂尔多斯市 Ordos, 152200 兴安盟 Hinggan
    expect(resolve('呼和浩特市')).toBe('150100');
    expect(resolve('呼和浩特')).toBe('150100');
    expect(resolve('鄂尔多斯')).toBe('150600');
    expect(resolve('兴安盟')).toBe('152200');
    expect(resolve('兴安')).toBe('152200');
    expect(resolve('Hohhot')).toBe('150100');
    expect(resolve('ORDOS')).toBe('150600');
    expect(resolve(' alxa ')).toBe('152900');
  });

  it('rolls a county (banner) code up to its league or city', () => {
    // DOMAIN.md seed 004: Ejin Horo Banner (150627) is in Ordos (150600)
    expect(resolve('150627')).toBe('150600');
    expect(resolve('152921')).toBe('152900');
  });

  it('reads the first six digits of a 12-digit statistical division code', () => {
    expect(resolve('150100000000')).toBe('150100');
    expect(resolve('150627100000')).toBe('150600');
  });

  it('reads full-width digits', () => {
    expect(resolve('１５０２００')).toBe('150200');
  });

  it('returns null for what names no region of the file', () => {
    expect(resolve('150000')).toBeNull(); // the province itself
    expect(resolve('110100')).toBeNull(); // Beijing
    expect(resolve('北京市')).toBeNull();
    expect(resolve('')).toBeNull();
    expect(resolve('1501')).toBeNull();
  });

  it('gives the same answer when asked twice (cache)', () => {
    expect(resolve('包头')).toBe('150200');
    expect(resolve('包头')).toBe('150200');
    expect(resolve('nowhere')).toBeNull();
    expect(resolve('nowhere')).toBeNull();
  });

  it('uses the aliases of a regions file, the first region winning a shared key', () => {
    const file: RegionsFile = {
      id: 't',
      regions: [
        { code: '150100', zh: '呼和浩特市', en: 'Hohhot', population: 1, zone: 'core', aliases: ['青城'] },
        { code: '150200', zh: '包头市', en: 'Baotou', population: 1, zone: 'core', aliases: ['青城', '鹿城'] },
      ],
    };
    const r = regionResolver(file, loadChinaGazetteer);
    expect(r('青城')).toBe('150100');
    expect(r('鹿城')).toBe('150200');
  });
});

describe('regionResolver: names at any level, full names, authorities (DOMAIN.md "China beyond Inner Mongolia")', () => {
  const load = (id: string) => loadRegions(regionsPathFor(loadProfile('default'), id));
  const provinces = regionResolver(load('china-provinces'), loadChinaGazetteer);
  const prefectures = regionResolver(load('china-prefectures'), loadChinaGazetteer);
  const counties = regionResolver(load('china-counties'), loadChinaGazetteer);
  const national = regionResolver(load('china'), loadChinaGazetteer);

  it('rolls county, full, city + county and authority forms up to the Inner Mongolia league', () => {
    // 扎兰屯市 150783 is in 呼伦贝尔市 150700; 赛罕区 150105 in 呼和浩特市; 伊金霍洛旗 150627 and
    // 东胜区 150602 in 鄂尔多斯市 150600 (GB/T 2260 codes of the census county table)
    expect(resolve('扎兰屯市')).toBe('150700');
    expect(resolve('赛罕区')).toBe('150100');
    expect(resolve('伊金霍洛旗')).toBe('150600');
    expect(resolve('内蒙古自治区鄂尔多斯市伊金霍洛旗')).toBe('150600');
    expect(resolve('内蒙古自治区鄂尔多斯市')).toBe('150600');
    expect(resolve('鄂尔多斯市东胜区')).toBe('150600');
    expect(resolve('鄂尔多斯市民政局')).toBe('150600');
    expect(resolve('伊金霍洛旗民政局')).toBe('150600');
    expect(resolve('兴安盟民政局')).toBe('152200');
    // the province's own department registers province-wide organizations: no league
    expect(resolve('内蒙古自治区民政厅')).toBeNull();
    expect(resolve.match('内蒙古自治区民政厅').named).toEqual(['150000']);
  });

  it('reads a province in any form in china-provinces, and prefectures roll up to it', () => {
    for (const t of [
      '广东省',
      '广东',
      '粤',
      '广东省民政厅',
      '深圳市',
      '深圳',
      '广东省深圳市',
      '深圳市民政局',
      '440300',
      '440305',
    ])
      expect(provinces(t), t).toBe('440000');
    expect(provinces('内蒙古')).toBe('150000');
    expect(provinces('吉林')).toBe('220000');
  });

  it('reads a prefecture in any form in china-prefectures; a province places nothing there', () => {
    for (const t of ['深圳市', '深圳', '广东省深圳市', '深圳市民政局', '深圳市南山区', '440305000000'])
      expect(prefectures(t), t).toBe('440300');
    expect(prefectures('恩施州')).toBe('422800');
    expect(prefectures('恩施土家族苗族自治州民政局')).toBe('422800');
    expect(prefectures('北京')).toBe('110100'); // a municipality is one unit
    expect(prefectures('北京市朝阳区')).toBe('110100');
    expect(prefectures('吉林市')).toBe('220200');
    expect(prefectures('吉林')).toBeNull(); // the province, not 吉林市
    expect(prefectures('广东省')).toBeNull();
  });

  it('names both candidates of an ambiguous county name and never guesses (南山区: 440305 Shenzhen, 230404 Hegang)', () => {
    expect(prefectures('南山区')).toBeNull();
    expect(prefectures.match('南山区').candidates.map((c) => [c.division, c.unit])).toEqual([
      ['230404', '230400'],
      ['440305', '440300'],
    ]);
    expect(prefectures.match('南山区').candidates[1].label).toBe('440305 南山区 (广东省深圳市)');
    expect(counties('南山区')).toBeNull();
    expect(counties('深圳市南山区')).toBe('440305');
    // in inner-mongolia neither lies in the file: unknown, not ambiguous
    expect(resolve.match('南山区').candidates).toEqual([]);
  });

  it('places a credit code division (characters 3–8) at any level', () => {
    expect(prefectures.division('150627')).toBe('150600');
    expect(provinces.division('150627')).toBe('150000');
    expect(resolve.division('440305')).toBeNull();
  });

  it('reads 民政部 and 全国 as the national unit of china.json', () => {
    expect(national('民政部')).toBe('CN');
    expect(national('全国')).toBe('CN');
    expect(national('广东省')).toBeNull();
  });
});
