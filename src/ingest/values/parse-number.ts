import { isMissing, normalizeText } from './normalize-text.js';

/** Outcome of converting one cell: a value, missing, or an error reason. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const SIMPLE = /^-?\d{1,15}(\.\d{1,15})?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Read a number the way Chinese registry exports write them: thousands separators
 * (`1,234`), full-width digits (`１２３`), exponents (`1.2e3`), the units 万 (10⁴) and
 * 亿 (10⁸) as suffixes, and the missing-value placeholders of {@link isMissing}.
 * `NaN`, `Infinity` and anything else are errors, never guesses; `-0` reads as 0.
 *
 * @param raw the cell text
 * @returns `{ ok: true, value }` (value null = missing) or `{ ok: false, reason }`
 * @example
 * parseNumber('1,234.5'); // => { ok: true, value: 1234.5 }
 * parseNumber('3.5万'); // => { ok: true, value: 35000 }
 * parseNumber('abc'); // => { ok: false, reason: 'not a number' }
 */
export function parseNumber(raw: string): Parsed<number> {
  // fast path: a plain ASCII decimal, as most exports write them
  if (SIMPLE.test(raw)) {
    const v = Number(raw);
    return { ok: true, value: v === 0 ? 0 : v };
  }
  let t = normalizeText(raw);
  if (isMissing(t)) return { ok: true, value: null };
  let scale = 1;
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x4e07 /* 万 */) {
    scale = 1e4;
    t = t.slice(0, -1).trim();
  } else if (last === 0x4ebf /* 亿 */) {
    scale = 1e8;
    t = t.slice(0, -1).trim();
  }
  if (t.includes(' ')) t = t.replace(/ /g, '');
  let v: number;
  if (PLAIN.test(t)) v = Number(t);
  else if (GROUPED.test(t)) v = Number(t.replace(/,/g, ''));
  else return { ok: false, reason: /^[+-]?(nan|infinity|inf)$/i.test(t) ? 'not a finite number' : 'not a number' };
  if (!Number.isFinite(v)) return { ok: false, reason: 'not a finite number' };
  v *= scale;
  return { ok: true, value: v === 0 ? 0 : v };
}
