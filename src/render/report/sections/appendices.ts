/**
 * Appendices: data quality, methods and options, provenance.
 */
import { methodsBlocks } from './methods.js';
import { FIELDS } from '../../../dataset/fields.js';
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import { note, para, type ReportContext } from '../report-context.js';
import { indicatorNames } from './indicators.js';
import { tableLayoutBlocks } from './table-layout-blocks.js';
import { pick } from '../../../core/lang.js';

const fieldLabel = (ctx: ReportContext, name: string): string => {
  const def = FIELDS.find((f) => f.name === name);
  return def ? pick(ctx.lang, { zh: `${def.zh}（${name}）`, en: `${name}` }) : name;
};

const countTable = (ctx: ReportContext, head: [string, string], map: unknown): Block | null => {
  if (!isObj(map)) return null;
  const rows = Object.entries(map)
    .map(([k, v]) => [k, num(v)] as const)
    .filter(([, v]) => v !== null && v > 0)
    .sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] < b[0] ? -1 : 1));
  if (rows.length === 0) return null;
  return { kind: 'table', head, align: ['l', 'r'], rows: rows.map(([k, v]): Cell[] => [[{ code: k }], ctx.f.int(v)]) };
};

/**
 * Appendix A, data quality: the row accounting, rejects by reason, warnings by code,
 * duplicates, credit-code findings, missing rates, columns present, absent and ignored,
 * and what absent columns disabled.
 *
 * @param ctx report context
 * @returns the appendix's blocks (without its heading)
 */
