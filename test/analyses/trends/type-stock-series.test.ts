import { describe, expect, it } from 'vitest';
import { typeStockSeries } from '../../../src/analyses/trends/type-stock-series.js';
import { tinyCube } from '../support/tiny-cube.js';

describe('typeStockSeries', () => {
  // 2020: social groups 6 (two regions), PNE 4; 2021: 5 and 5; 2022 absent; 2023: 4, 6 and 2 foundations.
  const cube = tinyCube([
    { region: 'A', year: 2020, type: 'social_group', count: 4 },
    { region: 'B', year: 2020, type: 'social_group', count: 2 },
    { region: 'A', year: 2020, type: 'private_non_enterprise', count: 4 },
    { region: 'A', year: 2021, type: 'social_group', count: 5 },
    { region: 'A', year: 2021, type: 'private_non_enterprise', count: 5 },
    { region: 'A', year: 2023, type: 'social_group', count: 4 },
    { region: 'A', year: 2023, type: 'private_non_enterprise', count: 6 },
    { region: 'A', year: 2023, type: 'foundation', count: 2 },
  ]);

  it('keeps a missing year as null and a type absent in a year as 0', () => {
    const s = typeStockSeries(cube);
    expect(s.years).toEqual([2020, 2021, 2022, 2023]);
    expect(s.missingYears).toEqual([2022]);
    expect(s.types).toEqual(['social_group', 'private_non_enterprise', 'foundation']);
    expect(s.total).toEqual([10, 10, null, 12]);
    expect(s.counts.social_group).toEqual([6, 5, null, 4]);
    expect(s.counts.foundation).toEqual([0, 0, null, 2]);
    // shares: 6/10, 5/10, –, 4/12
    expect(s.shares.social_group).toEqual([0.6, 0.5, null, 4 / 12]);
  });

  it('restricts to a window', () => {
    const s = typeStockSeries(cube, [2021, 2022]);
    expect(s.years).toEqual([2021, 2022]);
    expect(s.counts.private_non_enterprise).toEqual([5, null]);
  });
});
