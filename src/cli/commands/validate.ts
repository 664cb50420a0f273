import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { escapeMessage } from '../output/escape-control.js';
import { labelProblemRows } from '../../ingest/xlsx/row-label.js';
import { paintLevel } from '../output/paint.js';
import type { Command } from 'commander';
import { createLogger } from '../../core/logger.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { checkCreditCode } from '../../domain/credit-code/index.js';
import { qualitySummary, type QualitySummary } from '../../results/quality-summary.js';
import type { CliIO } from '../io.js';
import { loadInputs } from '../pipeline/load-inputs.js';
import type { ChunkSink } from '../../ingest/ingest-files.js';
import { writeProblemsCsv } from '../output/write-problems-csv.js';
import * as text from '../output/cli-text.js';
import { langFrom, langOption } from '../lang-option.js';
import type { Lang } from '../../core/messages/index.js';

interface ValidateRaw extends InputRaw {
  lang?: string;
  rejects?: string;
  warnings?: string;
  json: boolean;
}

/** Where `soqa validate` sends the accepted rows: nowhere (memory does not grow with them). */
const DROP_ROWS: ChunkSink = { rows: 1 << 16, onChunk: () => undefined, reset: () => undefined };

/**
 * Register `soqa validate`: a data-quality report. Exit 0 clean, 1 findings (rejected rows
 * or warnings), 2 unusable input.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerValidate(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('validate')
      .description('check input files and print a data-quality report (exit 0 clean, 1 findings, 2 unusable)'),
  )
    .option('--rejects <file>', 'also write the rejected rows to this CSV file')
    .option(
      '--warnings <file>',
      'also write every kept warning (with its file, line, column and value) to this CSV file',
    )
    .option('--json', 'print the report as JSON', false)
    .addOption(langOption('the report (--json is language-neutral)'))
    .action(async (files: string[], raw: ValidateRaw) => {
      const lang = langFrom(raw.lang);
      const log = createLogger((e) => {
        if (!raw.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
      });
      // the report needs the counts, not the rows: they are dropped chunk by chunk as they are read
      const { ingest } = await loadInputs(
        files,
        {
          ...inputOptionsFrom(raw),
          chunks: DROP_ROWS,
          // without --rejects only the first rejected rows are shown: the others are counted
          spillRejects: raw.rejects !== undefined,
        },
        io,
        log,
      );
      const q = qualitySummary(ingest);
      if (raw.rejects) writeProblemsCsv(raw.rejects, ingest.rejects, ingest.rejectSpill, ingest.sources);
      ingest.rejectSpill?.close();
      if (raw.warnings) writeProblemsCsv(raw.warnings, ingest.warnings);
      const sources = ingest.sources.map((s) => ({
        file: s.name,
        encoding: s.encoding,
        delimiter: s.delimiter,
        ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
        sha256: s.sha256,
        rows: s.counts,
        ...(s.table ? { table: s.table } : {}),
      }));
      const examples = labelProblemRows(ingest.rejects.slice(0, 20), ingest.sources);
      const warningExamples = labelProblemRows(firstWarnings(ingest.warnings, 20), ingest.sources);
      if (raw.json)
        io.stdout(`${JSON.stringify({ sources, ...q, rejectExamples: examples, warningExamples }, null, 2)}\n`);
      else io.stdout(escapeMessage(formatReport(q, sources, { examples, warnings: warningExamples }, lang)));
      if (ingest.counts.accepted === 0) {
        io.stderr(
          `error [E_NO_ROWS]: ${msg.noAcceptedRows(ingest.counts.read, ingest.counts.rejected, raw.rejects ?? 'the rejected rows listed in the report')}\n`,
        );
        return setExit(EXIT.UNUSABLE_INPUT);
      }
      setExit(ingest.counts.rejected > 0 || Object.keys(ingest.warningCounts).length > 0 ? EXIT.FINDINGS : EXIT.OK);
    });
}

type Example = { file: string; line: number | string; code?: string; column: string; value: string; reason: string };

/** The first warnings in input order, `n` at most, and no more than a quarter of them of one code (so that every code shows). */
function firstWarnings<T extends { file: string; line: number; code?: string }>(
  warnings: readonly T[],
  n: number,
): T[] {
  const byFile = [...warnings].sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
  const per = new Map<string, number>();
  const out: T[] = [];
  for (const w of byFile) {
    const k = w.code ?? '';
    if ((per.get(k) ?? 0) >= Math.max(1, Math.floor(n / 4))) continue;
    per.set(k, (per.get(k) ?? 0) + 1);
    out.push(w);
    if (out.length >= n) break;
  }
  return out;
}