export function qualityAppendix(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const q = ctx.results.quality;
  const blocks: Block[] = [];
  const rows = q?.rows;
  blocks.push(
    para(
      pick(lang, {
        zh: `读取${f.int(rows?.read)}行 = 接受${f.int(rows?.accepted)}行 + 拒绝${f.int(rows?.rejected)}行${num(rows?.blank) ? `（另有空行${f.int(rows?.blank)}行，不计入）` : ''}；重复行${f.int(num(q?.duplicates))}行。每一拒绝行及其原因见 rejects.csv，每条警告见 warnings.csv。`,
        en: `Rows read ${f.int(rows?.read)} = accepted ${f.int(rows?.accepted)} + rejected ${f.int(rows?.rejected)}${num(rows?.blank) ? ` (${f.int(rows?.blank)} blank lines skipped)` : ''}; ${f.int(num(q?.duplicates))} duplicate rows. rejects.csv lists every rejected row with its reason, warnings.csv every warning.`,
      }),
    ),
  );
  blocks.push(...tableLayoutBlocks(ctx));
  blocks.push({ kind: 'heading', level: 3, text: rt('h.rejects', lang) });
  blocks.push(
    countTable(ctx, [rt('c.code', lang), rt('c.rows', lang)], q?.rejectsByReason) ??
      note(pick(lang, { zh: '没有拒绝行。', en: 'No row was rejected.' })),
  );
  blocks.push({ kind: 'heading', level: 3, text: rt('h.warnings', lang) });
  blocks.push(
    countTable(ctx, [rt('c.code', lang), rt('c.number', lang)], q?.warningsByCode) ??
      note(pick(lang, { zh: '没有警告。', en: 'No warnings.' })),
  );
  blocks.push({ kind: 'heading', level: 3, text: rt('h.credit', lang) });
  const credit = isObj(q?.creditCodes) ? q.creditCodes : {};
  const creditRows = Object.entries(credit).map(([k, v]): Cell[] => {
    const key = `credit.${k}` as ReportTextKey;
    return [
      key in
      { 'credit.checksumFailures': 1, 'credit.typeMismatches': 1, 'credit.regionMismatches': 1, 'credit.lowercase': 1 }
        ? rt(key, lang)
        : k,
      f.int(num(v)),
    ];
  });
  blocks.push(
    creditRows.length
      ? { kind: 'table', head: [rt('c.check', lang), rt('c.rows', lang)], align: ['l', 'r'], rows: creditRows }
      : note(pick(lang, { zh: '结果中没有信用代码核验信息。', en: 'No credit-code checks in the results.' })),
  );
  blocks.push({ kind: 'heading', level: 3, text: rt('h.missing', lang) });
  const missing = Object.entries(isObj(q?.missingRate) ? q.missingRate : {})
    .map(([k, v]) => [k, num(v)] as const)
    .filter(([, v]) => v !== null && v > 0)
    .sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] < b[0] ? -1 : 1));
  blocks.push(
    missing.length
      ? {
          kind: 'table',
          head: [rt('c.column', lang), rt('c.missingRate', lang)],
          align: ['l', 'r'],
          rows: missing.map(([k, v]) => [fieldLabel(ctx, k), f.pct(v)]),
        }
      : note(pick(lang, { zh: '所有列均无缺失值。', en: 'No column has missing values.' })),
  );
  if (missing.length)
    blocks.push(note(pick(lang, { zh: '未列出的列没有缺失值。', en: 'Columns not listed have no missing values.' })));
  blocks.push({ kind: 'heading', level: 3, text: rt('h.columns', lang) });
  const cols: Record<string, unknown> = isObj(q?.columns) ? q.columns : {};
  const present = arr<unknown>(cols.present).map(String);
  const absent = arr<unknown>(cols.absent).map(String);
  const ignored = arr<unknown>(cols.ignored).map(String);
  blocks.push({
    kind: 'list',
    items: [
      [
        pick(lang, { zh: `识别的列（${present.length}）：`, en: `Columns recognised (${present.length}): ` }),
        present.length ? present.join(', ') : rt('w.none', lang),
      ],
      [
        pick(lang, { zh: `缺少的可选列（${absent.length}）：`, en: `Optional columns absent (${absent.length}): ` }),
        absent.length ? absent.join(', ') : rt('w.none', lang),
      ],
      [
        pick(lang, { zh: `忽略的输入列（${ignored.length}）：`, en: `Input columns ignored (${ignored.length}): ` }),
        ignored.length ? ignored.join(', ') : rt('w.none', lang),
      ],
    ],
  });
  // the input shape, then what absent columns disabled
  const skipped = aggregateSkipped(ctx);
  if (skipped.length) {
    blocks.push({ kind: 'heading', level: 3, text: rt('h.aggregate', lang) });
    blocks.push(para(aggregateText(ctx, skipped)));
  }
  const disabled = disabledRows(ctx);
  blocks.push({ kind: 'heading', level: 3, text: rt('h.disabled', lang) });
  blocks.push(
    disabled.length
      ? {
          kind: 'table',
          head: [rt('c.analysis', lang), rt('c.what', lang), rt('c.missingCols', lang)],
          align: ['l', 'l', 'l'],
          rows: disabled,
        }
      : note(pick(lang, { zh: '没有因缺列而未计算的内容。', en: 'Nothing was left out for lack of a column.' })),
  );
  return blocks;
}

/** `key: value` rows of a method object (nested objects flattened with dots, arrays joined). */
/**
 * Appendix B, methods and options: every formula and option the analyses record, the
 * indicator weights, and the options of the run.
 *
 * @param ctx report context
 * @returns the appendix's blocks (without its heading)
 */
