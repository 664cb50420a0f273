/**
 * Terminal texts of the CLI in the run's language (issue 22 §12: with `--lang zh`, the default,
 * no English on stdout or stderr): regions detection, what was written, the profiles list and
 * the file lines of `soqa validate`. One place for these strings, to be moved into the
 * message registry (src/core/messages/) with its `pick(lang, { zh, en })`.
 */
import type { Lang } from '../../core/messages/index.js';

const pick = <T>(lang: Lang, t: { zh: T; en: T }): T => t[lang];

const pct1 = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The regions file detected from the first rows (stderr).
 *
 * @param lang language
 * @param d the detection: file id, rows looked at, share placed, province, the files tried
 * @returns one line, without newline
 * @example
 * regionsDetected('zh', { id: 'inner-mongolia', rows: 100, share: 1, tried: [{ id: 'china', share: 0 }] });
 */
export function regionsDetected(
  lang: Lang,
  d: { id: string; rows: number; share: number; within?: string; tried: { id: string; share: number }[] },
): string {
  const tried = d.tried.map((t) => `${t.id} ${pct1(t.share)}`).join(pick(lang, { zh: '，', en: ', ' }));
  return pick(lang, {
    zh: `地区文件：${d.id}${d.within ? `（限于${d.within}）` : ''}（自动识别：它能定位前${d.rows}行中的${pct1(d.share)}；已尝试 ${tried}）。用 --regions 指定其他地区文件${d.within ? '，用 --within 指定省份' : ''}。`,
    en: `regions: ${d.id}${d.within ? ` within ${d.within}` : ''} (detected: it places ${pct1(d.share)} of the first ${d.rows} rows; tried ${tried}). Pass --regions to choose another${d.within ? ', --within to choose the province' : ''}.`,
  });
}

/**
 * No built-in regions file places 95% of the first rows (stderr).
 *
 * @param lang language
 * @param tried the ids tried
 * @returns one line, without newline
 * @example
 * regionsNotDetected('en', ['china', 'inner-mongolia']);
 */
export function regionsNotDetected(lang: Lang, tried: readonly string[]): string {
  return pick(lang, {
    zh: `地区文件：没有内置文件（${tried.join('，')}）能定位前几行中的95%，按 inner-mongolia 读取。用 --regions 指定内置文件或自己的地区文件。`,
    en: `regions: no built-in file (${tried.join(', ')}) places 95% of the first rows; reading with inner-mongolia. Pass --regions with a built-in id or your own regions file.`,
  });
}

/**
 * What `soqa analyze` wrote (stderr).
 *
 * @param lang language
 * @param dir output folder
 * @param rejected rejected rows (listed in rejects.csv)
 * @returns one line with newline
 * @example
 * wroteOutputs('zh', 'reports/x', 0); // => '已写入 reports/x/results.json\n'
 */
export function wroteOutputs(lang: Lang, dir: string, rejected: number): string {
  return pick(lang, {
    zh: `已写入 ${dir}/results.json${rejected ? `；拒收的${rejected}行列于 ${dir}/rejects.csv` : ''}\n`,
    en: `wrote ${dir}/results.json${rejected ? `; ${rejected} rejected rows are listed in ${dir}/rejects.csv` : ''}\n`,
  });
}

/**
 * What the report renderer wrote (stderr).
 *
 * @param lang language
 * @param dir output folder
 * @param files report files written
 * @param charts charts drawn
 * @returns one line with newline
 * @example
 * wroteRendered('zh', 'out', ['report.md'], 3); // => '已写入 report.md、3张图（charts/）到 out\n'
 */
export function wroteRendered(lang: Lang, dir: string, files: readonly string[], charts: number): string {
  if (lang === 'zh') {
    const parts = [...files, ...(charts ? [`${charts}张图（charts/）`] : [])];
    return parts.length ? `已写入 ${parts.join('、')} 到 ${dir}\n` : `没有写入报告或图表：${dir}\n`;
  }
  const parts = [...files, ...(charts ? [`${charts} chart${charts === 1 ? '' : 's'} (charts/)`] : [])];
  return parts.length ? `wrote ${parts.join(', ')} to ${dir}\n` : `no report or chart written to ${dir}\n`;
}

/**
 * Heading of `soqa profiles`.
 *
 * @param lang language
 * @returns the line
 * @example
 * profilesHeader('zh');
 */
export function profilesHeader(lang: Lang): string {
  return pick(lang, {
    zh: '内置输入配置（用 --profile 名称 选用；`soqa profiles show 名称` 显示其内容；--profile 也可以是自己的配置文件路径）：',
    en: 'built-in profiles (use with --profile NAME; `soqa profiles show NAME` prints one; --profile also takes a path to your own file):',
  });
}

