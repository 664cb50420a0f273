import { isMissing, normalizeText } from '../../domain/normalize-text.js';

/** Outcome of converting one cell: a value, missing, or an error reason. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const SIMPLE = /^-?\d{1,15}(\.\d{1,15})?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Units a number cell may end with, longest first, and what they multiply by. */
const CELL_UNITS: readonly [string, number][] = [
  ['百万元', 1e6],
  ['千元', 1e3],
  ['万元', 1e4],
  ['亿元', 1e8],
  ['元', 1],
  ['万', 1e4],
  ['亿', 1e8],
];

/**
 * Read a number the way Chinese registry exports write them: thousands separators
 * (`1,234`), full-width digits (`１２３`), exponents (`1.2e3`), the units 万 (10⁴) and
 * 亿 (10⁸) as suffixes, money written `12.5万元`, `1,234元`, `¥1,234` (or ￥), accounting
 * negatives in parentheses (`(1,234)` is −1234), and the missing-value placeholders of
 * {@link isMissing}. `NaN`, `Infinity`, `约58` and anything else are errors, never guesses;
 * `-0` reads as 0.
 *
 * @param raw the cell text
 * @returns `{ ok: true, value }` (value null = missing) or `{ ok: false, reason }`
 * @example
 * parseNumber('1,234.5'); // => { ok: true, value: 1234.5 }
 * parseNumber('3.5万'); // => { ok: true, value: 35000 }
 * parseNumber('(1,234)'); // => { ok: true, value: -1234 }
 * parseNumber('abc'); // => { ok: false, reason: 'not a number' }
 */
export function parseNumber(raw: string): Parsed<number> {
  const r = parseNumberUnit(raw);
  return r.ok ? { ok: true, value: r.value } : r;
}

/**
 * {@link parseNumber}, telling also whether the cell wrote its own unit (`万`, `元`, `¥`…): a
 * cell with a unit is not rescaled by its column's unit (`12.5万元` under `收入（万元）` is
 * 125,000 yuan, not 12.5 × 10⁴ × 10⁴).
 *
 * @param raw the cell text
 * @returns as parseNumber, plus `unit` on a value
 * @example
 * parseNumberUnit('12.5万元'); // => { ok: true, value: 125000, unit: true }
 */
export function parseNumberUnit(
  raw: string,
): { ok: true; value: number | null; unit: boolean } | { ok: false; reason: string } {
  // fast path: a plain ASCII decimal, as most exports write them
  if (SIMPLE.test(raw)) {
    const v = Number(raw);
    return { ok: true, value: v === 0 ? 0 : v, unit: false };
  }
  let t = normalizeText(raw);
  if (isMissing(t)) return { ok: true, value: null, unit: false };
  let scale = 1;
  let unit = false;
  let sign = 1;
  if (t.length > 2 && t.startsWith('(') && t.endsWith(')')) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('¥')) {
    unit = true;
    t = t.slice(1).trim();
  }
  for (const [u, f] of CELL_UNITS)
    if (t.length > u.length && t.endsWith(u)) {
      scale = f;
      unit = true;
      t = t.slice(0, -u.length).trim();
      break;
    }
  if (t.includes(' ')) t = t.replace(/ /g, '');
  let v: number;
  if (PLAIN.test(t)) v = Number(t);
  else if (GROUPED.test(t)) v = Number(t.replace(/,/g, ''));
  else return { ok: false, reason: /^[+-]?(nan|infinity|inf)$/i.test(t) ? 'not a finite number' : 'not a number' };
  if (!Number.isFinite(v)) return { ok: false, reason: 'not a finite number' };
  if (sign < 0 && /^[+-]/.test(t)) return { ok: false, reason: 'not a number' };
  v = scaleDecimal(v, scale) * sign;
  return { ok: true, value: v === 0 ? 0 : v, unit };
}

/**
 * Multiply by a power of ten as the decimal text would be shifted (1.1 × 10⁴ is 11000, not
 * binary floating point's 11000.000000000002); other factors multiply.
 *
 * @param v the number
 * @param factor the factor (10ᵏ for the units soqa reads)
 * @returns v × factor
 * @example
 * scaleDecimal(1.1, 1e4); // => 11000
 */
export function scaleDecimal(v: number, factor: number): number {
  if (factor === 1) return v;
  const k = Math.round(Math.log10(factor));
  const text = String(v);
  if (10 ** k === factor && !/e/i.test(text)) return Number(`${text}e${k}`);
  return v * factor;
}
