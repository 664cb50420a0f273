import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import type { Parsed } from './parse-number.js';

const NONE = new Set(['0', '无', '未评估', '未评级', '无等级', 'none', 'unrated']);

/**
 * Read an evaluation grade: `3A`, `AAA`, `3A级`, `3` → 3; `未评估`, `无`, `0` → 0 (not
 * rated). Grades run 1–5.
 *
 * @param raw the cell text
 * @returns `{ ok: true, value: 0..5 | null }` or `{ ok: false, reason }`
 * @example
 * parseRating('AAAA'); // => { ok: true, value: 4 }
 */
export function parseRating(raw: string): Parsed<number> {
  const full = normalizeText(raw).toUpperCase();
  const t = full.replace(/级$/, '');
  // check before and after dropping 级: 未评级 and 无等级 end in it
  if (NONE.has(full.toLowerCase()) || NONE.has(t.toLowerCase())) return { ok: true, value: 0 };
  if (isMissing(t)) return { ok: true, value: null };
  let m = /^([1-5])A?$/.exec(t);
  if (m) return { ok: true, value: Number(m[1]) };
  m = /^(A{1,5})$/.exec(t);
  if (m) return { ok: true, value: m[1].length };
  return { ok: false, reason: 'not a grade (expected 1A–5A, AAA, 0 or 未评估)' };
}
