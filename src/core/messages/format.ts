import { pick, type Lang } from '../lang.js';

/**
 * How messages write values, numbers, p-values and lists (shared by the message files of
 * core/messages/ and the verdict texts of the analyses).
 */

/** A value quoted for a message: `"2020-"`. */
export const q = (v: unknown): string => JSON.stringify(String(v));

/** A share as a percentage with one decimal: `0.1234` → `12.3%`. */
export const pct1 = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** A number with `d` decimals, never `-0.00`. */
export const fix = (x: number, d: number): string =>
  Object.is(Number(x.toFixed(d)), -0) ? (0).toFixed(d) : x.toFixed(d);

/** A number with `d` decimals and its sign (`+1.20`, `−0.30`, `0.00`). */
export const signed = (x: number, d: number): string =>
  x > 0 ? `+${fix(x, d)}` : x < 0 ? `−${fix(-x, d)}` : fix(0, d);

/** A p-value: `p = 0.042`, or `p < 0.001`. */
export const pText = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** Items joined the way the language joins them (`、` or `, `). */
export const listOf = (lang: Lang, items: readonly string[]): string =>
  lang === 'zh' ? items.join('、') : items.join(', ');

/** A zh/en name pair given to the tension messages. */
export interface BiName {
  zh: string;
  en: string;
}

/** The name of a {@link BiName} in a language. */
export const nm = (lang: Lang, n: BiName): string => pick(lang, n);
