/**
 * Map titles: what they say, written out by hand from the inputs (issue 22 §3: a title
 * quotes only values a map cell draws, and a tie is said as a tie).
 */
import { describe, expect, it } from 'vitest';
import {
  densityChangeTitle,
  lisaMapTitle,
  lisaMethodNote,
  tensionMapTitle,
} from '../../../src/render/charts/maps/map-titles.js';

describe('map titles', () => {
  it('density change: the region that changed most with its two drawn values, no pooled figure', () => {
    const v = { from: 2008, to: 2024, most: { name: '鄂尔多斯市', from: 3.944, to: 10.091 } };
    expect(densityChangeTitle('zh', v)).toBe('每万人社会组织数2008年与2024年对比：鄂尔多斯市增加最多（3.94→10.09家）');
    expect(densityChangeTitle('en', { ...v, most: { name: 'Ordos', from: 5, to: 4.5 } })).toBe(
      'Organizations per 10,000 residents, 2008 and 2024: largest fall in Ordos (5.00 → 4.50)',
    );
  });

  it('tension classes: the lowest class with every tension and region in it, no D', () => {
    const one = {
      year: 2024,
      className: '濒临失调',
      groups: [{ tension: '资源张力', regions: ['乌兰察布市', '兴安盟'] }],
    };
    expect(tensionMapTitle('zh', one)).toBe('2024年各地区耦合协调等级：最低为濒临失调（资源张力：乌兰察布市、兴安盟）');
    const two = {
      year: 2024,
      className: 'extreme imbalance',
      groups: [
        { tension: 'structural tension', regions: ['A', 'B', 'C', 'D'] },
        { tension: 'resource tension', regions: ['E'] },
      ],
    };
    expect(tensionMapTitle('en', two)).toBe(
      'Coordination class by region, 2024: lowest is extreme imbalance (structural tension: A, B, C and others; resource tension: E)',
    );
    expect(tensionMapTitle('zh', { ...two, className: '极度失调' })).toContain('structural tension：A、B、C等地区；');
    // one tension whose regions are all in one class: said as such, not as a lowest
    const all = {
      year: 2024,
      groups: [{ tension: '适应性张力', regions: ['A', 'B'] }],
      className: '优质协调',
      all: true,
    };
    expect(tensionMapTitle('zh', all)).toBe('2024年各地区耦合协调等级（适应性张力）：均为优质协调');
    expect(
      tensionMapTitle('en', {
        ...all,
        groups: [{ tension: 'adaptive tension', regions: ['A', 'B'] }],
        className: 'high-quality coordination',
      }),
    ).toBe('Coordination class by region, 2024 (adaptive tension): every region is high-quality coordination');
  });

  it('LISA: counts of drawn clusters in the title, the permutations in a subtitle line', () => {
    const v = { year: 2024, variable: 'organizations per 10,000 residents', HH: 2, LL: 0, outliers: 1 };
    expect(lisaMapTitle('en', v)).toBe(
      'Local spatial autocorrelation (LISA) of organizations per 10,000 residents, 2024: 2 high-high and 0 low-low regions, 1 spatial outlier',
    );
    expect(lisaMapTitle('en', { ...v, outliers: 3 })).toMatch(/3 spatial outliers$/);
    expect(lisaMethodNote('zh', 9999)).toBe('显著性由9,999次条件置换检验得出');
  });
});
