/**
 * What absent columns (or an aggregated table) left out, analysis by analysis, for the
 * data-quality appendix; and the names of the analyses an aggregated table skipped.
 */
import { isSkipped } from '../../../results/section-types.js';
import { ranSection } from '../../results-view.js';
import type { Cell } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import type { ReportContext } from '../report-context.js';
import { indicatorNames } from './indicators.js';
import { pick } from '../../../core/lang.js';

/** Report name of an analysis section (`results.analyses` key). */
export function analysisName(ctx: ReportContext, key: string): string {
  if (key === 'indicators') return pick(ctx.lang, { zh: '指标体系与综合评价', en: 'Indicators and composite score' });
  const names: Record<string, ReportTextKey> = {
    spatial: 'h.spatial',
    trends: 'h.typemix',
    staff: 'h.staff',
    tension: 'h.tension',
    supervision: 'h.supervision',
  };
  return key in names ? rt(names[key], ctx.lang) : key;
}

/**
 * The analyses skipped because the input is an aggregated table (sections
 * `{ skipped: true, reason: 'aggregate-input' }`), as `results.analyses` keys.
 */
export function aggregateSkipped(ctx: ReportContext): string[] {
  return Object.entries(ctx.results.analyses)
    .filter(([, s]) => isSkipped(s) && s.reason === 'aggregate-input')
    .map(([k]) => k);
}

/** What an aggregated-table input means for the report, naming the analyses it skipped. */
export function aggregateText(ctx: ReportContext, skipped: readonly string[] = aggregateSkipped(ctx)): string {
  const names = ctx.list(skipped.map((k) => analysisName(ctx, k)));
  return pick(ctx.lang, {
    zh: `输入为汇总统计表（按地区×年份×类型的数量与合计），不是逐个组织的记录：行数为表格行数而非组织数；针对单个组织的检查（统一社会信用代码、重复组织、登记与年报日期）不适用。${skipped.length ? `需要组织记录的分析已跳过：${names}。` : ''}其余各部分由表中的数量计算，与由组织记录汇总得到的结果相同。`,
    en: `The input is an aggregated table (counts and totals by region × year × type), not organization rows: rows are table rows, not organizations, and the checks of individual organizations (credit codes, duplicate organizations, registration and report dates) do not apply.${skipped.length ? ` Analyses that need organization rows were skipped: ${names}.` : ''} The other sections are computed from the table's counts, and equal those computed from the organization rows they summarise.`,
  });
}

/** The "missing columns" cell: the columns, or why nothing is listed. */
function missingCell(ctx: ReportContext, missing: readonly string[], reason: string | null): Cell {
  const { lang } = ctx;
  if (missing.length)
    return `${missing.join(', ')}${reason === 'missing-region-data' ? pick(lang, { zh: '（地区文件）', en: ' (regions file)' }) : ''}`;
  return reason === 'no-data'
    ? pick(lang, { zh: '（没有任何地区-年份有值）', en: '(no region-year has a value)' })
    : reason === 'missing-region-data'
      ? pick(lang, { zh: '（地区文件缺少数据）', en: '(the regions file lacks the data)' })
      : (reason ?? '');
}

/** Indicators of the framework left out. */
function indicatorRows(ctx: ReportContext): Cell[][] {
  const names = indicatorNames(ctx);
  return (ctx.results.analyses.indicators?.skipped ?? []).map((k) => [
    analysisName(ctx, 'indicators'),
    [pick(ctx.lang, { zh: '指标 ', en: 'indicator ' }), { code: k.id }, names.has(k.id) ? ` ${names.get(k.id)}` : ''],
    missingCell(ctx, k.missing, k.reason),
  ]);
}

/** Tension indicators left out, with the tensions they belong to. */
function tensionRows(ctx: ReportContext): Cell[][] {
  const { lang } = ctx;
  const tension = ctx.results.analyses.tension;
  const tensionNames = new Map((tension?.tensions ?? []).map((t) => [t.id, t[lang]]));
  return (tension?.skipped ?? []).map((k) => {
    const which = k.tensions.map((id) => tensionNames.get(id) ?? id);
    return [
      analysisName(ctx, 'tension'),
      [
        pick(lang, { zh: '指标 ', en: 'indicator ' }),
        { code: k.id },
        which.length ? pick(lang, { zh: `（${ctx.list(which)}）`, en: ` (${ctx.list(which)})` }) : '',
      ],
      missingCell(ctx, k.missing, k.reason),
    ];
  });
}

/** The staff section skipped whole, or its parts left out. */
function staffRows(ctx: ReportContext): Cell[][] {
  const staff = ctx.results.analyses.staff;
  if (!staff) return [];
  const rows: Cell[][] = [];
  for (const n of staff.notes) {
    if (n.code === 'N_STAFF_SKIPPED')
      rows.push([
        analysisName(ctx, 'staff'),
        pick(ctx.lang, { zh: '整个部分', en: 'the whole section' }),
        staff.columns.absent.join(', '),
      ]);
    else if (n.code === 'N_STAFF_COLUMNS_ABSENT') rows.push([analysisName(ctx, 'staff'), n[ctx.lang], '']);
  }
  return rows;
}

/** Location quotients of fields, left out without a field column. */
function spatialRows(ctx: ReportContext): Cell[][] {
  return (ctx.results.analyses.spatial?.notes ?? [])
    .filter((n) => n.code === 'N_NO_FIELDS')
    .map(() => [
      analysisName(ctx, 'spatial'),
      pick(ctx.lang, { zh: '业务领域区位商', en: 'location quotients of fields' }),
      'field',
    ]);
}

/** Warning rules and grade indicators left out for missing columns. */
function supervisionRows(ctx: ReportContext): Cell[][] {
  const { lang } = ctx;
  const sup = ranSection(ctx.results, 'supervision');
  if (!sup) return [];
  const ruleNames = new Map(sup.rules.list.map((r) => [r.id, r[lang]]));
  const rules = sup.rules.skipped.map((k): Cell[] => [
    analysisName(ctx, 'supervision'),
    [pick(lang, { zh: '预警规则 ', en: 'rule ' }), { code: k.rule }, ` ${ruleNames.get(k.rule) ?? ''}`.trimEnd()],
    missingCell(ctx, k.missing, null),
  ]);
  const indicators = sup.grades.skippedIndicators
    .filter((k) => k.reason === 'missing-columns')
    .map((k): Cell[] => [
      analysisName(ctx, 'supervision'),
      [pick(lang, { zh: '等级评定指标 ', en: 'grade indicator ' }), { code: k.id }],
      missingCell(ctx, k.missing ?? [], k.reason),
    ]);
  return [...rules, ...indicators];
}

/**
 * Rows of "what missing columns disabled": per analysis, the indicators, rules and parts it
 * left out with the columns they lacked (from the sections' `skipped` lists and notes), and
 * the analyses an aggregated table skipped.
 *
 * @param ctx report context
 * @returns the table rows (analysis, what, missing columns)
 */
export function disabledRows(ctx: ReportContext): Cell[][] {
  const aggregate = aggregateSkipped(ctx).map((key): Cell[] => [
    analysisName(ctx, key),
    pick(ctx.lang, { zh: '整个部分', en: 'the whole section' }),
    pick(ctx.lang, {
      zh: '需要逐个组织的记录（输入为汇总表）',
      en: 'needs organization rows (the input is an aggregated table)',
    }),
  ]);
  return [
    ...indicatorRows(ctx),
    ...tensionRows(ctx),
    ...staffRows(ctx),
    ...spatialRows(ctx),
    ...supervisionRows(ctx),
    ...aggregate,
  ];
}
