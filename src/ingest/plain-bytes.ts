import { K_DATE, K_FLAG, K_NUMBER, K_RATING, K_AMOUNT, K_COUNT, NOT_PLAIN } from './plain-cells.js';

/**
 * The number shortcuts of `plain-cells.ts` read from the raw UTF-8 bytes of a line
 * (`buf.subarray(a, b)`, never decoded): the same values for the same cells, NOT_PLAIN for
 * every cell they do not read (which then takes the full conversion from its decoded text).
 * `test/ingest/plain-bytes.test.ts` compares each with its text twin.
 */

/** 10^k, exact in a double for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a numeric, date, flag or rating cell written the plain way, NaN when empty,
 * or NOT_PLAIN (as `plainNumber` for the same text).
 *
 * @param kind the column's kind code (K_FLAG, K_RATING, K_DATE, K_YEAR, K_COUNT, K_AMOUNT, K_NUMBER)
 * @param buf the line's bytes
 * @param a first byte of the cell
 * @param b one past its last byte
 * @returns the value, NaN or NOT_PLAIN
 * @example
 * plainNumberBytes(K_DATE, new TextEncoder().encode('2024-06-01'), 0, 10); // => 20240601
 */
export function plainNumberBytes(kind: number, buf: Uint8Array, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return NaN;
  switch (kind) {
    case K_FLAG:
      if (n === 1) {
        const c = buf[a];
        if (c === 48) return 0;
        if (c === 49) return 1;
      }
      return NOT_PLAIN;
    case K_RATING:
      if (n === 1) {
        const c = buf[a] - 48;
        if (c >= 0 && c <= 5) return c;
      }
      return NOT_PLAIN;
    case K_DATE:
      return plainDateBytes(buf, a, b);
    default: {
      const v = plainDecimalBytes(buf, a, b);
      if (v === NOT_PLAIN) return v;
      if (kind === K_NUMBER) return v;
      if (kind === K_AMOUNT) return v < 0 ? NOT_PLAIN : v;
      // count and year: whole numbers (counts not negative)
      if (!Number.isInteger(v) || (kind === K_COUNT && v < 0)) return NOT_PLAIN;
      return v;
    }
  }
}

/**
 * `-?\d{1,15}(\.\d{1,15})?` read as Number reads its text, -0 as 0. With 15 significant
 * digits or fewer the digits make an integer M below 2^53 and the value is M / 10^k, one
 * correctly rounded division of two exact doubles: the double nearest the decimal, which
 * is what Number gives. Longer cells are read from their text.
 *
 * @param buf the line's bytes
 * @param a first byte of the cell
 * @param b one past its last byte
 * @returns the number, or NOT_PLAIN
 * @example
 * plainDecimalBytes(new TextEncoder().encode('12.50'), 0, 5); // => 12.5
 */
export function plainDecimalBytes(buf: Uint8Array, a: number, b: number): number {
  let i = a;
  const neg = buf[a] === 45;
  if (neg) i++;
  const start = i;
  let v = 0;
  while (i < b) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    i++;
  }
  const digits = i - start;
  if (digits === 0 || digits > 15) return NOT_PLAIN;
  if (i === b) return neg ? (v === 0 ? 0 : -v) : v;
  if (buf[i] !== 46) return NOT_PLAIN;
  i++;
  const fracStart = i;
  let m = v;
  while (i < b) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NOT_PLAIN;
    m = m * 10 + d;
    i++;
  }
  const frac = i - fracStart;
  if (frac === 0 || frac > 15) return NOT_PLAIN;
  let x: number;
  if (digits + frac <= 15) x = m / POW10[frac];
  else {
    let s = '';
    for (let k = a; k < b; k++) s += String.fromCharCode(buf[k]);
    return Number(s) === 0 ? 0 : Number(s);
  }
  return neg ? (x === 0 ? 0 : -x) : x;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * yyyy-mm-dd (a real day, year 100 or later) or yyyy, as `plainDate` reads their text.
 *
 * @param buf the line's bytes
 * @param a first byte of the cell
 * @param b one past its last byte
 * @returns yyyymmdd (yyyy0000 for a bare year), or NOT_PLAIN
 * @example
 * plainDateBytes(new TextEncoder().encode('2023-02-29'), 0, 10); // => NOT_PLAIN (no such day)
 */
export function plainDateBytes(buf: Uint8Array, a: number, b: number): number {
  const n = b - a;
  if (n !== 10 && n !== 4) return NOT_PLAIN;
  let y = 0;
  for (let i = a; i < a + 4; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NOT_PLAIN;
    y = y * 10 + d;
  }
  if (n === 4) return y * 10000;
  if (y < 100 || buf[a + 4] !== 45 || buf[a + 7] !== 45) return NOT_PLAIN;
  const m1 = buf[a + 5] - 48;
  const m2 = buf[a + 6] - 48;
  const d1 = buf[a + 8] - 48;
  const d2 = buf[a + 9] - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NOT_PLAIN;
  const mo = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (mo < 1 || mo > 12 || day < 1) return NOT_PLAIN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (day > (mo === 2 && leap ? 29 : DAYS[mo])) return NOT_PLAIN;
  return y * 10000 + mo * 100 + day;
}
