import { escapeMessage, escapeTerminal } from '../output/escape-control.js';
import type { Command } from 'commander';
import { cleanId } from '../../ingest/values/clean-id.js';
import { loadRules } from '../../ingest/rules/load-rules.js';
import { organizationPortrait, type Portrait } from '../../analyses/supervision/portrait.js';
import { supervisionModels } from '../../analyses/supervision/run-supervision.js';
import { hasRows } from '../../analyses/analysis-context.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import type { CliIO } from '../io.js';
import { parseIntOption } from '../options.js';
import { toJsonText } from '../output/format-notes.js';
import { formatTable, numCell, pctCell } from '../output/format-table.js';
import { inputOptionsFrom, withInputOptions, type InputRaw } from '../pipeline/input-options.js';
import { loadAnalysisContext } from '../pipeline/load-analysis-context.js';
import { langFrom, langOption } from '../lang-option.js';

interface PortraitRaw extends InputRaw {
  year?: string;
  rules: string;
  framework: string;
  lang?: string;
  json: boolean;
}

/**
 * Register `soqa portrait ID [FILE…]`: one organization across years — identity, type,
 * region, field, rating, staff and certificates, finances by source, outputs, its indicator
 * percentiles against peers of the same type and region, its warnings, transparency and
 * grade. Text by default, `--json` for scripts.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code (0 ok, 2 unusable input, 3 unknown organization or bad options)
 */
export function registerPortrait(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  const cmd = program
    .command('portrait')
    .description(
      'digital portrait of one organization: identity, years of staff, certificates, finances and outputs, indicator percentiles among its peers, warnings, transparency and grade',
    )
    .argument('<id>', 'organization id (unified social credit code) or exact name');
  withInputOptions(cmd)
    .option('--year <year>', 'as-of year (default: the latest report year)')
    .option(
      '--rules <name|path>',
      'warning rules: built-in name or JSON file (see config/rules/default.json)',
      'default',
    )
    .option('--framework <name|path>', 'indicator framework: built-in name or JSON file', 'default')
    .addOption(langOption('labels and evidence'))
    .option('--json', 'print the portrait as JSON', false)
    .action(async (id: string, files: string[], raw: PortraitRaw) => setExit(await portrait(id, files, raw, io)));
}

async function portrait(query: string, files: string[], raw: PortraitRaw, io: CliIO): Promise<ExitCode> {
  const input = inputOptionsFrom(raw);
  const year = raw.year === undefined ? undefined : parseIntOption('--year', raw.year, 1000, 9999);
  const lang = langFrom(raw.lang);
  const rules = loadRules(raw.rules);
  const framework = loadFramework(raw.framework);
  // a large panel or standard input is streamed and spilled by organization, as soqa analyze does
  const { ctx, inputs, close } = await loadAnalysisContext(
    files,
    input,
    { need: 'supervision', config: { rules, framework } },
    io,
  );
  let p: Portrait | null;
  let asOf: number;
  try {
    if (!hasRows(ctx)) throw new SoqaError('E_NEEDS_ORGANIZATIONS', msg.needsOrganizationRows('portrait'));
    const rows = ctx.rows.rows;
    const indicatorLabels = new Map(
      framework.indicators.map((i) => [i.id, { zh: i.label.zh, en: i.label.en, unit: i.unit }]),
    );
    const found = rows.find(query, cleanId(query).value);
    if (found.id === null) throw new SoqaError('E_ORG_NOT_FOUND', msg.organizationNotFound(query, found.suggestions));
    const [model] = supervisionModels(ctx, [year], { rules, framework }, new Set([found.org]));
    p = organizationPortrait({ id: found.id, org: found.org }, model, rows.partOf(found.org), {
      regions: ctx.regions,
      fieldsOfActivity: ctx.fieldsOfActivity,
      indicatorLabels,
    });
    asOf = model.asOf;
  } finally {
    close();
  }
  if (!p) throw new SoqaError('E_ORG_NOT_FOUND', msg.organizationNotFound(`${query} (no report up to ${asOf})`, []));
  const notice = inputs.synthetic
    ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') }
    : null;
  if (raw.json) {
    io.stdout(toJsonText({ notice, portrait: portraitJson(p) }));
    return EXIT.OK;
  }
  const layers = new Map(framework.layers.map((l) => [l.id as string, l.label[lang]]));
  io.stdout(escapeMessage(`${notice ? `${notice[lang]}\n\n` : ''}${portraitText(p, lang, layers)}`));
  return EXIT.OK;
}

/** The portrait as `--json` prints it: the credit-code problems in English (as results.json keeps them). */
function portraitJson(p: Portrait): unknown {
  const cc = p.identity.creditCode;
  const problems = cc.problems.map((x) => msg.creditCodeProblem(x, 'en'));
  return { ...p, identity: { ...p.identity, creditCode: { ...cc, problems } } };
}