export function methodsAppendix(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const blocks: Block[] = methodsBlocks(ctx);
  const ind = analysisSection(ctx.results, 'indicators');
  if (ind) {
    const layers = new Map(
      arr<unknown>(ind.layers)
        .filter(isObj)
        .map((l) => [String(l.id), str(lang === 'zh' ? l.zh : l.en) ?? String(l.id)]),
    );
    const indicators = arr<unknown>(ind.indicators).filter(isObj);
    if (indicators.length) {
      blocks.push({ kind: 'heading', level: 3, text: `B.7 ${rt('h.weights', lang)}` });
      blocks.push({
        kind: 'table',
        head: [
          rt('c.indicator', lang),
          rt('c.code', lang),
          rt('c.layer', lang),
          rt('c.direction', lang),
          rt('c.weight', lang),
          rt('c.entropy', lang),
        ],
        align: ['l', 'l', 'l', 'l', 'r', 'r'],
        rows: indicators.map((i): Cell[] => [
          str(lang === 'zh' ? i.zh : i.en) ?? String(i.id),
          [{ code: String(i.id) }],
          layers.get(String(i.layer)) ?? String(i.layer),
          num(i.direction) === -1 ? rt('w.negative', lang) : rt('w.positive', lang),
          f.dec(num(i.weight), 4),
          f.dec(num(i.entropy), 4),
        ]),
      });
    }
  }
  blocks.push({ kind: 'heading', level: 3, text: `B.8 ${rt('h.options', lang)}` });
  const options = isObj(ctx.results.provenance?.options) ? ctx.results.provenance.options : {};
  const optionName: Record<string, [string, string]> = {
    profile: ['输入配置', 'Input profile'],
    regions: ['地区文件', 'Regions file'],
    encoding: ['编码', 'Encoding'],
    delimiter: ['分隔符', 'Delimiter'],
  };
  const optionRows = Object.entries(options).map(([k, v]): Cell[] => [
    optionName[k] ? [pick(lang, { zh: optionName[k][0], en: optionName[k][1] }), ' ', { code: k }] : [{ code: k }],
    v === null ? pick(lang, { zh: '（默认/自动）', en: '(default/detected)' }) : String(v),
  ]);
  blocks.push(
    optionRows.length
      ? { kind: 'table', head: [rt('c.option', lang), rt('c.value', lang)], align: ['l', 'l'], rows: optionRows }
      : note(pick(lang, { zh: '没有记录参数。', en: 'No options recorded.' })),
  );
  return blocks;
}

/**
 * Appendix C, provenance: every input file with its SHA-256 and row counts, the totals
 * (read = accepted + rejected), the input shape, profile, regions file, soqa version and
 * the seeds of the random procedures.
 *
 * @param ctx report context
 * @returns the appendix's blocks (without its heading)
 */
export function provenanceAppendix(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const p = ctx.results.provenance;
  const inputs = arr<unknown>(p?.inputs).filter(isObj);
  const blocks: Block[] = [];
  blocks.push({
    kind: 'table',
    head: [
      rt('c.file', lang),
      rt('c.sha', lang),
      rt('c.bytes', lang),
      rt('c.encoding', lang),
      rt('c.delimiter', lang),
      rt('c.read', lang),
      rt('c.accepted', lang),
      rt('c.rejected', lang),
      rt('c.blank', lang),
    ],
    align: ['l', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r'],
    rows: inputs.map((i): Cell[] => {
      const r = isObj(i.rows) ? i.rows : {};
      const delimiter = str(i.delimiter) ?? '';
      return [
        `${str(i.file) ?? ''}${i.gzip === true ? rt('w.gzip', lang) : ''}`,
        [{ code: str(i.sha256) ?? '' }],
        f.int(num(i.bytes)),
        str(i.encoding) ?? '',
        [{ code: delimiter === '\t' ? 'tab' : delimiter }],
        f.int(num(r.read)),
        f.int(num(r.accepted)),
        f.int(num(r.rejected)),
        f.int(num(r.blank)),
      ];
    }),
  });
  const rows = p?.rows;
  const shape = str(p?.shape);
  const shapeText =
    shape === 'panel' || shape === 'registry' || shape === 'aggregate' ? rt(`shape.${shape}`, lang) : (shape ?? '—');
  const regions: Record<string, unknown> = isObj(p?.regions) ? p.regions : {};
  const seeds: string[] = [];
  const ind = analysisSection(ctx.results, 'indicators');
  const mc = isObj(ind?.method) && isObj(ind.method.monteCarlo) ? ind.method.monteCarlo : null;
  if (mc && num(mc.seed) !== null)
    seeds.push(
      pick(lang, {
        zh: `蒙特卡洛排名模拟 ${num(mc.seed)}（${f.int(num(mc.runs))}次）`,
        en: `Monte Carlo ranks ${num(mc.seed)} (${f.int(num(mc.runs))} runs)`,
      }),
    );
  const sp = analysisSection(ctx.results, 'spatial');
  const moran = isObj(sp?.method) && isObj(sp.method.moran) ? sp.method.moran : null;
  if (moran && num(moran.seed) !== null)
    seeds.push(
      pick(lang, {
        zh: `Moran's I 置换检验 ${num(moran.seed)}（${f.int(num(moran.permutations))}次）`,
        en: `Moran's I permutations ${num(moran.seed)} (${f.int(num(moran.permutations))})`,
      }),
    );
  blocks.push({
    kind: 'list',
    items: [
      [
        pick(lang, {
          zh: `合计：读取${f.int(rows?.read)}行 = 接受${f.int(rows?.accepted)}行 + 拒绝${f.int(rows?.rejected)}行（空行${f.int(rows?.blank)}行不计入）`,
          en: `Total: rows read ${f.int(rows?.read)} = accepted ${f.int(rows?.accepted)} + rejected ${f.int(rows?.rejected)} (${f.int(rows?.blank)} blank lines not counted)`,
        }),
      ],
      [pick(lang, { zh: '数据形态：', en: 'Input shape: ' }), shapeText],
      [pick(lang, { zh: '输入配置（profile）：', en: 'Profile: ' }), { code: str(p?.profile) ?? '' }],
      [
        pick(lang, { zh: '地区文件：', en: 'Regions file: ' }),
        { code: str(regions.id) ?? '' },
        pick(lang, {
          zh: `（${f.int(num(regions.count))}个地区${num(regions.populationYear) !== null ? `，人口为${num(regions.populationYear)}年数据` : ''}）`,
          en: ` (${f.int(num(regions.count))} regions${num(regions.populationYear) !== null ? `, population of ${num(regions.populationYear)}` : ''})`,
        }),
      ],
      [pick(lang, { zh: 'soqa 版本：', en: 'soqa version: ' }), { code: str(ctx.results.soqa?.version) ?? '' }],
      [
        pick(lang, { zh: '随机种子：', en: 'Random seeds: ' }),
        seeds.length ? seeds.join(pick(lang, { zh: '；', en: '; ' })) : rt('w.none', lang),
      ],
      [
        pick(lang, {
          zh: '同样的输入与参数得到逐字节相同的 results.json、报告与图表。',
          en: 'The same input and options give byte-identical results.json, report and charts.',
        }),
      ],
    ],
  });
  return blocks;
}

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
  const a = isObj(ctx.results.analyses) ? ctx.results.analyses : {};
  return Object.keys(a).filter((k) => isObj(a[k]) && a[k].skipped === true && a[k].reason === 'aggregate-input');
}