/**
 * The facts line of one profile in `soqa profiles`.
 *
 * @param lang language
 * @param p regions file, id kind and derived fields
 * @returns e.g. '（地区文件 auto；组织编号 credit-code；推导 region）'
 * @example
 * profileFacts('en', { regions: 'auto', idKind: 'plain', derived: [] }); // => '(regions auto; ids plain)'
 */
export function profileFacts(lang: Lang, p: { regions: string; idKind: string; derived: readonly string[] }): string {
  if (lang === 'zh')
    return `（地区文件 ${p.regions}；组织编号 ${p.idKind}${p.derived.length ? `；推导 ${p.derived.join('、')}` : ''}）`;
  return `(${[`regions ${p.regions}`, `ids ${p.idKind}`, ...(p.derived.length ? [`derives ${p.derived.join(', ')}`] : [])].join('; ')})`;
}

/** One input file as `soqa validate` describes it. */
export interface ValidateSource {
  file: string;
  encoding: string;
  delimiter: string;
  sheet?: string;
  rows: { read: number; accepted: number; rejected: number };
}

/**
 * The first line about an input file in `soqa validate`.
 *
 * @param lang language
 * @param s the file
 * @returns the line
 * @example
 * validateSourceLine('zh', { file: 'a.csv', encoding: 'utf-8', delimiter: ',', rows: { read: 3, accepted: 2, rejected: 1 } });
 * // => 'a.csv：编码 utf-8，分隔符 ","，3行（接受2行，拒收1行）'
 */
export function validateSourceLine(lang: Lang, s: ValidateSource): string {
  const how =
    s.sheet !== undefined
      ? pick(lang, { zh: `工作表 ${JSON.stringify(s.sheet)}`, en: `sheet ${JSON.stringify(s.sheet)}` })
      : pick(lang, {
          zh: `编码 ${s.encoding}，分隔符 ${JSON.stringify(s.delimiter)}`,
          en: `${s.encoding}, delimiter ${JSON.stringify(s.delimiter)}`,
        });
  return pick(lang, {
    zh: `${s.file}：${how}，${s.rows.read}行（接受${s.rows.accepted}行，拒收${s.rows.rejected}行）`,
    en: `${s.file}: ${how}, ${s.rows.read} rows (${s.rows.accepted} accepted, ${s.rows.rejected} rejected)`,
  });
}

/**
 * Where the header was found, when not on line 1 (`soqa validate`).
 *
 * @param lang language
 * @param line header line
 * @param rows header rows (2: two rows combined)
 * @returns the indented line
 * @example
 * validateHeaderLine('zh', 3, 1); // => '  表头在第3行'
 */
export function validateHeaderLine(lang: Lang, line: number, rows: number): string {
  return pick(lang, {
    zh: `  表头在第${line}行${rows === 2 ? `（两行，第${line}—${line + 1}行合并）` : ''}`,
    en: `  header on line ${line}${rows === 2 ? ` (two rows, ${line}–${line + 1}, combined)` : ''}`,
  });
}

/**
 * A line around the table that was skipped (`soqa validate`).
 *
 * @param lang language
 * @param l line number, kind (title, unit, total, note, blank …) and text
 * @returns the indented line
 * @example
 * validateSkippedLine('en', { line: 1, kind: 'title', text: '表1' }); // => '  line 1 skipped (title): "表1"'
 */
export function validateSkippedLine(lang: Lang, l: { line: number; kind: string; text: string }): string {
  return pick(lang, {
    zh: `  跳过第${l.line}行（${l.kind}）：${JSON.stringify(l.text)}`,
    en: `  line ${l.line} skipped (${l.kind}): ${JSON.stringify(l.text)}`,
  });
}

/**
 * "… n more lines skipped" (`soqa validate`).
 *
 * @param lang language
 * @param n lines not shown
 * @returns the indented line
 * @example
 * validateMoreSkipped('zh', 4); // => '  ……另跳过4行'
 */
export function validateMoreSkipped(lang: Lang, n: number): string {
  return pick(lang, { zh: `  ……另跳过${n}行`, en: `  … ${n} more lines skipped` });
}

/**
 * Where a rejected row or a warning is (`soqa validate`): file, line, code and column.
 *
 * @param lang language
 * @param e file, line (a number, or a text such as a range), optional code and column
 * @returns e.g. 'a.csv 第12行 W_CODE_CHECKSUM，列 org_id'
 * @example
 * validatePlace('en', { file: 'a.csv', line: 12, column: 'org_id' }); // => 'a.csv line 12, column org_id'
 */
