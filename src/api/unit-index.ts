import type { Lang } from '../render/charts/labels.js';
import { numberFormats } from '../render/format-number.js';
import { escapeHtml } from '../render/report/escape-html.js';
import { escapeMarkdown } from '../render/report/escape-markdown.js';
import type { UnitComparison } from './unit-comparison.js';

/** What the index page says about the run. */
export interface UnitIndexInput {
  units: readonly UnitComparison[];
  /** The file each unit's link opens, relative to its folder (`report.html`, `report.md` or `results.json`). */
  target: string;
  /** The whole input's report or results, relative to the index (null when not written). */
  whole: string | null;
  /** The input's name(s). */
  input: string;
  synthetic: { en: string; zh: string } | null;
  lang: Lang;
}

const WORDS = {
  zh: {
    title: '分地区报告',
    intro: (n: number, input: string, year: number) =>
      `${input}：${n}个地区各一份报告，与全部数据（全区/全省）比较，${year}年。`,
    whole: '全部数据的报告',
    head: ['排名', '地区', '组织数', '占全部', '每万人', '每万人排名', '综合得分', '综合排名', '空间比较'],
    counties: (n: number) => `${n}个旗县区`,
    none: '无（见报告）',
  },
  en: {
    title: 'Reports by region',
    intro: (n: number, input: string, year: number) =>
      `${input}: one report for each of ${n} regions, compared with the whole input, ${year}.`,
    whole: 'the report of the whole input',
    head: [
      'rank',
      'region',
      'organizations',
      'share',
      'per 10,000',
      'rank per 10,000',
      'composite',
      'composite rank',
      'spatial',
    ],
    counties: (n: number) => `${n} counties`,
    none: 'none (see report)',
  },
} as const;

/**
 * The cells of the index table, one row per unit in rank order (ties by code).
 *
 * @param input the units and the language
 * @returns the header and rows, as plain text
 */
function tableOf(input: UnitIndexInput): {
  head: readonly string[];
  rows: { cells: string[]; unit: UnitComparison }[];
} {
  const w = WORDS[input.lang];
  const f = numberFormats(input.lang);
  const sorted = [...input.units].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  return {
    head: w.head,
    rows: sorted.map((u) => ({
      unit: u,
      cells: [
        `${u.rank}/${u.of}`,
        input.lang === 'zh' ? u.zh : u.en,
        f.int(u.count),
        f.pct(u.share),
        f.dec(u.per10k, 2),
        u.per10kRank === null ? '—' : String(u.per10kRank),
        f.dec(u.composite, 3),
        u.compositeRank === null ? '—' : String(u.compositeRank),
        u.level === 'parent' ? w.counties(u.regions) : w.none,
      ],
    })),
  };
}

/**
 * index.md: a table of the units linking each one's report.
 *
 * @param input units, link target, language
 * @returns the Markdown text
 * @example
 * unitIndexMarkdown({ units, target: 'report.md', whole: 'report.md', input: 'x.csv', synthetic: null, lang: 'en' });
 */
export function unitIndexMarkdown(input: UnitIndexInput): string {
  const w = WORDS[input.lang];
  const { head, rows } = tableOf(input);
  const year = input.units[0]?.year ?? 0;
  const lines = [
    ...(input.synthetic ? [`> **${escapeMarkdown(input.synthetic[input.lang])}**`, ''] : []),
    `# ${w.title}`,
    '',
    escapeMarkdown(w.intro(input.units.length, input.input, year), { lineStart: true }) +
      (input.whole ? ` [${w.whole}](${input.whole})` : ''),
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 1 || i === 8 ? '---' : '---:')).join('|')}|`,
    ...rows.map(({ cells, unit }) => {
      const md = cells.map((c) => escapeMarkdown(c));
      md[1] = `[${md[1]}](${encodeURIComponent(unit.code)}/${input.target})`;
      return `| ${md.join(' | ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

/**
 * index.html: the same table as one self-contained page (no script, no network).
 *
 * @param input units, link target, language
 * @returns the HTML text
 */
export function unitIndexHtml(input: UnitIndexInput): string {
  const w = WORDS[input.lang];
  const { head, rows } = tableOf(input);
  const year = input.units[0]?.year ?? 0;
  const body = rows
    .map(({ cells, unit }) => {
      const td = cells.map((c, i) =>
        i === 1
          ? `<td><a href="${escapeHtml(`${encodeURIComponent(unit.code)}/${input.target}`)}">${escapeHtml(c)}</a></td>`
          : `<td${i === 8 ? '' : ' class="n"'}>${escapeHtml(c)}</td>`,
      );
      return `<tr>${td.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(w.title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem}td.n{text-align:right}.notice{background:#fff3cd;padding:.5rem}</style>
</head>
<body>
${input.synthetic ? `<p class="notice"><strong>${escapeHtml(input.synthetic[input.lang])}</strong></p>\n` : ''}<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.intro(input.units.length, input.input, year))}${input.whole ? ` <a href="${escapeHtml(input.whole)}">${escapeHtml(w.whole)}</a>` : ''}</p>
<table>
<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
