import { describe, expect, it } from 'vitest';
import { parseDate, yearOf } from '../../../src/ingest/values/parse-date.js';

const ok = (value: number | null) => ({ ok: true, value });

describe('parseDate', () => {
  it.each([
    ['2024-06-01', 20240601],
    ['2024-6-1', 20240601],
    ['2024/6/1', 20240601],
    ['2024.06.01', 20240601],
    ['2024年6月1日', 20240601],
    ['2024年06月01日', 20240601],
    ['2024 年 6 月 1 日', 20240601],
    ['20240601', 20240601],
    ['２０２４－０６－０１', 20240601], // full-width digits and hyphens (NFKC)
  ])('reads the full date %j as %d', (raw, value) => {
    expect(parseDate(raw)).toEqual(ok(value));
  });

  it.each([
    ['2024-06-01 08:30', 20240601],
    ['2024-06-01 08:30:15', 20240601],
    ['2024-06-01T08:30:15.250Z', 20240601],
    ['2024-06-01T08:30:15+08:00', 20240601],
    ['2024/6/1 0:00:00', 20240601],
  ])('drops a time after the date: %j → %d', (raw, value) => {
    expect(parseDate(raw)).toEqual(ok(value));
  });

  it.each([
    ['2024年6月', 20240600],
    ['2024-06', 20240600],
    ['202406', 20240600],
    ['2024', 20240000],
    ['2024年', 20240000],
  ])('keeps a partial date with 00 for the unknown parts: %j → %d', (raw, value) => {
    expect(parseDate(raw)).toEqual(ok(value));
  });

  it('reads a 5-digit Excel serial day number (1900 date system)', () => {
    // Excel's 1900 system counts 1900-01-01 as 1 and includes the phantom 1900-02-29, so
    // serials after 60 are days since 1899-12-30. From 1899-12-30 to 2024-01-01: 2 days of
    // 1899, then the 124 years 1900–2023 with 30 leap days (1904, 1908, …, 2020; 1900 is no
    // leap year): 2 + 124 × 365 + 30 = 45292. 2024-06-01 is 31 + 29 + 31 + 30 + 31 = 152
    // days later: 45444.
    expect(parseDate('45292')).toEqual(ok(20240101));
    expect(parseDate('45444')).toEqual(ok(20240601));
    // 2023 has 365 days: 2023-01-01 is 45292 − 365 = 44927
    expect(parseDate('44927')).toEqual(ok(20230101));
    // 2024-02-29 is 31 + 28 = 59 days after 2024-01-01: 45292 + 59 = 45351
    expect(parseDate('45351')).toEqual(ok(20240229));
  });

  it.each(['', '-', '暂无', 'N/A'])('reads the placeholder %j as missing', (raw) => {
    expect(parseDate(raw)).toEqual(ok(null));
  });

  it.each([
    '2024-02-30', // February 2024 has 29 days
    '2023-02-29', // 2023 is not a leap year
    '1900-02-29', // 1900 is not a leap year (divisible by 100, not by 400)
    '2024-04-31', // April has 30 days
    '2024-13-01',
    '2024-00-05', // a day without a month
    '20241301',
    '20240230',
    '202413',
  ])('refuses the impossible date %j', (raw) => {
    expect(parseDate(raw)).toEqual({ ok: false, reason: 'impossible date' });
  });

  it('accepts leap days of leap years', () => {
    expect(parseDate('2024-02-29')).toEqual(ok(20240229));
    expect(parseDate('2000-02-29')).toEqual(ok(20000229)); // 2000 is divisible by 400
  });

  it.each(['June 1, 2024', '01/06/2024', '24-06-01', 'abc', '2024-06-01-02', '1234567'])(
    'refuses %j as not a date',
    (raw) => {
      const r = parseDate(raw);
      expect(r.ok).toBe(false);
      expect((r as { reason: string }).reason).toMatch(/^not a date/);
    },
  );
});

describe('yearOf', () => {
  it('takes the year of a yyyymmdd number, partial or not', () => {
    expect(yearOf(20240601)).toBe(2024);
    expect(yearOf(20240000)).toBe(2024);
    expect(yearOf(19491001)).toBe(1949);
  });
});