/** What an aggregated-table input means for the report, naming the analyses it skipped. */
export function aggregateText(ctx: ReportContext, skipped: readonly string[] = aggregateSkipped(ctx)): string {
  const names = ctx.list(skipped.map((k) => analysisName(ctx, k)));
  return pick(ctx.lang, {
    zh: `输入为汇总统计表（按地区×年份×类型的数量与合计），不是逐个组织的记录：行数为表格行数而非组织数；针对单个组织的检查（统一社会信用代码、重复组织、登记与年报日期）不适用。${skipped.length ? `需要组织记录的分析已跳过：${names}。` : ''}其余各部分由表中的数量计算，与由组织记录汇总得到的结果相同。`,
    en: `The input is an aggregated table (counts and totals by region × year × type), not organization rows: rows are table rows, not organizations, and the checks of individual organizations (credit codes, duplicate organizations, registration and report dates) do not apply.${skipped.length ? ` Analyses that need organization rows were skipped: ${names}.` : ''} The other sections are computed from the table's counts, and equal those computed from the organization rows they summarise.`,
  });
}

/**
 * Rows of "what missing columns disabled": per analysis, the indicators, rules and parts it
 * left out with the columns they lacked (from the sections' `skipped` lists and notes), and
 * the analyses an aggregated table skipped.
 */
