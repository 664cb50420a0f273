import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import type { Parsed } from './parse-number.js';

const TRUE = new Set(['1', 'y', 'yes', 'true', 't', '是', '有', '已', '√', '✓', '已建立', '已公开', '已入驻']);
const FALSE = new Set(['0', 'n', 'no', 'false', 'f', '否', '无', '未', '×', '✗', '未建立', '未公开', '未入驻']);

/**
 * Read a yes/no cell: `1/0`, `yes/no`, `true/false`, `Y/N`, `是/否`, `有/无`, `√/×`.
 *
 * @param raw the cell text
 * @returns `{ ok: true, value: 1 | 0 | null }` or `{ ok: false, reason }`
 * @example
 * parseFlag('是'); // => { ok: true, value: 1 }
 */
export function parseFlag(raw: string): Parsed<number> {
  const t = normalizeText(raw).toLowerCase();
  if (TRUE.has(t)) return { ok: true, value: 1 };
  if (FALSE.has(t)) return { ok: true, value: 0 };
  if (isMissing(t)) return { ok: true, value: null };
  return { ok: false, reason: 'not a yes/no value (expected 1/0, 是/否, yes/no)' };
}
