/**
 * Locale number formatting for the report and chart titles, with fixed locales (zh-CN, en-US) so that the
 * output does not depend on the machine's locale settings.
 */
import type { Lang } from './charts/labels.js';

/** Formatters of one language; every one returns '—' for null, undefined, NaN and ±Infinity. */
export interface NumberFormats {
  /** Whole number with thousands separators: 1234 → "1,234". */
  int: (x: number | null | undefined) => string;
  /** Fixed decimals with thousands separators: (1234.567, 2) → "1,234.57". */
  dec: (x: number | null | undefined, digits?: number) => string;
  /** Share as percent: (0.4623) → "46.2%"; `digits` decimals (default 1). */
  pct: (x: number | null | undefined, digits?: number) => string;
  /** Signed difference of two shares in percentage points: (0.017) → "+1.7". */
  pp: (x: number | null | undefined, digits?: number) => string;
  /** Signed percent change: (0.0595) → "+5.9%". */
  signedPct: (x: number | null | undefined, digits?: number) => string;
  /** A p-value: "< 0.001" or three decimals. */
  p: (x: number | null | undefined) => string;
}

const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-US' };
const DASH = '—';
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, style: 'decimal' | 'percent', digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${style}|${digits}|${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    cache.set(key, f);
  }
  return f;
}

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Round half away from zero to `digits` and turn −0 into 0, so "-0.0" never appears. */
function clean(x: number, digits: number): number {
  const m = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * m)) / m;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Number formatters for a report language. Both languages use the same digits and
 * separators (1,234 and 46.2%), formatted by `Intl.NumberFormat` with the fixed locale
 * `zh-CN` or `en-US`.
 *
 * @param lang `'zh'` or `'en'`
 * @returns the formatters
 * @example
 * const f = numberFormats('zh');
 * f.int(1234); // => '1,234'
 * f.pct(0.4623); // => '46.2%'
 * f.pp(-0.0004); // => '0.0'
 */
export function numberFormats(lang: Lang): NumberFormats {
  return {
    int: (x) => (ok(x) ? nf(lang, 'decimal', 0, false).format(clean(x, 0)) : DASH),
    dec: (x, digits = 2) => (ok(x) ? nf(lang, 'decimal', digits, false).format(clean(x, digits)) : DASH),
    pct: (x, digits = 1) => (ok(x) ? nf(lang, 'percent', digits, false).format(clean(x, digits + 2)) : DASH),
    pp: (x, digits = 1) => (ok(x) ? nf(lang, 'decimal', digits, true).format(clean(100 * x, digits)) : DASH),
    signedPct: (x, digits = 1) => (ok(x) ? nf(lang, 'percent', digits, true).format(clean(x, digits + 2)) : DASH),
    p: (x) => (ok(x) ? (x < 0.001 ? '< 0.001' : nf(lang, 'decimal', 3, false).format(clean(x, 3))) : DASH),
  };
}
