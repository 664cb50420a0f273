import { describe, expect, it } from 'vitest';
import {
  attributeValue,
  evaluateTensionOnly,
  gdpOf,
  pooledFigures,
  type RegionFigures,
} from '../../../src/analyses/tension/evaluate-tension-only.js';
import type { Region } from '../../../src/domain/regions/regions.js';

const region = (code: string, population: number, area?: number, gdp?: Region['gdp']): Region => ({
  code,
  zh: code,
  en: code,
  population,
  zone: 'periphery',
  ...(area === undefined ? {} : { area }),
  ...(gdp === undefined ? {} : { gdp }),
});
const none: RegionFigures = { population: NaN, area: NaN, gdp: NaN, regions: 0 };

describe('evaluateTensionOnly: type_share', () => {
  it('3 social groups of 4 organizations → 0.75; no organizations → NaN', () => {
    const typeCounts = new Map([
      ['social_group', 3],
      ['foundation', 1],
    ]);
    expect(
      evaluateTensionOnly(
        { kind: 'type_share', types: ['social_group'] },
        { typeCounts, figures: none, core: none, total: none },
      ),
    ).toBe(0.75);
    expect(
      evaluateTensionOnly(
        { kind: 'type_share', types: ['social_group', 'foundation'] },
        { typeCounts, figures: none, core: none, total: none },
      ),
    ).toBe(1);
    expect(
      evaluateTensionOnly(
        { kind: 'type_share', types: ['social_group'] },
        { typeCounts: new Map(), figures: none, core: none, total: none },
      ),
    ).toBeNaN();
  });
});

describe('region attributes', () => {
  it('pooled figures are sums over the regions (NaN when any lacks the figure)', () => {
    expect(pooledFigures([region('a', 10, 2), region('b', 30, 8)], 2024)).toEqual({
      population: 40,
      area: 10,
      gdp: NaN,
      urban: NaN,
      schooling: NaN,
      regions: 2,
    });
  });

  it('urban rate and years of schooling of pooled regions are weighted by residents', () => {
    const a = { ...region('a', 10, 2), urbanRate: 0.5, schoolingYears: 9 };
    const b = { ...region('b', 30, 8), urbanRate: 0.9, schoolingYears: 11 };
    const f = pooledFigures([a, b], 2024);
    expect(attributeValue('urban_rate', f)).toBeCloseTo(0.8, 12); // (0.5·10 + 0.9·30) / 40 = 32/40
    expect(attributeValue('schooling_years', f)).toBeCloseTo(10.5, 12); // (9·10 + 11·30) / 40 = 420/40
    expect(attributeValue('urban_rate', pooledFigures([a], 2024))).toBe(0.5);
    expect(attributeValue('urban_rate', pooledFigures([a, region('c', 5, 1)], 2024))).toBeNaN();
  });

  it('size attributes of pooled regions are per region, intensive ones are ratios of sums', () => {
    const f = pooledFigures([region('a', 10, 2, 100), region('b', 30, 8, 500)], 2024);
    expect(attributeValue('population', f)).toBe(20); // (10 + 30) / 2
    expect(attributeValue('area', f)).toBe(5); // (2 + 8) / 2
    expect(attributeValue('gdp', f)).toBe(300); // (100 + 500) / 2
    expect(attributeValue('density', f)).toBe(4); // 40 / 10
    expect(attributeValue('gdp_per_capita', f)).toBe(15); // 600 / 40
  });

  it("relative to the core: density 20/1 = 20 against the core's (10 + 30)/(2 + 8) = 4 → 5", () => {
    const core = pooledFigures([region('a', 10, 2), region('b', 30, 8)], 2024);
    const figures = pooledFigures([region('c', 20, 1)], 2024);
    expect(
      evaluateTensionOnly(
        { kind: 'region_attribute', attribute: 'density', relativeTo: 'core' },
        { typeCounts: new Map(), figures, core, total: none },
      ),
    ).toBe(5);
    expect(
      evaluateTensionOnly(
        { kind: 'region_attribute', attribute: 'density' },
        { typeCounts: new Map(), figures, core, total: none },
      ),
    ).toBe(20);
  });

  it("GDP given by year: the year's value, NaN for a year the file does not give", () => {
    const r = region('a', 10, 1, { '2023': 5, '2024': 7 });
    expect(gdpOf(r, 2024)).toBe(7);
    expect(gdpOf(r, 2020)).toBeNaN();
    expect(gdpOf(region('b', 10, 1, 9), 2020)).toBe(9);
    expect(gdpOf(region('c', 10), 2020)).toBeNaN();
  });
});
