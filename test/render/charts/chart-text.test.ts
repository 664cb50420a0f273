import { describe, expect, it } from 'vitest';
import { chartText } from '../../../src/render/charts/chart-text.js';

describe('chartText', () => {
  it("gives each character of the specs' strings once, in order, without keys or numbers, plus Vega's … and −", () => {
    const spec = {
      title: ['社会', '组织 2024'],
      data: {
        values: [
          { 地区: '呼和浩特', n: 12345 },
          { 地区: '包头', n: 6 },
        ],
      },
      encoding: { x: { field: 'n', axis: { format: ',d' } } },
    };
    // by hand: 社 会 组 织 ' ' 2 0 4, then 呼 和 浩 特 包 头, then n , d; keys (地区, title …) and 12345 are skipped
    expect(chartText([spec])).toBe('社会组织 204呼和浩特包头n,d…−');
  });

  it('walks several specs and nothing else', () => {
    expect(chartText([{ a: 'ab' }, ['b', 'c', 7, null, true]])).toBe('abc…−');
    expect(chartText([])).toBe('…−');
  });
});
