import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { setTextMetrics } from '../../../src/render/charts/set-text-metrics.js';
import { textWidth } from '../../../src/render/charts/text-width.js';

describe('textWidth', () => {
  it('counts CJK ideographs, CJK punctuation and fullwidth forms 1 em each', () => {
    // '民办非企业单位' = 7 ideographs × 1 em × 11 px = 77 px
    expect(textWidth('民办非企业单位', 11)).toBe(77);
    // '组织数（万家）' = 5 ideographs + 2 fullwidth parentheses = 7 em × 12 px = 84 px
    expect(textWidth('组织数（万家）', 12)).toBe(84);
    // 'ＡＢ' fullwidth Latin = 2 em × 10 px = 20 px; Hangul and kana are wide too
    expect(textWidth('ＡＢ', 10)).toBe(20);
    expect(textWidth('한글かな', 10)).toBe(40);
  });

  it('measures Latin narrower, per character', () => {
    // 'Foundations' = F .552 + o .606 + u .607 + n .61 + d .62 + a .563 + t .377 + i .275
    //   + o .606 + n .61 + s .468 = 5.894 em × 11 px = 64.834 → 64.83 px (< 11 × 11 = 121 px)
    expect(textWidth('Foundations', 11)).toBe(64.83);
    // '2022' = 4 digits × 0.555 em × 10 px = 22.2 px
    expect(textWidth('2022', 10)).toBe(22.2);
    // 'il' is narrower than 'mw': (.275 + .284) vs (.926 + .802) em
    expect(textWidth('il', 10)).toBeLessThan(textWidth('mw', 10));
  });

  it('mixes scripts, handles accents, marks and bold', () => {
    // '2022年' = 4 × 0.555 + 1 = 3.22 em × 10 px = 32.2 px
    expect(textWidth('2022年', 10)).toBe(32.2);
    // 'é' counts as 'e' (0.554 em); a combining acute accent adds nothing
    expect(textWidth('é', 10)).toBe(5.54);
    expect(textWidth('e\u0301', 10)).toBe(5.54);
    // bold widens Latin by 7 % but not CJK: 'A' 0.608 × 1.07 × 10 = 6.5056 → 6.51; '中' stays 10
    expect(textWidth('A', 10, true)).toBe(6.51);
    expect(textWidth('中', 10, true)).toBe(10);
    expect(textWidth('', 10)).toBe(0);
  });

  it('defaults to Vega’s 11 px', () => {
    expect(textWidth('中文')).toBe(22);
  });
});

describe('setTextMetrics', () => {
  it('installs the estimate into vega.textMetrics (idempotently)', () => {
    setTextMetrics();
    setTextMetrics();
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } })
      .textMetrics;
    // Vega's own estimate would give 0.8 × 4 × 12 = 38.4 → 38 for '社会团体'
    expect(metrics.width({ fontSize: 12 }, '社会团体')).toBe(48);
    expect(metrics.width({}, ' 中 ')).toBe(11); // default 11 px, trimmed
    expect(metrics.width({ fontSize: 10, fontWeight: 'bold' }, 'A')).toBe(6.51);
    expect(metrics.width({ fontSize: 10, fontWeight: 700 }, 'A')).toBe(6.51);
    expect(metrics.width({ fontSize: 10 }, null)).toBe(0);
    expect(metrics.width({ fontSize: 10 }, 2022)).toBe(22.2);
  });
});
