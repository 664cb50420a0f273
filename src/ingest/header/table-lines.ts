import { parseNumber } from '../values/parse-number.js';
import { parseUnit, unitLine } from './header-unit.js';

/** A line around the table that is not a row: a title, a unit line, a total or a note. */
export interface TableLine {
  /** Physical line it starts on. */
  line: number;
  kind: 'title' | 'unit' | 'total' | 'note';
  /** Its text: the non-blank cells joined with a space (at most 200 characters). */
  text: string;
}

const NOTE = /^(注|附注|资料来源|数据来源|来源|说明|备注)\s*[0-9一二三四五六七八九十]*\s*[:：.、]?/;
const TOTAL = /^(合计|总计|小计|全区|全省|全市|总数)([:：].*)?$/;
const GROUP = /^其中\s*[:：]?$/;

/** The non-blank cells of a row, trimmed. */
export const filled = (cells: readonly string[]): string[] =>
  cells.map((c) => c.normalize('NFKC').trim()).filter((c) => c !== '');

/** The row's text for a {@link TableLine}: its non-blank cells as written, trimmed, joined with a space. */
export const lineText = (cells: readonly string[]): string =>
  cells
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' ')
    .slice(0, 200);

/** True when every cell of a row is blank. */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * What a row above the header is: a unit line (`单位：万元`) or a title (anything else that is
 * not blank: `表3-5 …`, `内蒙古自治区社会组织名录（截至2023年底）`, a date line).
 *
 * @param cells the row's cells
 * @returns `unit` or `title`
 * @example
 * preambleKind(['单位：个']); // => 'unit'
 */
export function preambleKind(cells: readonly string[]): 'unit' | 'title' {
  return unitLine(cells) ? 'unit' : 'title';
}

/**
 * Whether a row after the header is a note (`注：…`, `资料来源：…`, `说明：…`, `备注…` alone in
 * its row) or, in an organization list, a total (`合计`, `总计`, `小计`, `全区`, `全省` as its
 * first non-blank cell). Aggregate tables read their total rows as cross-checks themselves
 * (their 全区/合计 rows are whole-area rows), so they ask for notes only.
 *
 * @param cells the row's cells
 * @param totals whether total rows are table lines (organization lists)
 * @returns the kind, or null for a row of the table
 * @example
 * trailerKind(['注：本表不含分支机构。', '', ''], true); // => 'note'
 * trailerKind(['合计', '', '120'], true); // => 'total'
 */
export function trailerKind(cells: readonly string[], totals: boolean): 'total' | 'note' | null {
  const f = filled(cells);
  if (f.length === 0) return null;
  if (f.length === 1 && NOTE.test(f[0]) && !/^\d/.test(f[0])) return 'note';
  if (totals && TOTAL.test(f[0].replace(/\s+/g, ''))) return 'total';
  return null;
}

/** First characters of a line that may start a table line after the header (a cheap test before {@link trailerKind}). */
export const TRAILER_FIRST: ReadonlySet<number> = new Set([...'注附资数来说备合总小全'].map((c) => c.charCodeAt(0)));

/**
 * Whether `sub` is the second row of a two-row header under `top`: its first cell is blank,
 * it has text (no numbers) in at least one column, and each of its cells fills a hole of
 * the top row (a blank or `其中` cell) or gives a unit (`个`, `万元`).
 *
 * @param top the first header row
 * @param sub the row under it
 * @returns true when the two rows are one header
 * @example
 * isSubHeader(['地区', '年份', '合计', '其中', '', ''], ['', '', '', '社会团体', '民办非企业单位', '基金会']); // => true
 */
export function isSubHeader(top: readonly string[], sub: readonly string[]): boolean {
  if (sub.length === 0 || sub[0].trim() !== '') return false;
  let any = false;
  for (let c = 0; c < sub.length; c++) {
    const s = sub[c].normalize('NFKC').trim();
    if (s === '') continue;
    const n = parseNumber(s);
    if (n.ok && n.value !== null) return false;
    const t = (top[c] ?? '').normalize('NFKC').trim();
    if (t !== '' && !GROUP.test(t) && !parseUnit(s.replace(/^\((.*)\)$/, '$1'))) return false;
    any = true;
  }
  return any;
}

/**
 * The header of a two-row header: under a blank or `其中` cell the sub-row's text; a unit under
 * a header is added to it in parentheses (`社会团体（个）`); elsewhere the top row's text.
 *
 * @param top the first header row
 * @param sub the second
 * @returns one header row (as long as the longer of the two)
 * @example
 * combineHeaderRows(['地区', '年份', '合计', '其中', ''], ['', '', '', '社会团体', '基金会']); // => ['地区', '年份', '合计', '社会团体', '基金会']
 */
export function combineHeaderRows(top: readonly string[], sub: readonly string[]): string[] {
  const n = Math.max(top.length, sub.length);
  const out: string[] = [];
  for (let c = 0; c < n; c++) {
    const t = (top[c] ?? '').trim();
    const s = (sub[c] ?? '').trim();
    if (s === '') out.push(top[c] ?? '');
    else if (t === '' || GROUP.test(t.normalize('NFKC'))) out.push(s);
    else out.push(`${t}（${s.replace(/^[(（](.*)[)）]$/, '$1')}）`);
  }
  return out;
}
