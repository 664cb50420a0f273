import { describe, expect, it } from 'vitest';
import { excelDate, plainNumber } from '../../../src/ingest/xlsx/cell-text.js';
import { numberKind } from '../../../src/ingest/xlsx/number-formats.js';

describe('plainNumber: the stored number text in plain notation, every digit kept', () => {
  it('keeps integers and decimals as stored', () => {
    expect(plainNumber('911501001234567')).toBe('911501001234567'); // 15 digits, exact
    expect(plainNumber('0.30000000000000004')).toBe('0.30000000000000004');
    expect(plainNumber('-12.50')).toBe('-12.5');
    expect(plainNumber('007')).toBe('7');
  });
  it('shifts the decimal point of an exponent instead of parsing a float', () => {
    // 1.2345678901234568 × 10^17: the point moves 17 places right, the 17 stored digits kept, one zero padded
    expect(plainNumber('1.2345678901234568E+17')).toBe('123456789012345680');
    expect(plainNumber('1E+21')).toBe('1000000000000000000000'); // String(1e21) would be '1e+21'
    expect(plainNumber('4.5E-3')).toBe('0.0045');
    expect(plainNumber('-1e-7')).toBe('-0.0000001');
    expect(plainNumber('-0')).toBe('0');
  });
  it('leaves text that is not a number alone', () => {
    expect(plainNumber('#N/A')).toBe('#N/A');
    expect(plainNumber('')).toBe('');
  });
});

describe('excelDate: serial numbers of date-formatted cells as ISO text', () => {
  it('reads the 1900 date system, fictitious 1900-02-29 included', () => {
    // Excel: DATE(2024,1,1) = 45292; DATE(1900,1,1) = 1; serial 60 is the 1900-02-29 Excel shows; 61 = 1900-03-01
    expect(excelDate('45292', 'date', false)).toBe('2024-01-01');
    expect(excelDate('1', 'date', false)).toBe('1900-01-01');
    expect(excelDate('59', 'date', false)).toBe('1900-02-28');
    expect(excelDate('60', 'date', false)).toBe('1900-02-29');
    expect(excelDate('61', 'date', false)).toBe('1900-03-01');
  });
  it('reads the 1904 date system (serial 0 = 1904-01-01)', () => {
    // 45292 − 1462 (days from 1900-01-00 to 1904-01-01 in Excel's count) = 43830
    expect(excelDate('43830', 'date', true)).toBe('2024-01-01');
  });
  it('shows times when the format does', () => {
    // 0.5 day = 12:00; 45292.75 = 2024-01-01 18:00
    expect(excelDate('0.5', 'time', false)).toBe('12:00:00');
    expect(excelDate('45292.75', 'datetime', false)).toBe('2024-01-01 18:00:00');
    expect(excelDate('45292', 'datetime', false)).toBe('2024-01-01');
    expect(excelDate('45292.75', 'date', false)).toBe('2024-01-01');
  });
  it('leaves a serial that is no plausible date as a number', () => {
    expect(excelDate('-3', 'date', false)).toBe('-3');
    expect(excelDate('3000000', 'date', false)).toBe('3000000');
  });
});

describe('numberKind: which number formats show dates', () => {
  it('knows the built-in date, time and East Asian date formats', () => {
    expect(numberKind(0)).toBe('number');
    expect(numberKind(14)).toBe('date'); // m/d/yyyy
    expect(numberKind(22)).toBe('datetime'); // m/d/yyyy h:mm
    expect(numberKind(20)).toBe('time'); // h:mm
    expect(numberKind(31)).toBe('date'); // yyyy"年"m"月"d"日" in Chinese Excel
    expect(numberKind(57)).toBe('date');
  });
  it('reads custom format codes outside quotes, escapes and brackets', () => {
    expect(numberKind(164, 'yyyy"年"m"月"d"日"')).toBe('date');
    expect(numberKind(164, 'yyyy\\-mm\\-dd')).toBe('date');
    expect(numberKind(164, '[$-804]yyyy/m/d h:mm')).toBe('datetime');
    expect(numberKind(164, 'hh:mm:ss')).toBe('time');
    expect(numberKind(164, '[h]:mm')).toBe('time');
    expect(numberKind(164, '0.00%')).toBe('number');
    expect(numberKind(164, '#,##0"人"')).toBe('number');
    expect(numberKind(164, '[Red]0.00;[Blue]-0.00')).toBe('number');
    expect(numberKind(164, 'General')).toBe('number');
    expect(numberKind(164, '0.00E+00')).toBe('number');
  });
});