export function validatePlace(
  lang: Lang,
  e: { file: string; line: number | string; code?: string; column?: string },
): string {
  const line = typeof e.line === 'number' ? pick(lang, { zh: `第${e.line}行`, en: `line ${e.line}` }) : String(e.line);
  const code = e.code ? ` ${e.code}` : '';
  const column = e.column ? pick(lang, { zh: `，列 ${e.column}`, en: `, column ${e.column}` }) : '';
  return `${e.file} ${line}${code}${column}`;
}

const NORMALIZATION_ZH: Record<string, string> = {
  global: '全局极差标准化',
  perYear: '逐年极差标准化',
  zscore: 'Z分数标准化',
  rank: '秩标准化',
};
const WEIGHTING_ZH: Record<string, string> = {
  entropy: '熵权法',
  critic: 'CRITIC法',
  equal: '等权',
  manual: '人工赋权',
};

/**
 * The two header lines of `soqa indicators`: framework and method, then layer weights, TOPSIS
 * and the rank interval.
 *
 * @param lang language
 * @param v year, framework id and indicator counts, method, layers with names and weights, Monte Carlo runs and seed
 * @returns two lines
 * @example
 * indicatorsHeader('zh', { year: 2024, framework: 'default', used: 23, indicators: 23, normalization: 'global', weighting: 'entropy', shift: 0, layers: [], runs: 200, seed: 1 });
 */
export function indicatorsHeader(
  lang: Lang,
  v: {
    year: number;
    framework: string;
    used: number;
    indicators: number;
    normalization: string;
    weighting: string;
    shift: number | null;
    layers: readonly { name: string; weight: number }[];
    runs: number;
    seed: number;
  },
): [string, string] {
  const layers = v.layers.map((l) => `${l.name} ${l.weight.toFixed(3)}`);
  if (lang === 'zh')
    return [
      `${v.year}年质量指数 — 指标体系 ${v.framework}（使用${v.indicators}项中的${v.used}项），${NORMALIZATION_ZH[v.normalization] ?? v.normalization}，${WEIGHTING_ZH[v.weighting] ?? v.weighting}${v.shift !== null ? `（平移 ${v.shift}）` : ''}`,
      `层面权重：${layers.join('，')}；TOPSIS：向量标准化、欧氏距离；排名区间：${v.runs}次蒙特卡洛模拟（随机种子${v.seed}）`,
    ];
  return [
    `quality index ${v.year} — framework ${v.framework} (${v.used} of ${v.indicators} indicators), ${v.normalization} normalisation, ${v.weighting} weights${v.shift !== null ? ` (shift ${v.shift})` : ''}`,
    `layer weights: ${layers.join(', ')}; TOPSIS: vector normalisation, Euclidean distance; rank interval: ${v.runs} Monte Carlo runs (seed ${v.seed})`,
  ];
}

const SKIP_REASON_ZH: Record<string, string> = {
  'missing-columns': '缺少列',
  'no-data': '无数据',
  'not-per-type': '不适用于分类型计算',
};

/**
 * The indicators `soqa indicators` skipped, one line.
 *
 * @param lang language
 * @param skipped label, reason code and missing columns of each
 * @returns the line
 * @example
 * indicatorsSkipped('zh', [{ label: '平均净资产', reason: 'missing-columns', missing: ['assets_net'] }]); // => '未计算：平均净资产（缺少列：assets_net）'
 */
export function indicatorsSkipped(
  lang: Lang,
  skipped: readonly { label: string; reason: string; missing: readonly string[] }[],
): string {
  if (lang === 'zh')
    return `未计算：${skipped.map((k) => `${k.label}（${SKIP_REASON_ZH[k.reason] ?? k.reason}${k.missing.length ? `：${k.missing.join('、')}` : ''}）`).join('；')}`;
  return `skipped: ${skipped.map((k) => `${k.label} (${k.reason}${k.missing.length ? `: ${k.missing.join(', ')}` : ''})`).join('; ')}`;
}

/**
 * Highly correlated indicator pairs within a layer, one line.
 *
 * @param lang language
 * @param pairs the two labels and r of each pair
 * @returns the line
 * @example
 * indicatorsCorrelated('en', [{ a: 'x', b: 'y', r: 0.93 }]); // => '|r| > 0.9 within a layer: x–y 0.93'
 */
export function indicatorsCorrelated(lang: Lang, pairs: readonly { a: string; b: string; r: number }[]): string {
  const list = pairs.map((c) => `${c.a}—${c.b} ${c.r.toFixed(2)}`);
  return lang === 'zh' ? `同一层面内|r| > 0.9：${list.join('；')}` : `|r| > 0.9 within a layer: ${list.join('; ')}`;
}
