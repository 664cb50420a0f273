import { escapeMessage, escapeTerminal } from '../output/escape-control.js';
import type { Command } from 'commander';
import { supervisionModels, supervisionNotes } from '../../analyses/supervision/run-supervision.js';
import { hasRows } from '../../analyses/analysis-context.js';
import type { SupervisionModel } from '../../analyses/supervision/supervision-pass.js';
import { loadRules } from '../../ingest/rules/load-rules.js';
import { rankFlagged, type FlaggedView } from '../../analyses/supervision/rank-flagged.js';
import { warningTotals } from '../../analyses/supervision/supervision-tables.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import type { CliIO } from '../io.js';
import { parseIntOption } from '../options.js';
import { formatNotes, toJsonText } from '../output/format-notes.js';
import { formatTable } from '../output/format-table.js';
import { toSafeCsv } from '../output/to-safe-csv.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { langFrom, langOption } from '../lang-option.js';

interface RiskRaw extends InputRaw {
  year?: string;
  rules: string;
  framework: string;
  lang?: string;
  limit: string;
  json: boolean;
  csv: boolean;
}

/** Columns of `soqa risk --csv`: one row per warning, organizations in rank order. */
export const RISK_CSV_COLUMNS = [
  'rank',
  'org_id',
  'name',
  'region',
  'region_name',
  'type',
  'current',
  'grade',
  'severity',
  'rule',
  'rule_label',
  'action',
  'action_label',
  'first_year',
  'last_year',
  'evidence',
  'evidence_json',
];

/**
 * Register `soqa risk`: every organization that trips a warning rule as of the latest year
 * (or `--year`), ranked by severity, each with the rule, the evidence and the suggested action
 * class; totals by rule, region and type. Rules from `--rules` (default
 * config/rules/default.json). A table by default; `--json` / `--csv` for scripts.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code (0 ok, 2 unusable input, 3 bad options)
 */
export function registerRisk(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  withInputOptions(
    program
      .command('risk')
      .description(
        'risk warnings: organizations tripping a warning rule as of the latest year (or --year), ranked by severity, with evidence and suggested action; totals by rule, region and type',
      ),
  )
    .option(
      '--year <year>',
      "as-of year: rules read each organization's rows up to it (default: the latest report year)",
    )
    .option(
      '--rules <name|path>',
      'warning rules: built-in name or JSON file (see config/rules/default.json)',
      'default',
    )
    .option('--framework <name|path>', 'indicator framework of the grades: built-in name or JSON file', 'default')
    .addOption(langOption('labels and evidence'))
    .option('--limit <n>', 'organizations listed in the table (0 = all; --json/--csv always list all)', '100')
    .option('--json', 'print the ranking and totals as JSON', false)
    .option('--csv', 'print one row per warning as CSV', false)
    .action(async (files: string[], raw: RiskRaw) => setExit(await risk(files, raw, io)));
}

async function risk(files: string[], raw: RiskRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const year = raw.year === undefined ? undefined : parseIntOption('--year', raw.year, 1000, 9999);
  const lang = langFrom(raw.lang);
  const limit = parseIntOption('--limit', raw.limit, 0);
  if (raw.json && raw.csv)
    throw new SoqaError('E_BAD_OPTION', msg.badOption('--csv', 'together with --json', 'only one of --json and --csv'));
  const rules = loadRules(raw.rules);
  const framework = loadFramework(raw.framework);
  // a large panel or standard input is streamed, as by soqa analyze (the rows spilled by organization)
  const { ctx, inputs, close } = await loadAnalysisContext(
    files,
    input,
    { need: 'supervision', config: { rules, framework } },
    io,
  );
  let model: SupervisionModel;
  try {
    if (!hasRows(ctx)) throw new SoqaError('E_NEEDS_ORGANIZATIONS', msg.needsOrganizationRows('risk'));
    [model] = supervisionModels(ctx, [year], { rules, framework });
  } finally {
    close();
  }
  const ranked = rankFlagged(model, ctx.regions);
  const totals = warningTotals(model, ctx.regions);
  const notes = supervisionNotes(model);
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  if (raw.json) {
    io.stdout(
      toJsonText({
        notice,
        asOf: model.asOf,
        rules: { id: rules.id, lookbackYears: rules.lookbackYears, applied: model.active, skipped: model.skipped },
        actions: rules.actions,
        organizations: { evaluated: totals.evaluated, supervised: totals.supervised, flagged: totals.flagged },
        flagged: ranked,
        totals: {
          warnings: totals.warnings,
          bySeverity: totals.bySeverity,
          byRule: totals.byRule,
          byRegion: totals.byRegion,
          byType: totals.byType,
        },
        notes,
      }),
    );
    return EXIT.OK;
  }
  if (raw.csv) {
    if (notice && !raw.quiet) io.stderr(`${notice[lang]}\n`);
    io.stdout(toSafeCsv(RISK_CSV_COLUMNS, riskCsvRows(ranked, lang)));
    return EXIT.OK;
  }
  let out = notice ? `${notice[lang]}\n\n` : '';
  out += `${lang === 'zh' ? `风险预警（截至${model.asOf}年，规则 ${rules.id}）：检查${totals.evaluated}个组织，${model.asOf}年在管${totals.supervised}个，预警${totals.flagged}个（高${totals.high}、中${totals.medium}、低${totals.low}）` : `risk warnings as of ${model.asOf} (rules ${rules.id}): ${totals.evaluated} organizations checked, ${totals.supervised} supervised in ${model.asOf}, ${totals.flagged} flagged (${totals.high} high, ${totals.medium} medium, ${totals.low} low)`}\n\n`;
  const shown = limit === 0 ? ranked : ranked.slice(0, limit);
  out += riskTable(shown, lang);
  if (shown.length < ranked.length)
    out += `${lang === 'zh' ? `（仅列出前${shown.length}个，共${ranked.length}个；--limit 0 列出全部）` : `(first ${shown.length} of ${ranked.length}; --limit 0 lists all)`}\n`;
  out += riskTotalsText(totals, rules.actions, lang);
  const n = formatNotes(notes, lang);
  if (n) out += `\n${n}`;
  io.stdout(escapeMessage(out));
  return EXIT.OK;
}

