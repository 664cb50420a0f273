/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script, no
 * external resource, no URL.
 */
import type { Lang } from '../charts/labels.js';
import type { Results } from '../../results/results.js';
import { buildReport } from './build-report.js';
import { embedSvg } from './embed-svg.js';
import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-css.js';
import type { Block, Cell, Inline, ReportDoc } from './report-model.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  lang: Lang;
  /** Chart name → SVG markup (from `renderSvg`) to inline. Charts not given are left out. */
  charts?: Readonly<Record<string, string>>;
}

const inline = (x: Inline): string => {
  if (typeof x === 'string') return escapeHtml(x);
  if ('strong' in x) return `<strong>${escapeHtml(x.strong)}</strong>`;
  return `<code>${escapeHtml(x.code)}</code>`;
};
const inlines = (xs: readonly Inline[]): string => xs.map(inline).join('');
const cell = (c: Cell): string => (typeof c === 'string' ? escapeHtml(c) : inlines(c));
const idAttr = (id: string | undefined): string => (id && /^[a-z][a-z0-9-]*$/.test(id) ? ` id="${id}"` : '');

/** Plain text of a cell (for measuring). */
const cellText = (c: Cell): string =>
  typeof c === 'string' ? c : c.map((x) => (typeof x === 'string' ? x : 'strong' in x ? x.strong : x.code)).join('');

/** Columns whose cells are all short keep on one line; columns with long text may wrap. */
const LONG_CELL = 16;

function table(b: Extract<Block, { kind: 'table' }>): string {
  // a single printable-ASCII token (a credit code, a number) up to 24 characters never wraps
  const long = (text: string) => [...text].length > LONG_CELL && !/^[\x21-\x7e]{1,24}$/.test(text);
  const wraps = b.head.map((_, i) => b.rows.some((r) => long(cellText(r[i] ?? ''))));
  const cls = (i: number) => {
    const names = [...(b.align?.[i] === 'r' ? ['r'] : []), ...(wraps[i] ? [] : ['nw'])];
    return names.length ? ` class="${names.join(' ')}"` : '';
  };
  // headers may wrap between words (never inside a CJK word: word-break keep-all in the CSS)
  const headCls = (i: number) => (b.align?.[i] === 'r' ? ' class="r"' : '');
  const head = `<tr>${b.head.map((h, i) => `<th${headCls(i)} scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = b.rows.map((r) => `<tr>${b.head.map((_, i) => `<td${cls(i)}>${cell(r[i] ?? '')}</td>`).join('')}</tr>`);
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}

/**
 * Write a report document as a complete HTML page. Every text goes through `escapeHtml`;
 * charts are inlined through `embedSvg`. The page has a Content-Security-Policy that allows
 * nothing but its own inline styles, so even a browser that opens it online loads nothing.
 *
 * @param doc the document from `buildReport`
 * @param charts chart name → SVG markup
 * @returns the HTML text, ending with a newline
 */
export function htmlFromDoc(doc: ReportDoc, charts: Readonly<Record<string, string>> = {}): string {
  const body: string[] = [];
  let notice = '';
  let figureNo = 0;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'notice':
        notice = `<p class="notice" role="note">${escapeHtml(b.text)}</p>`;
        break;
      case 'heading':
        body.push(`<h${b.level}${idAttr(b.id)}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'para':
        body.push(`<p>${inlines(b.inlines)}</p>`);
        break;
      case 'note':
        body.push(`<p class="note">${inlines(b.inlines)}</p>`);
        break;
      case 'list':
        body.push(`<ul>\n${b.items.map((it) => `<li>${inlines(it)}</li>`).join('\n')}\n</ul>`);
        break;
      case 'table':
        body.push(table(b));
        break;
      case 'math':
        body.push(`<p class="math">${escapeHtml(b.text)}</p>`);
        break;
      case 'figure': {
        const svg =
          charts[b.chart] === undefined ? null : embedSvg(charts[b.chart], `${b.chart.replace(/[^a-z0-9-]/gi, '')}-`);
        if (svg === null) break;
        figureNo += 1;
        const label = doc.lang === 'zh' ? `图${figureNo}` : `Figure ${figureNo}`;
        // charts grow to the column width, but at most to 1.4× their drawn size; on a phone a
        // wide chart keeps at least 60% of its drawn size and scrolls sideways inside its box
        const width = Number(/^<svg\b[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 0);
        const style =
          width > 0 ? ` style="max-width:${Math.round(width * 1.4)}px;--min-width:${Math.round(width * 0.6)}px"` : '';
        body.push(
          `<figure${idAttr(`fig-${b.chart}`)}>\n<div class="chart" role="img" aria-label="${escapeHtml(b.caption)}"${style}>${svg}</div>\n<figcaption>${escapeHtml(label)}</figcaption>\n</figure>`,
        );
        break;
      }
    }
  }
  const lang = doc.lang === 'zh' ? 'zh-CN' : 'en';
  // table of contents: every section heading with an id, placed after the title and the data line
  const sections = doc.blocks.filter(
    (b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2 && idAttr(b.id) !== '',
  );
  if (sections.length > 1) {
    const toc = `<nav class="toc" aria-label="${doc.lang === 'zh' ? '目录' : 'Contents'}">\n<p class="toc-title">${doc.lang === 'zh' ? '目录' : 'Contents'}</p>\n<ol>\n${sections.map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`).join('\n')}\n</ol>\n</nav>`;
    const at = body.findIndex((x) => x.startsWith('<h2'));
    body.splice(at < 0 ? body.length : at, 0, toc);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="soqa">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...(notice ? [notice] : []),
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The HTML report of a results file: one self-contained page (inline CSS and SVG, no
 * script, no external resource), readable on a phone and printable to A4. When
 * `results.notice` is set, the page starts with the synthetic-data notice.
 *
 * @param results results.json
 * @param options `lang` (`zh` or `en`); `charts`: chart name → SVG markup to inline
 * @returns report.html text
 * @example
 * renderHtml(results, { lang: 'en', charts: { lorenz: await renderSvg(spec) } });
 */
export function renderHtml(results: Results, options: RenderHtmlOptions): string {
  return htmlFromDoc(buildReport(results, { lang: options.lang }), options.charts ?? {});
}
