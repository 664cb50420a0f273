/**
 * Chart titles: wrapped to the chart's width, with optional subtitle lines.
 */
import { FONT_SIZES } from '../theme.js';
import { textWidth } from '../text-width.js';

const asLines = (text: string | string[] | undefined): string[] =>
  text === undefined ? [] : Array.isArray(text) ? text : [text];

/** Places where a title line may break: after CJK and Latin clause punctuation, and at spaces. */
const BREAK_AFTER = /[，；：、。,;:)）]|\s/u;

/** Characters a line must not end with (opening brackets and quotes). */
const OPENING = /[（(“‘《「【]/u;

/** Characters a line must not start with (closing punctuation). */
const CLOSING = /[，；：、。！？,;:.!?)）”’》」】]/u;

/**
 * Wrap one line of title text into lines no wider than `maxWidth` px at the title font
 * size (bold), breaking after clause punctuation (，；、, ; …) or at spaces where possible,
 * else between characters (CJK text has no spaces).
 *
 * @param text the title
 * @param maxWidth available width in px
 * @param fontSize font size (default: the theme's title size)
 * @returns one or more lines
 * @example
 * wrapTitle('核心区以34.6%的人口集聚了46.4%的社会组织，区位商1.34', 200).length; // => 2
 */
export function wrapTitle(text: string, maxWidth: number, fontSize: number = FONT_SIZES.title, bold = true): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== '' && textWidth(rest, fontSize, bold) > maxWidth) {
    const chars = [...rest];
    let fit = 0;
    let width = '';
    for (; fit < chars.length; fit++) {
      if (textWidth(width + chars[fit], fontSize, bold) > maxWidth) break;
      width += chars[fit];
    }
    fit = Math.max(1, fit);
    let cut = -1;
    for (let i = fit; i > fit / 2; i--)
      if (BREAK_AFTER.test(chars[i - 1])) {
        cut = i;
        break;
      }
    if (cut < 0) cut = fit;
    // no line ends with an opening bracket or quote, none starts with closing punctuation
    while (cut > 1 && OPENING.test(chars[cut - 1])) cut--;
    while (cut < chars.length && CLOSING.test(chars[cut])) cut++;
    lines.push(chars.slice(0, cut).join('').trim());
    rest = chars.slice(cut).join('').trim();
  }
  if (rest !== '') lines.push(rest);
  return lines;
}

/**
 * Vega-Lite `title` object: the title (each given line wrapped to `maxWidth`) and the
 * subtitle lines (wrapped at the subtitle size).
 *
 * @param title title text or lines
 * @param subtitle subtitle text or lines (optional)
 * @param maxWidth width to wrap to, in px
 * @returns `{ text, subtitle? }`
 */
export function titleBlock(title: string | string[], subtitle: string | string[] | undefined, maxWidth: number) {
  const text = asLines(title).flatMap((l) => wrapTitle(l, maxWidth));
  const sub = asLines(subtitle).flatMap((l) => wrapTitle(l, maxWidth, FONT_SIZES.subtitle, false));
  return sub.length === 0 ? { text } : { text, subtitle: sub };
}