function formatReport(
  q: QualitySummary,
  sources: {
    file: string;
    encoding: string;
    delimiter: string;
    sheet?: string;
    rows: QualitySummary['rows'];
    table?: { headerLine: number; headerRows: number; lines: { line: number; kind: string; text: string }[] };
  }[],
  { examples, warnings }: { examples: Example[]; warnings: Example[] },
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const s of sources) {
    out.push(text.validateSourceLine(lang, s));
    const t = s.table;
    if (t && (t.headerLine !== 1 || t.headerRows !== 1))
      out.push(text.validateHeaderLine(lang, t.headerLine, t.headerRows));
    for (const l of t?.lines.slice(0, 10) ?? []) out.push(text.validateSkippedLine(lang, l));
    if ((t?.lines.length ?? 0) > 10) out.push(text.validateMoreSkipped(lang, t!.lines.length - 10));
  }
  out.push(
    zh
      ? `读取${q.rows.read}行 = 接受${q.rows.accepted}行 + 拒收${q.rows.rejected}行${q.rows.blank ? `；另跳过空行${q.rows.blank}行` : ''}${q.rows.skipped ? `；跳过标题、单位、合计或注释行${q.rows.skipped}行` : ''}`
      : `rows read ${q.rows.read} = accepted ${q.rows.accepted} + rejected ${q.rows.rejected}${q.rows.blank ? `; ${q.rows.blank} blank lines skipped` : ''}${q.rows.skipped ? `; ${q.rows.skipped} title, unit, total or note lines skipped` : ''}`,
  );
  const section = (title: string, o: Record<string, number>) => {
    const entries = Object.entries(o);
    out.push(`${title}${zh ? '：' : ': '}${entries.length ? '' : zh ? '无' : 'none'}`);
    for (const [k, v] of entries) out.push(`  ${k.padEnd(32)} ${v}`);
  };
  section(zh ? '拒收行（按原因）' : 'rejected rows by reason', q.rejectsByReason);
  section(zh ? '警告（按代码）' : 'warnings by code', q.warningsByCode);
  out.push(zh ? `重复：${q.duplicates}` : `duplicates: ${q.duplicates}`);
  for (const n of q.notes ?? []) out.push(n[lang]);
  if (!q.notes?.some((n) => n.code === 'N_AGGREGATE_INPUT'))
    out.push(
      zh
        ? `统一社会信用代码：校验位错误${q.creditCodes.checksumFailures}个，机构类别与组织类型不符${q.creditCodes.typeMismatches}个，行政区划码与所在地区不符${q.creditCodes.regionMismatches}个，含小写字母${q.creditCodes.lowercase}个`
        : `credit codes: ${q.creditCodes.checksumFailures} fail the checksum, ${q.creditCodes.typeMismatches} disagree with type, ${q.creditCodes.regionMismatches} with region, ${q.creditCodes.lowercase} lower-case`,
    );
  out.push(zh ? '缺失值（占接受行的比例）：' : 'missing values (share of accepted rows):');
  for (const [k, v] of Object.entries(q.missingRate)) if (v > 0) out.push(`  ${k.padEnd(32)} ${(100 * v).toFixed(1)}%`);
  if (q.columns.absent.length)
    out.push(`${zh ? '缺少的可选列：' : 'optional columns absent: '}${q.columns.absent.join(', ')}`);
  if (q.columns.ignored.length)
    out.push(
      `${zh ? '忽略的列：' : 'columns ignored: '}${q.columns.ignored.slice(0, 20).join(', ')}${q.columns.ignored.length > 20 ? `, … (${zh ? `共${q.columns.ignored.length}列` : `${q.columns.ignored.length} in all`})` : ''}`,
    );
  if (examples.length) {
    out.push(zh ? '前几条拒收行：' : 'first rejected rows:');
    for (const e of examples)
      out.push(
        `  ${text.validatePlace(lang, { ...e, code: undefined })}${zh ? '：' : ': '}${JSON.stringify(e.value)} ${msg.codeCheckReason(codeWarning(e), lang)}`,
      );
  }
  if (warnings.length) {
    out.push(zh ? '前几条警告（全部警告：--warnings 文件）：' : 'first warnings (all of them: --warnings FILE):');
    for (const w of warnings)
      out.push(
        `  ${text.validatePlace(lang, w)}${zh ? '：' : ': '}${JSON.stringify(w.value)} ${msg.codeCheckReason(codeWarning(w), lang)}`,
      );
  }
  return `${out.join('\n')}\n`;
}

/** A reject or warning as {@link msg.codeCheckReason} reads it: a W_CODE_CHECKSUM with the problems of its code. */
const codeWarning = (p: { code?: string; reason: string; value: string }): msg.CodeWarning => ({
  code: p.code,
  reason: p.reason,
  ...(p.code === 'W_CODE_CHECKSUM' ? { problems: checkCreditCode(p.value).problems } : {}),
});
