import type { NumberKind } from './number-formats.js';

/**
 * A number as stored in a workbook (`<v>` text such as `1.2345678901234568E+17`, `-4.5E-3`,
 * `911501001234567`) written in plain decimal notation with every stored digit: no
 * exponent, no rounding (the text is shifted, not parsed into a float). Text that is not a
 * number comes back unchanged.
 *
 * @param v the stored text
 * @returns the plain notation
 * @example
 * plainNumber('1.2345678901234568E+17'); // => '123456789012345680'
 * plainNumber('4.5E-3'); // => '0.0045'
 * plainNumber('911501001234567'); // => '911501001234567'
 */
export function plainNumber(v: string): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return v;
  const sign = m[1] === '-' ? '-' : '';
  let int = m[2];
  let frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (exp > 0) {
    const moved = frac.slice(0, exp).padEnd(exp, '0');
    int += moved;
    frac = frac.slice(exp);
  } else if (exp < 0) {
    const k = -exp;
    const digits = int.padStart(k + 1, '0');
    frac = digits.slice(digits.length - k) + frac;
    int = digits.slice(0, digits.length - k);
  }
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return sign && /[1-9]/.test(out) ? sign + out : out;
}

/** Days from 1899-12-30 (serial 0 of the 1900 system, after its leap-year bug) to 1970-01-01. */
const EPOCH_1900 = 25569;
/** Days from 1904-01-01 (serial 0 of the 1904 system) to 1970-01-01. */
const EPOCH_1904 = 24107;

/**
 * The text of a date-formatted number: `YYYY-MM-DD` for a date, `YYYY-MM-DD HH:MM:SS`
 * for a date with a time, `HH:MM:SS` for a time of day. Serials count days from
 * 1900-01-00 (Excel's 1900 system, which holds the fictitious 1900-02-29 as serial 60)
 * or from 1904-01-01 (`date1904`). A serial that is not a plausible date (negative, or
 * past 9999-12-31) stays a plain number.
 *
 * @param v the stored number text
 * @param kind date, datetime or time
 * @param date1904 whether the workbook uses the 1904 date system
 * @returns the ISO text
 * @example
 * excelDate('45292', 'date', false); // => '2024-01-01'
 * excelDate('60', 'date', false); // => '1900-02-29'
 */
export function excelDate(v: string, kind: Exclude<NumberKind, 'number'>, date1904: boolean): string {
  const serial = Number(v);
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return plainNumber(v);
  let seconds = Math.round(serial * 86400);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  let date: string;
  if (!date1904 && days === 60) date = '1900-02-29';
  else {
    const shifted = !date1904 && days < 60 ? days + 1 : days; // serials before the fictitious leap day
    const d = new Date((shifted - (date1904 ? EPOCH_1904 : EPOCH_1900)) * 86400000);
    date = d.toISOString().slice(0, 10);
  }
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  if (kind === 'time' && days === 0) return `${hh}:${mm}:${ss}`;
  if (kind === 'date' || (seconds === 0 && kind !== 'time')) return date;
  return `${date} ${hh}:${mm}:${ss}`;
}
