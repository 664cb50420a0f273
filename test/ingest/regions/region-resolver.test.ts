import { describe, expect, it } from 'vitest';
import { regionResolver } from '../../../src/ingest/regions/region-resolver.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import type { RegionsFile } from '../../../src/ingest/regions/regions.js';

const im = loadRegions(regionsPathFor(loadProfile('default')));
const resolve = regionResolver(im);

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
    const r = regionResolver(file);
    expect(r('青城')).toBe('150100');
    expect(r('鹿城')).toBe('150200');
  });
});
