import { CREDIT_CODE_ALPHABET } from '../domain/credit-code/credit-code-alphabet.js';

/**
 * The shortcuts of the fast row path (`fast-row.ts`): readers of plain cells straight from
 * a line of text (`s.slice(a, b)` without making the slice), each giving what the full
 * conversion (`convertCell`, `checkCreditCode`, `parseDate`) gives for the cells it accepts,
 * and NOT_PLAIN or false for the others, which then take the full conversion.
 * `test/perf/optimized-path-identity.test.ts` checks the two paths against each other.
 */

/** Kind code of an id column (see KIND_CODES in fast-row.ts). */
export const K_ID = 0;
/** Kind code of a text column (names). */
export const K_TEXT = 1;
/** Kind code of a category or region column. */
export const K_CAT = 2;
/** Kind code of a date column (yyyymmdd). */
export const K_DATE = 3;
/** Kind code of the year column. */
export const K_YEAR = 4;
/** Kind code of a count column (whole, not negative). */
export const K_COUNT = 5;
/** Kind code of an amount column (not negative). */
export const K_AMOUNT = 6;
/** Kind code of a plain number column. */
export const K_NUMBER = 7;
/** Kind code of a 0/1 flag column. */
export const K_FLAG = 8;
/** Kind code of a rating column (grades 0–5). */
export const K_RATING = 9;

/** Returned by the number shortcut for a cell it does not read (any finite number is a value). */
export const NOT_PLAIN = -Infinity;

/** Credit-code alphabet value of each ASCII code unit, -1 outside the alphabet. */
const ALPHABET_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_ALPHABET.length; i++) ALPHABET_VALUE[CREDIT_CODE_ALPHABET.charCodeAt(i)] = i;
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * An id that converts to itself: 5 or more digits and capital letters (no space, no placeholder).
 *
 * @param s the line
 * @param a first character of the cell
 * @param b one past its last character
 * @returns whether `s.slice(a, b)` is such an id
 * @example
 * plainId('x,51150200MJ10472999,y', 2, 20); // => true
 */
