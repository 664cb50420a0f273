import { describe, expect, it } from 'vitest';
import { parseNumberUnit, scaleDecimal, parseNumber } from '../../../src/ingest/values/parse-number.js';

const ok = (value: number | null) => ({ ok: true, value });

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-3', -3],
    ['+7', 7],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['1.', 1],
    ['1.2e3', 1200], // 1.2 × 10³
    ['1.2E-2', 0.012],
    ['  12  ', 12],
  ])('reads the plain number %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual(ok(value));
  });

  it.each([
    ['1,234', 1234],
    ['12,345,678', 12345678],
    ['1,234.5', 1234.5],
    ['-1,000', -1000],
    ['1 234', 1234], // a space as thousands separator
  ])('reads thousands separators: %j → %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual(ok(value));
  });

  it.each([
    ['１２３', 123], // full-width digits U+FF11–FF13 (NFKC → ASCII)
    ['１，２３４．５', 1234.5], // full-width comma and full stop
    ['－５', -5], // full-width hyphen-minus U+FF0D
    ['\u3000８\u3000', 8], // ideographic spaces around
  ])('reads full-width forms: %j → %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual(ok(value));
  });

  it.each([
    ['3万', 30000], // 万 = 10⁴
    ['3.5万', 35000], // 3.5 × 10⁴
    ['1.2 万', 12000],
    ['2亿', 200000000], // 亿 = 10⁸
    ['0.25亿', 25000000], // 0.25 × 10⁸
    ['1,200万', 12000000], // 1200 × 10⁴
  ])('reads the units 万 and 亿: %j → %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual(ok(value));
  });

  it.each(['', '  ', '-', '--', '—', '/', 'N/A', 'na', 'NULL', '无数据', '暂无', '空'])(
    'reads the placeholder %j as missing',
    (raw) => {
      expect(parseNumber(raw)).toEqual(ok(null));
    },
  );

  it('reads -0 as 0, not -0', () => {
    const r = parseNumber('-0');
    expect(r).toEqual(ok(0));
    expect(Object.is((r as { value: number }).value, -0)).toBe(false);
  });

  it.each(['NaN', 'Infinity', '-Infinity', 'inf', '1e400'])('refuses %j as not finite', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason: 'not a finite number' });
  });

  it.each(['abc', '12abc', '1,23', '1,2345', '0x10', '1.2.3', '3万万', '¥¥100', '--5', '１２人', '约58', '(-5)', '()'])(
    'refuses %j as not a number',
    (raw) => {
      expect(parseNumber(raw)).toEqual({ ok: false, reason: 'not a number' });
    },
  );

  // issue 20: money as registry and yearbook exports write it; the expected values are the
  // decimal readings by hand (12.5 × 10⁴ = 125,000; 1.1 × 10⁴ = 11,000 exactly)
  it.each([
    ['12.5万元', 125000],
    ['1.1万元', 11000],
    ['¥1,234', 1234],
    ['￥1,234', 1234],
    ['1,234元', 1234],
    ['(1,234)', -1234],
    ['（1,234）', -1234],
    ['3千元', 3000],
    ['0.5亿元', 50000000],
  ])('reads money %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual(ok(value));
  });

  it('tells whether the cell wrote its own unit', () => {
    expect(parseNumberUnit('12.5万元')).toEqual({ ok: true, value: 125000, unit: true });
    expect(parseNumberUnit('12.5')).toEqual({ ok: true, value: 12.5, unit: false });
    expect(parseNumberUnit('1,234')).toEqual({ ok: true, value: 1234, unit: false });
  });

  it('scales by a power of ten as decimal text (1.1 × 10⁴ = 11000, not 11000.000000000002)', () => {
    expect(scaleDecimal(1.1, 1e4)).toBe(11000);
    expect(scaleDecimal(374, 1e4)).toBe(3740000);
    expect(scaleDecimal(0.07, 1e3)).toBe(70);
  });
});
