/**
 * The report as GitHub-flavoured Markdown.
 */
import type { Lang } from '../charts/labels.js';
import type { Results } from '../../results/results.js';
import { buildReport } from './build-report.js';
import { escapeMarkdown } from './escape-markdown.js';
import type { Block, Cell, Inline, ReportDoc } from './report-model.js';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  lang: Lang;
  /**
   * Chart name → image path relative to report.md (e.g. `charts/lorenz.svg`), for the charts
   * written next to the report. Charts not in the map are left out of the Markdown.
   * Default: none.
   */
  charts?: Readonly<Record<string, string>>;
}

const inline = (x: Inline, lineStart: boolean, inTable = false): string => {
  if (typeof x === 'string') return escapeMarkdown(x, { lineStart });
  if ('strong' in x) {
    // emphasis cannot end on a space (GFM flanking rules): keep edge spaces outside the markers
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(x.strong) as RegExpExecArray;
    return m[2] === '' ? escapeMarkdown(x.strong) : `${m[1]}**${escapeMarkdown(m[2])}**${m[3]}`;
  }
  // inline code: the fence is one backtick more than the longest backtick run inside;
  // in a table cell a pipe must be escaped even inside code (GFM)
  const flat = x.code.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  const text = inTable ? flat.replace(/\|/g, '\\|') : flat;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};

const inlines = (xs: readonly Inline[]): string => xs.map((x, i) => inline(x, i === 0)).join('');

const cell = (c: Cell): string =>
  (typeof c === 'string' ? escapeMarkdown(c) : c.map((x) => inline(x, false, true)).join('')) || ' ';

function table(b: Extract<Block, { kind: 'table' }>): string {
  const cols = b.head.length;
  const align = b.head.map((_, i) => (b.align?.[i] === 'r' ? '---:' : ':---'));
  const row = (cells: readonly Cell[]) =>
    `| ${Array.from({ length: cols }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  return [row(b.head), `| ${align.join(' | ')} |`, ...b.rows.map(row)].join('\n');
}

/**
 * Write a report document as Markdown: ATX headings, GFM tables with aligned number
 * columns, images for the charts given, and every text escaped with `escapeMarkdown`.
 * Deterministic: the same document gives the same text.
 *
 * @param doc the document from `buildReport`
 * @param charts chart name → image path
 * @returns the Markdown text, ending with a newline
 */
export function markdownFromDoc(doc: ReportDoc, charts: Readonly<Record<string, string>> = {}): string {
  const out: string[] = [];
  let figureNo = 0;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'notice':
        out.push(`> **${escapeMarkdown(b.text)}**`);
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`);
        break;
      case 'para':
        out.push(inlines(b.inlines));
        break;
      case 'note':
        out.push(`*${inlines(b.inlines)}*`);
        break;
      case 'list':
        out.push(b.items.map((it) => `- ${inlines(it)}`).join('\n'));
        break;
      case 'table':
        out.push(table(b));
        break;
      case 'math':
        out.push(`$$\n${b.tex.replace(/\$/g, '\\$')}\n$$`);
        break;
      case 'figure': {
        const path = charts[b.chart];
        if (path === undefined) break;
        figureNo += 1;
        const label = doc.lang === 'zh' ? `图${figureNo}　` : `Figure ${figureNo}. `;
        // the path is soqa's own (charts/<name>.svg); < > keep any character in it literal
        out.push(`![${escapeMarkdown(`${label}${b.caption}`)}](<${path.replace(/[<>\r\n]/g, '')}>)`);
        break;
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * The Markdown report of a results file: synthetic-data notice on the first line when
 * `results.notice` is set, then the title, key findings, the sections, and the appendices.
 *
 * @param results results.json
 * @param options `lang` (`zh` or `en`); `charts`: chart name → image path to show
 * @returns report.md text
 * @example
 * renderMarkdown(results, { lang: 'zh', charts: { lorenz: 'charts/lorenz.svg' } }).split('\n')[0];
 * // => '> **注意：本数据为 soqa 生成的合成演示数据…**' for the built-in sample
 */
export function renderMarkdown(results: Results, options: RenderMarkdownOptions): string {
  const charts = options.charts ?? {};
  return markdownFromDoc(buildReport(results, { lang: options.lang }), charts);
}