export function plainId(s: string, a: number, b: number): boolean {
  if (b - a < 5) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * A name that converts to itself: more than 4 characters (no placeholder), printable ASCII
 * and CJK unified ideographs (already NFKC), spaces only inside.
 *
 * @param s the line
 * @param a first character of the cell
 * @param b one past its last character
 * @returns whether `s.slice(a, b)` is such a name
 * @example
 * plainText('包头市体育协会', 0, 7); // => true
 */
export function plainText(s: string, a: number, b: number): boolean {
  if (b - a < 5 || s.charCodeAt(a) === 32 || s.charCodeAt(b - 1) === 32) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 32 && c <= 126) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/**
 * 18 ASCII letters or digits (as convertRow's /^[0-9A-Za-z]{18}$/ test before checking a code).
 *
 * @param s a text of 18 or more characters
 * @returns whether its first 18 are letters or digits
 * @example
 * alnum18('51150200MJ10472999'); // => true
 */
export function alnum18(s: string): boolean {
  for (let i = 0; i < 18; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/**
 * True when checkCreditCode(s) is valid and leaves s as is (18 alphabet characters, both
 * check characters right).
 *
 * @param s an 18-character id
 * @returns whether it is a valid upper-case unified social credit code
 * @example
 * validUpperCreditCode('91350100M000100Y43'); // => true
 */
export function validUpperCreditCode(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? ALPHABET_VALUE[c] : -1;
    if (v < 0) return false;
    if (i < 17) sum += v * CREDIT_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  if (ALPHABET_VALUE[s.charCodeAt(17)] !== (c === 31 ? 0 : c)) return false;
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = s.charCodeAt(8 + i);
    orgSum += (ch <= 57 ? ch - 48 : ch - 55) * ORG_WEIGHTS[i];
  }
  const o = 11 - (orgSum % 11);
  const expected = o === 10 ? 88 /* X */ : o === 11 ? 48 /* 0 */ : 48 + o;
  return s.charCodeAt(16) === expected;
}

/**
 * The value of a numeric, date, flag or rating cell `s.slice(a, b)` written the plain
 * way, NaN when empty, or NOT_PLAIN when the cell needs the full conversion (or is a
 * problem).
 *
 * @param kind the column's kind code (K_FLAG, K_RATING, K_DATE, K_YEAR, K_COUNT, K_AMOUNT, K_NUMBER)
 * @param s the line
 * @param a first character of the cell
 * @param b one past its last character
 * @returns the value, NaN or NOT_PLAIN
 * @example
 * plainNumber(K_DATE, '2024-06-01', 0, 10); // => 20240601
 */
export function plainNumber(kind: number, s: string, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return NaN;
  switch (kind) {
    case K_FLAG:
      if (n === 1) {
        const c = s.charCodeAt(a);
        if (c === 48) return 0;
        if (c === 49) return 1;
      }
      return NOT_PLAIN;
    case K_RATING:
      if (n === 1) {
        const c = s.charCodeAt(a) - 48;
        if (c >= 0 && c <= 5) return c;
      }
      return NOT_PLAIN;
    case K_DATE:
      return plainDate(s, a, b);
    default: {
      const v = plainDecimal(s, a, b);
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
 * parseNumber's own fast path: -?\d{1,15}(\.\d{1,15})? read as Number reads it, -0 as 0.
 *
 * @param s the line
 * @param a first character of the cell
 * @param b one past its last character
 * @returns the number, or NOT_PLAIN
 * @example
 * plainDecimal('12.50', 0, 5); // => 12.5
 */
export function plainDecimal(s: string, a: number, b: number): number {
  let i = a;
  const neg = s.charCodeAt(a) === 45;
  if (neg) i++;
  const start = i;
  let v = 0;
  while (i < b) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    i++;
  }
  const digits = i - start;
  if (digits === 0 || digits > 15) return NOT_PLAIN;
  // up to 15 digits are exact in a double: the same number Number() reads
  if (i === b) return neg ? (v === 0 ? 0 : -v) : v;
  if (s.charCodeAt(i) !== 46) return NOT_PLAIN;
  i++;
  const fracStart = i;
  while (i < b) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NOT_PLAIN;
    i++;
  }
  const frac = i - fracStart;
  if (frac === 0 || frac > 15) return NOT_PLAIN;
  const x = Number(a === 0 && b === s.length ? s : s.slice(a, b));
  return x === 0 ? 0 : x;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * yyyy-mm-dd (a real day, year 100 or later) or yyyy in `s.slice(a, b)`, as parseDate reads them.
 *
 * @param s the line
 * @param a first character of the cell
 * @param b one past its last character
 * @returns yyyymmdd (yyyy0000 for a bare year), or NOT_PLAIN
 * @example
 * plainDate('2023-02-29', 0, 10); // => NOT_PLAIN (no such day)
 */
export function plainDate(s: string, a: number, b: number): number {
  const n = b - a;
  if (n !== 10 && n !== 4) return NOT_PLAIN;
  let y = 0;
  for (let i = a; i < a + 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NOT_PLAIN;
    y = y * 10 + d;
  }
  if (n === 4) return y * 10000;
  if (y < 100 || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return NOT_PLAIN;
  const m1 = s.charCodeAt(a + 5) - 48;
  const m2 = s.charCodeAt(a + 6) - 48;
  const d1 = s.charCodeAt(a + 8) - 48;
  const d2 = s.charCodeAt(a + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NOT_PLAIN;
  const mo = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (mo < 1 || mo > 12 || day < 1) return NOT_PLAIN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (day > (mo === 2 && leap ? 29 : DAYS[mo])) return NOT_PLAIN;
  return y * 10000 + mo * 100 + day;
}