/**
 * The ranking as text blocks: one line per organization (rank, worst severity, id, name,
 * region, type, grade), then one indented line per warning (rule, action, evidence).
 */
function riskTable(rows: readonly FlaggedView[], lang: msg.Lang): string {
  if (!rows.length) return `${lang === 'zh' ? '没有组织触发预警规则。' : 'no organization trips a warning rule.'}\n`;
  const zh = lang === 'zh';
  const width = String(rows[rows.length - 1].rank).length;
  const pad = ' '.repeat(width + 2);
  const lines: string[] = [];
  for (const o of rows) {
    const region = `${o.region ?? ''} ${(zh ? o.regionZh : o.regionEn) ?? ''}`.trim();
    const type = o.type ? msg.orgTypeLabel(lang, o.type) : '–';
    const grade = o.grade ? (zh ? `，等级 ${o.grade}` : `, grade ${o.grade}`) : zh ? '，不在管' : ', not supervised';
    lines.push(
      `${String(o.rank).padStart(width)}  [${msg.severityLabel(lang, o.severity)}] ${escapeTerminal(o.org_id)} ${escapeTerminal(o.name)} — ${region}${zh ? '，' : ', '}${type}${grade}`,
    );
    for (const w of o.warnings)
      lines.push(
        `${pad}${zh ? w.zh : w.en}（${msg.severityLabel(lang, w.severity)}${zh ? '，' : ', '}${zh ? w.actionZh : w.actionEn}）: ${escapeTerminal(w.text[lang])}`
          .replace('（', zh ? '（' : ' (')
          .replace(/）: /, zh ? '）：' : '): '),
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The rows of `soqa risk --csv`: one per warning, organizations in rank order.
 *
 * @param ranked the ranking
 * @param lang language of the labels and the evidence sentence
 * @returns rows keyed by {@link RISK_CSV_COLUMNS}
 */
export function riskCsvRows(ranked: readonly FlaggedView[], lang: msg.Lang): Record<string, unknown>[] {
  return ranked.flatMap((o) =>
    o.warnings.map((w) => ({
      rank: o.rank,
      org_id: o.org_id,
      name: o.name,
      region: o.region,
      region_name: lang === 'zh' ? o.regionZh : o.regionEn,
      type: o.type,
      current: o.current ? 1 : 0,
      grade: o.grade,
      severity: w.severity,
      rule: w.rule,
      rule_label: lang === 'zh' ? w.zh : w.en,
      action: w.action,
      action_label: lang === 'zh' ? w.actionZh : w.actionEn,
      first_year: w.years[0],
      last_year: w.years[w.years.length - 1],
      evidence: w.text[lang],
      evidence_json: JSON.stringify(w.evidence),
    })),
  );
}

/** The warning totals as tables: by rule (with its action), by region and by type. */
function riskTotalsText(
  totals: ReturnType<typeof warningTotals>,
  actions: ReturnType<typeof loadRules>['actions'],
  lang: msg.Lang,
): string {
  const label = (r: { zh: string; en: string }) => (lang === 'zh' ? r.zh : r.en);
  let out = `\n${lang === 'zh' ? '按规则' : 'by rule'}\n${formatTable(
    lang === 'zh' ? ['规则', '级别', '处置', '组织数'] : ['rule', 'severity', 'action', 'organizations'],
    totals.byRule.map((r) => [
      // zh: the rule's name alone (its id is in --json and --csv)
      `${label(r)}${lang === 'zh' || label(r) === r.rule ? '' : ` (${r.rule})`}${r.applied ? '' : lang === 'zh' ? '（未执行）' : ' (not applied)'}`,
      msg.severityLabel(lang, r.severity),
      label(actions[r.action]),
      r.organizations,
    ]),
  )}`;
  const countCells = (c: {
    evaluated: number;
    supervised: number;
    flagged: number;
    high: number;
    medium: number;
    low: number;
  }) => [c.evaluated, c.supervised, c.flagged, c.high, c.medium, c.low];
  const countHead = (first: string): string[] => [
    first,
    ...(lang === 'zh'
      ? ['检查', '在管', '预警', '高', '中', '低']
      : ['checked', 'supervised', 'flagged', 'high', 'medium', 'low']),
  ];
  out += `\n${lang === 'zh' ? '按地区' : 'by region'}\n${formatTable(
    countHead(lang === 'zh' ? '地区' : 'region'),
    totals.byRegion.map((r) => [`${r.region} ${label(r)}`, ...countCells(r)]),
  )}`;
  out += `\n${lang === 'zh' ? '按类型' : 'by type'}\n${formatTable(
    countHead(lang === 'zh' ? '类型' : 'type'),
    totals.byType.map((t) => [msg.orgTypeLabel(lang, t.type), ...countCells(t)]),
  )}`;
  return out;
}
