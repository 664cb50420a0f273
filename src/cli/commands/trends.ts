import { escapeMessage } from '../output/escape-control.js';
import type { Command } from 'commander';
import { trendsSection, type TrendsSection } from '../../analyses/trends/trends-section.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { CliIO } from '../io.js';
import { parseYearRange } from '../options.js';
import { formatNotes, toJsonText } from '../output/format-notes.js';
import { formatTable, numCell, pCell, pctCell } from '../output/format-table.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { langFrom, langOption } from '../lang-option.js';

interface TrendsRaw extends InputRaw {
  window?: string;
  lang?: string;
  json: boolean;
  csv: boolean;
}

/**
 * Register `soqa trends`: the stock of organizations per year by type, shares, growth,
 * CAGR, volatility, Mann–Kendall and Sen's slope, with a verdict per type.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerTrends(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('trends')
      .description(
        "type-mix trends: stock by type per year, shares, growth, CAGR, volatility, Mann–Kendall and Sen's slope",
      ),
  )
    .option('--window <A-B>', 'analyse the years A to B only (default: every year in the data)')
    .addOption(langOption('verdicts and notes'))
    .option('--json', 'print the section as JSON', false)
    .option('--csv', 'print a flat CSV table (year, type, count, share, growth)', false)
    .action(async (files: string[], raw: TrendsRaw) => setExit(await trends(files, raw, io)));
}

async function trends(files: string[], raw: TrendsRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const window = raw.window === undefined ? undefined : parseYearRange('--window', raw.window);
  const lang = langFrom(raw.lang);
  if (raw.json && raw.csv)
    throw new SoqaError('E_BAD_OPTION', msg.badOption('--csv', 'together with --json', 'only one of --json and --csv'));
  const { ctx, inputs } = await loadAnalysisContext(
    files,
    input,
    { extra: window ? { trends: { window } } : {}, need: 'cube' },
    io,
  );
  const section = trendsSection(ctx);
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  if (raw.json) {
    io.stdout(toJsonText({ notice, trends: section }));
    return EXIT.OK;
  }
  if (raw.csv) {
    if (notice && !raw.quiet) io.stderr(`${notice[lang]}\n`);
    io.stdout(trendsCsv(section));
    return EXIT.OK;
  }
  let out = notice ? `${notice[lang]}\n\n` : '';
  if (section.years.length)
    out += `${stockTable(section, lang)}\n${summaryTable(section, lang)}\n${section.types.map((t) => section.byType[t].verdict[lang]).join('\n')}\n`;
  const notes = formatNotes(section.notes, lang);
  if (notes) out += `\n${notes}`;
  io.stdout(escapeMessage(out));
  return EXIT.OK;
}

function stockTable(s: TrendsSection, lang: msg.Lang): string {
  const zh = lang === 'zh';
  const header = [
    zh ? '年份' : 'year',
    zh ? '合计' : 'total',
    zh ? '增长率' : 'growth',
    ...s.types.flatMap((t) => [msg.orgTypeLabel(lang, t), zh ? '占比' : 'share']),
  ];
  const rows = s.years.map((y, k) => [
    y,
    s.total?.values[k] ?? null,
    pctCell(s.total?.growth[k]),
    ...s.types.flatMap((t) => [s.byType[t].count.values[k], pctCell(s.byType[t].share.values[k])]),
  ]);
  const title = zh
    ? `${s.years[0]}—${s.years.at(-1)}年分类型社会组织数`
    : `Organizations by type, ${s.years[0]}–${s.years.at(-1)}`;
  return `${title}\n\n${formatTable(header, rows)}`;
}

function summaryTable(s: TrendsSection, lang: msg.Lang): string {
  const line = (
    name: string,
    c: TrendsSection['byType'][string]['count'] | null,
    sh: TrendsSection['byType'][string]['share'] | null,
  ) => [
    name,
    pctCell(c?.cagr),
    numCell(c?.volatility?.cv, 2),
    numCell(c?.test?.z, 2),
    pCell(c?.test?.p),
    sh?.test ? `${sh.test.slope >= 0 ? '+' : ''}${(100 * sh.test.slope).toFixed(2)}` : null,
    numCell(sh?.test?.z, 2),
    pCell(sh?.test?.p),
  ];
  const rows = [
    line(lang === 'zh' ? '合计' : 'total', s.total, null),
    ...s.types.map((t) => line(msg.orgTypeLabel(lang, t), s.byType[t].count, s.byType[t].share)),
  ];
  const zh = lang === 'zh';
  const title = zh
    ? `趋势检验（Mann–Kendall检验，含结校正，双侧p；Sen斜率为每年变化；显著性水平${s.alpha}）`
    : `Trend tests (Mann–Kendall with tie correction, two-sided p; Sen's slope per year; alpha ${s.alpha})`;
  const head = zh
    ? ['类型', '年均复合增长率', '增长率变异系数', '数量z', '数量p', '占比每年百分点', '占比z', '占比p']
    : ['type', 'CAGR', 'CV growth', 'count z', 'count p', 'share pp/yr', 'share z', 'share p'];
  return `${title}\n\n${formatTable(head, rows)}`;
}

function trendsCsv(s: TrendsSection): string {
  const rows = s.years.flatMap((year, k) => [
    {
      year,
      type: 'all',
      count: s.total?.values[k] ?? null,
      share: s.total?.values[k] != null ? 1 : null,
      growth: s.total?.growth[k] ?? null,
    },
    ...s.types.map((type) => ({
      year,
      type,
      count: s.byType[type].count.values[k],
      share: s.byType[type].share.values[k],
      growth: s.byType[type].count.growth[k],
    })),
  ]);
  return toSafeCsv(['year', 'type', 'count', 'share', 'growth'], rows);
}