const int = (x: number | null): string | null =>
  x === null ? null : x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const flag = (x: number | null): string | null => (x === null ? null : x === 1 ? 'Y' : 'N');
/** An indicator value: whole numbers with separators from 1,000 up, else 3 decimals. */
const val = (x: number | null): string | null => (x === null ? null : Math.abs(x) >= 1000 ? int(x) : x.toFixed(3));

/** Columns of the portrait's table of years, in English and in Chinese. */
const YEAR_HEAD_EN = [
  'year',
  'rating',
  'full-time',
  'part-time',
  'cert j/m/s',
  'college',
  'mgr age',
  'volunteers',
  'revenue',
  'gov purchase',
  'donations',
  'membership',
  'services',
  'other',
  'expenses',
  'program',
  'net assets',
  'activities',
  'beneficiaries',
  'disclose',
  'online',
];
const YEAR_HEAD_ZH = [
  '年份',
  '评估等级',
  '专职',
  '兼职',
  '持证助理/中级/高级',
  '大专及以上',
  '负责人年龄',
  '志愿者',
  '收入',
  '政府购买',
  '捐赠',
  '会费',
  '服务收入',
  '其他收入',
  '支出',
  '业务活动支出',
  '净资产',
  '活动数',
  '受益人次',
  '信息公开',
  '网上公开',
];

/**
 * The portrait as text: header lines, the years table, the indicator percentiles, the
 * warnings and the transparency parts.
 *
 * @param p the portrait
 * @param lang language
 * @param layers layer id → name in `lang` (default: the ids)
 * @returns the text
 */
export function portraitText(p: Portrait, lang: msg.Lang, layers: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [
    `${escapeTerminal(p.name)}  ${escapeTerminal(p.org_id)}`,
    ...identityLines(p, lang),
    creditCodeLine(p.identity.creditCode, lang),
    ...gradeLines(p, lang),
    ...yearLines(p, lang),
    ...(p.indicators.list.length ? indicatorLines(p, lang, layers) : []),
    ...warningLines(p, lang),
    ...transparencyLines(p, lang),
  ];
  return `${out.join('\n')}\n`;
}

/** The region of the identity line: its code and name in `lang`. */
const regionText = (id: Portrait['identity'], zh: boolean): string =>
  `${id.region ?? '–'} ${(zh ? id.regionZh : id.regionEn) ?? ''}`.trim();

/** The identity line: type, region, field, registration and status. */
function identityLines(p: Portrait, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const id = p.identity;
  const out: string[] = [];
  const region = regionText(id, zh);
  // zh: the field's Chinese name alone (the code is English); en: code and name
  const field = id.field ? (zh ? (id.fieldZh ?? id.field) : `${id.field}${id.fieldEn ? ` ${id.fieldEn}` : ''}`) : '–';
  const status = (s: string | null | undefined): string =>
    s ? (zh ? ({ active: '存续', deregistered: '已注销' }[s] ?? s) : s) : '–';
  out.push(
    zh
      ? `类型：${id.type ? msg.orgTypeLabel('zh', id.type) : '–'}　地区：${region}　领域：${field}　成立：${id.registered ?? '–'}　状态：${status(id.status)}${id.deregistered ? `　注销：${id.deregistered}` : ''}`
      : `type: ${id.type ? msg.orgTypeLabel('en', id.type) : '–'}   region: ${region}   field: ${field}   registered: ${id.registered ?? '–'}   status: ${id.status ?? '–'}${id.deregistered ? `   deregistered: ${id.deregistered}` : ''}`,
  );
  return out;
}

/** The credit-code line: valid (with its type digit and division), invalid (with the problems), or not checked. */
function creditCodeLine(cc: Portrait['identity']['creditCode'], lang: msg.Lang): string {
  const zh = lang === 'zh';
  return cc.checked
    ? cc.valid
      ? zh
        ? `信用代码：校验通过（类型位 ${cc.codeType ? msg.orgTypeLabel('zh', cc.codeType) : '–'}，区划 ${cc.division ?? '–'}）`
        : `credit code: valid (type digit → ${cc.codeType ?? '–'}, division ${cc.division ?? '–'})`
      : zh
        ? `信用代码：校验失败（${msg.creditCodeProblems(cc.problems, 'zh')}）`
        : `credit code: INVALID (${msg.creditCodeProblems(cc.problems, 'en')})`
    : zh
      ? '信用代码：非18位代码，未校验'
      : 'credit code: not an 18-character code, not checked';
}

