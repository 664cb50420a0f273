import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import type { Parsed } from './parse-number.js';

/**
 * A calendar date as the integer yyyymmdd; month or day 00 when the input gave only a
 * year or a year and month (e.g. 20240000 for "2024").
 */
export type DateNumber = number;

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*(?:月)?$/;
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Read a date in the forms registry exports use: ISO `2024-06-01`, `2024/6/1`,
 * `2024.6.1`, `2024年6月1日`, `2024年6月`, `20240601`, `202406`, a bare year `2024`, an
 * Excel serial day number (5 digits, 1900 date system) and any of these followed by a time.
 * Impossible dates such as `2024-02-30` are errors.
 *
 * @param raw the cell text
 * @returns `{ ok: true, value: yyyymmdd | null }` or `{ ok: false, reason }`
 * @example
 * parseDate('2024年6月1日'); // => { ok: true, value: 20240601 }
 * parseDate('2024'); // => { ok: true, value: 20240000 }
 * parseDate('45444'); // => { ok: true, value: 20240601 }  (Excel serial)
 */
export function parseDate(raw: string): Parsed<DateNumber> {
  let t = normalizeText(raw);
  if (isMissing(t)) return { ok: true, value: null };
  t = t.replace(TIME_SUFFIX, '').trim();
  let y: number;
  let m = 0;
  let d = 0;
  let match: RegExpExecArray | null;
  if (/^\d{4}$/.test(t)) y = Number(t);
  else if (/^\d{4}年$/.test(t)) y = Number(t.slice(0, 4));
  else if (/^\d{8}$/.test(t)) {
    y = Number(t.slice(0, 4));
    m = Number(t.slice(4, 6));
    d = Number(t.slice(6, 8));
  } else if (/^\d{6}$/.test(t)) {
    y = Number(t.slice(0, 4));
    m = Number(t.slice(4, 6));
  } else if (/^\d{5}$/.test(t)) {
    return excelSerial(Number(t));
  } else if ((match = YMD.exec(t))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = match[3] ? Number(match[3]) : 0;
  } else return { ok: false, reason: 'not a date (expected e.g. 2024-06-01, 2024年6月1日, 202406 or 2024)' };
  if (m > 12 || (d > 0 && m === 0)) return { ok: false, reason: 'impossible date' };
  if (d > 0 && d > daysInMonth(y, m)) return { ok: false, reason: 'impossible date' };
  return { ok: true, value: y * 10000 + m * 100 + d };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function excelSerial(serial: number): Parsed<DateNumber> {
  // 1900 date system; serials after 59 include Excel's phantom 1900-02-29
  const days = serial > 59 ? serial - 1 : serial;
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const dt = new Date(ms);
  return { ok: true, value: dt.getUTCFullYear() * 10000 + (dt.getUTCMonth() + 1) * 100 + dt.getUTCDate() };
}

/** The year of a {@link DateNumber}. */
export const yearOf = (d: DateNumber): number => Math.floor(d / 10000);