function disabledRows(ctx: ReportContext): Cell[][] {
  const { lang } = ctx;
  const rows: Cell[][] = [];
  const cols = (missing: unknown, reason: unknown): Cell => {
    const m = arr<unknown>(missing).map(String);
    if (m.length)
      return `${m.join(', ')}${reason === 'missing-region-data' ? pick(lang, { zh: '（地区文件）', en: ' (regions file)' }) : ''}`;
    return reason === 'no-data'
      ? pick(lang, { zh: '（没有任何地区-年份有值）', en: '(no region-year has a value)' })
      : reason === 'missing-region-data'
        ? pick(lang, { zh: '（地区文件缺少数据）', en: '(the regions file lacks the data)' })
        : String(reason ?? '');
  };
  const names = indicatorNames(ctx);
  const ind = analysisSection(ctx.results, 'indicators');
  for (const k of arr<unknown>(ind?.skipped).filter(isObj)) {
    rows.push([
      analysisName(ctx, 'indicators'),
      [
        pick(lang, { zh: '指标 ', en: 'indicator ' }),
        { code: String(k.id) },
        names.has(String(k.id)) ? ` ${names.get(String(k.id))}` : '',
      ],
      cols(k.missing, k.reason),
    ]);
  }
  const tension = analysisSection(ctx.results, 'tension');
  const tensionNames = new Map(
    arr<unknown>(tension?.tensions)
      .filter(isObj)
      .map((t) => [String(t.id), str(lang === 'zh' ? t.zh : t.en) ?? String(t.id)]),
  );
  for (const k of arr<unknown>(tension?.skipped).filter(isObj)) {
    const which = arr<unknown>(k.tensions).map((id) => tensionNames.get(String(id)) ?? String(id));
    rows.push([
      analysisName(ctx, 'tension'),
      [
        pick(lang, { zh: '指标 ', en: 'indicator ' }),
        { code: String(k.id) },
        which.length ? pick(lang, { zh: `（${ctx.list(which)}）`, en: ` (${ctx.list(which)})` }) : '',
      ],
      cols(k.missing, k.reason),
    ]);
  }
  const staff = analysisSection(ctx.results, 'staff');
  if (staff) {
    const absent = arr<unknown>(isObj(staff.columns) ? staff.columns.absent : null).map(String);
    for (const n of arr<unknown>(staff.notes).filter(isObj)) {
      if (n.code === 'N_STAFF_SKIPPED')
        rows.push([
          analysisName(ctx, 'staff'),
          pick(lang, { zh: '整个部分', en: 'the whole section' }),
          absent.join(', '),
        ]);
      else if (n.code === 'N_STAFF_COLUMNS_ABSENT') rows.push([analysisName(ctx, 'staff'), biText(n, lang) ?? '', '']);
    }
  }
  const spatial = analysisSection(ctx.results, 'spatial');
  for (const n of arr<unknown>(spatial?.notes).filter(isObj)) {
    if (n.code === 'N_NO_FIELDS')
      rows.push([
        analysisName(ctx, 'spatial'),
        pick(lang, { zh: '业务领域区位商', en: 'location quotients of fields' }),
        'field',
      ]);
  }
  const sup = analysisSection(ctx.results, 'supervision');
  const rules = isObj(sup?.rules) ? sup.rules : {};
  const ruleNames = new Map(
    arr<unknown>(rules.list)
      .filter(isObj)
      .map((r) => [String(r.id), str(lang === 'zh' ? r.zh : r.en) ?? String(r.id)]),
  );
  for (const k of arr<unknown>(rules.skipped).filter(isObj)) {
    rows.push([
      analysisName(ctx, 'supervision'),
      [
        pick(lang, { zh: '预警规则 ', en: 'rule ' }),
        { code: String(k.rule) },
        ` ${ruleNames.get(String(k.rule)) ?? ''}`.trimEnd(),
      ],
      cols(k.missing, null),
    ]);
  }
  const grades = isObj(sup?.grades) ? sup.grades : {};
  for (const k of arr<unknown>(grades.skippedIndicators).filter(isObj)) {
    if (k.reason !== 'missing-columns') continue;
    rows.push([
      analysisName(ctx, 'supervision'),
      [pick(lang, { zh: '等级评定指标 ', en: 'grade indicator ' }), { code: String(k.id) }],
      cols(k.missing, k.reason),
    ]);
  }
  for (const key of aggregateSkipped(ctx))
    rows.push([
      analysisName(ctx, key),
      pick(lang, { zh: '整个部分', en: 'the whole section' }),
      pick(lang, {
        zh: '需要逐个组织的记录（输入为汇总表）',
        en: 'needs organization rows (the input is an aggregated table)',
      }),
    ]);
  return rows;
}