/** The grade line (or why there is none). */
function gradeLines(p: Portrait, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const g = p.grade;
  const score = numCell(g.score, 1) ?? '–';
  const tIndex = numCell(p.transparency.index, 1) ?? '–';
  if (p.supervised) {
    out.push(
      zh
        ? `截至${p.asOf}年：等级 ${g.grade}（基础等级 ${g.base}${g.cappedBy ? `，因${msg.severityLabel('zh', g.cappedBy)}级预警封顶` : ''}）；质量得分 ${score}（${g.indicatorsUsed}项指标）；透明度指数 ${tIndex}（同类均值 ${numCell(p.transparency.peerMean, 1) ?? '–'}）`
        : `as of ${p.asOf}: grade ${g.grade} (base ${g.base}${g.cappedBy ? `, capped by a ${g.cappedBy} warning` : ''}); quality score ${score} from ${g.indicatorsUsed} indicators; transparency ${tIndex} (peers ${numCell(p.transparency.peerMean, 1) ?? '–'})`,
    );
  } else
    out.push(
      zh
        ? `截至${p.asOf}年不在管（已注销或多年未报），不评级。`
        : `not supervised in ${p.asOf} (deregistered or no recent report): no grade.`,
    );

  return out;
}

/** The table of the report years. */
function yearLines(p: Portrait, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push('', zh ? '历年数据' : 'years');
  const head = zh ? YEAR_HEAD_ZH : YEAR_HEAD_EN;
  out.push(
    formatTable(
      head,
      p.years.map((y) => [
        y.year,
        y.rating,
        y.staff.fulltime,
        y.staff.parttime,
        `${y.certificates.junior ?? '–'}/${y.certificates.mid ?? '–'}/${y.certificates.senior ?? '–'}`,
        y.staff.college,
        y.staff.managerAge,
        y.staff.volunteers,
        int(y.finances.revenue),
        int(y.finances.govPurchase),
        int(y.finances.donations),
        int(y.finances.membership),
        int(y.finances.services),
        int(y.finances.other),
        int(y.finances.expenses),
        int(y.finances.expensesProgram),
        int(y.finances.assetsNet),
        y.outputs.activities,
        int(y.outputs.beneficiaries),
        flag(y.flags.disclosure),
        flag(y.flags.online),
      ]),
    ).trimEnd(),
  );

  return out;
}

/** The indicator percentiles among the peers. */
function indicatorLines(p: Portrait, lang: msg.Lang, layers: ReadonlyMap<string, string>): string[] {
  const zh = lang === 'zh';
  const id = p.identity;
  const region = regionText(id, zh);
  const out: string[] = [];
  const pg = p.indicators.peerGroup;
  const where = pg?.region ? (pg.region === id.region ? region : pg.region) : null;
  const peers = pg
    ? zh
      ? `${where ?? '全区'}${pg.type ? msg.orgTypeLabel(lang, pg.type) : '全部组织'}，${pg.size}个`
      : `${pg.type ? msg.orgTypeLabel(lang, pg.type) : 'all organizations'} in ${where ?? 'all regions'}, ${pg.size} organizations`
    : '–';
  out.push(
    '',
    zh
      ? `指标百分位（${p.indicators.year}年，同类比较组：${peers}）`
      : `indicator percentiles (${p.indicators.year}; peers: ${peers})`,
  );
  out.push(
    formatTable(
      zh
        ? ['指标', '层', '数值', '同类中位数', '百分位', '同类数']
        : ['indicator', 'layer', 'value', 'peer median', 'percentile', 'peers'],
      p.indicators.list.map((d) => [
        `${zh ? d.zh : d.en}${d.direction === -1 ? (zh ? '（逆向）' : ' (less is better)') : ''}`,
        layers.get(d.layer) ?? d.layer,
        val(d.value),
        val(d.peerMedian),
        pctCell(d.percentile, 0),
        d.peers,
      ]),
    ).trimEnd(),
  );
  return out;
}

/** The warnings (or none). */
function warningLines(p: Portrait, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push('', zh ? '预警' : 'warnings');
  if (p.warnings.length) {
    for (const w of p.warnings)
      out.push(
        zh
          ? `[${msg.severityLabel(lang, w.severity)}] ${w.zh}（${w.actionZh}）：${w.text.zh}`
          : `[${w.severity}] ${w.en} (${w.actionEn}): ${w.text.en}`,
      );
  } else out.push(zh ? '无' : 'none');

  return out;
}

/** The transparency parts with their weights. */
function transparencyLines(p: Portrait, lang: msg.Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  const t = p.transparency;
  out.push('', zh ? `透明度（近${t.windowYears}年）` : `transparency (last ${t.windowYears} years)`);
  out.push(
    formatTable(zh ? ['组成部分', '数值', '权重'] : ['part', 'value', 'weight'], [
      [zh ? '年报完整度' : 'completeness', pctCell(t.completeness), numCell(t.weights.completeness, 2)],
      [zh ? '信息公开' : 'disclosure', pctCell(t.disclosure), numCell(t.weights.disclosure, 2)],
      [zh ? '网上公开' : 'online', pctCell(t.online), numCell(t.weights.online, 2)],
      [zh ? '年报连续性' : 'continuity', pctCell(t.continuity), numCell(t.weights.continuity, 2)],
      [zh ? '指数（0—100）' : 'index (0–100)', numCell(t.index, 1), null],
    ]).trimEnd(),
  );
  return out;
}
