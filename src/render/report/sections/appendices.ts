/**
 * Appendices: data quality, methods and options, provenance.
 */
import { methodsBlocks } from './methods.js';
import { FIELDS } from '../../../dataset/fields.js';
import { ranSection } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import { note, para, type ReportContext } from '../report-context.js';
import { aggregateSkipped, aggregateText, disabledRows } from './disabled-rows.js';
import { tableLayoutBlocks } from './table-layout-blocks.js';
import { pick } from '../../../core/lang.js';

export { aggregateText } from './disabled-rows.js';

const fieldLabel = (ctx: ReportContext, name: string): string => {
  const def = FIELDS.find((f) => f.name === name);
  return def ? pick(ctx.lang, { zh: `${def.zh}（${name}）`, en: `${name}` }) : name;
};

/** The positive entries of a count map, largest first (then by key). */
function positive(map: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(map)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const countTable = (
  ctx: ReportContext,
  head: [string, string],
  map: Readonly<Record<string, number>>,
): Block | null => {
  const rows = positive(map);
  if (rows.length === 0) return null;
  return { kind: 'table', head, align: ['l', 'r'], rows: rows.map(([k, v]): Cell[] => [[{ code: k }], ctx.f.int(v)]) };
};

/** Read = accepted + rejected, blank lines and duplicates. */
function rowsPara(ctx: ReportContext): Block {
  const { f, lang } = ctx;
  const q = ctx.results.quality;
  const rows = q.rows;
  return para(
    pick(lang, {
      zh: `读取${f.int(rows.read)}行 = 接受${f.int(rows.accepted)}行 + 拒绝${f.int(rows.rejected)}行${rows.blank ? `（另有空行${f.int(rows.blank)}行，不计入）` : ''}；重复行${f.int(q.duplicates)}行。每一拒绝行及其原因见 rejects.csv，每条警告见 warnings.csv。`,
      en: `Rows read ${f.int(rows.read)} = accepted ${f.int(rows.accepted)} + rejected ${f.int(rows.rejected)}${rows.blank ? ` (${f.int(rows.blank)} blank lines skipped)` : ''}; ${f.int(q.duplicates)} duplicate rows. rejects.csv lists every rejected row with its reason, warnings.csv every warning.`,
    }),
  );
}

/** Rejects by reason and warnings by code. */
function rejectsAndWarnings(ctx: ReportContext): Block[] {
  const { lang } = ctx;
  const q = ctx.results.quality;
  return [
    { kind: 'heading', level: 3, text: rt('h.rejects', lang) },
    countTable(ctx, [rt('c.code', lang), rt('c.rows', lang)], q.rejectsByReason) ??
      note(pick(lang, { zh: '没有拒绝行。', en: 'No row was rejected.' })),
    { kind: 'heading', level: 3, text: rt('h.warnings', lang) },
    countTable(ctx, [rt('c.code', lang), rt('c.number', lang)], q.warningsByCode) ??
      note(pick(lang, { zh: '没有警告。', en: 'No warnings.' })),
  ];
}

const CREDIT_KEYS: readonly string[] = [
  'credit.checksumFailures',
  'credit.typeMismatches',
  'credit.regionMismatches',
  'credit.lowercase',
];

/** The credit-code checks. */
function creditBlocks(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const creditRows = Object.entries(ctx.results.quality.creditCodes).map(([k, v]): Cell[] => {
    const key = `credit.${k}`;
    return [CREDIT_KEYS.includes(key) ? rt(key as ReportTextKey, lang) : k, f.int(v)];
  });
  return [
    { kind: 'heading', level: 3, text: rt('h.credit', lang) },
    creditRows.length
      ? { kind: 'table', head: [rt('c.check', lang), rt('c.rows', lang)], align: ['l', 'r'], rows: creditRows }
      : note(pick(lang, { zh: '结果中没有信用代码核验信息。', en: 'No credit-code checks in the results.' })),
  ];
}

/** The missing rate of every column that has missing values. */
function missingBlocks(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const missing = positive(ctx.results.quality.missingRate);
  const heading: Block = { kind: 'heading', level: 3, text: rt('h.missing', lang) };
  if (!missing.length)
    return [heading, note(pick(lang, { zh: '所有列均无缺失值。', en: 'No column has missing values.' }))];
  return [
    heading,
    {
      kind: 'table',
      head: [rt('c.column', lang), rt('c.missingRate', lang)],
      align: ['l', 'r'],
      rows: missing.map(([k, v]) => [fieldLabel(ctx, k), f.pct(v)]),
    },
    note(pick(lang, { zh: '未列出的列没有缺失值。', en: 'Columns not listed have no missing values.' })),
  ];
}

/** The columns recognised, the optional columns absent, the input columns ignored. */
function columnsBlocks(ctx: ReportContext): Block[] {
  const { lang } = ctx;
  const { present, absent, ignored } = ctx.results.quality.columns;
  const joined = (cols: readonly string[]) => (cols.length ? cols.join(', ') : rt('w.none', lang));
  return [
    { kind: 'heading', level: 3, text: rt('h.columns', lang) },
    {
      kind: 'list',
      items: [
        [
          pick(lang, { zh: `识别的列（${present.length}）：`, en: `Columns recognised (${present.length}): ` }),
          joined(present),
        ],
        [
          pick(lang, { zh: `缺少的可选列（${absent.length}）：`, en: `Optional columns absent (${absent.length}): ` }),
          joined(absent),
        ],
        [
          pick(lang, { zh: `忽略的输入列（${ignored.length}）：`, en: `Input columns ignored (${ignored.length}): ` }),
          joined(ignored),
        ],
      ],
    },
  ];
}

/** The input shape (an aggregated table), then what absent columns disabled. */
function disabledBlocks(ctx: ReportContext): Block[] {
  const { lang } = ctx;
  const skipped = aggregateSkipped(ctx);
  const disabled = disabledRows(ctx);
  return [
    ...(skipped.length
      ? [
          { kind: 'heading', level: 3, text: rt('h.aggregate', lang) } satisfies Block,
          para(aggregateText(ctx, skipped)),
        ]
      : []),
    { kind: 'heading', level: 3, text: rt('h.disabled', lang) },
    disabled.length
      ? {
          kind: 'table',
          head: [rt('c.analysis', lang), rt('c.what', lang), rt('c.missingCols', lang)],
          align: ['l', 'l', 'l'],
          rows: disabled,
        }
      : note(pick(lang, { zh: '没有因缺列而未计算的内容。', en: 'Nothing was left out for lack of a column.' })),
  ];
}

/**
 * Appendix A, data quality: the row accounting, rejects by reason, warnings by code,
 * duplicates, credit-code findings, missing rates, columns present, absent and ignored,
 * and what absent columns disabled.
 *
 * @param ctx report context
 * @returns the appendix's blocks (without its heading)
 */
export function qualityAppendix(ctx: ReportContext): Block[] {
  return [
    rowsPara(ctx),
    ...tableLayoutBlocks(ctx),
    ...rejectsAndWarnings(ctx),
    ...creditBlocks(ctx),
    ...missingBlocks(ctx),
    ...columnsBlocks(ctx),
    ...disabledBlocks(ctx),
  ];
}

/** B.7: the indicators with layer, direction, weight and entropy. */
function weightsBlocks(ctx: ReportContext): Block[] {
  const { f, lang } = ctx;
  const ind = ctx.results.analyses.indicators;
  if (!ind || !ind.indicators.length) return [];
  const layers = new Map<string, string>(ind.layers.map((l) => [l.id, l[lang]]));
  return [
    { kind: 'heading', level: 3, text: `B.7 ${rt('h.weights', lang)}` },
    {
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
      rows: ind.indicators.map((i): Cell[] => [
        i[lang],
        [{ code: i.id }],
        layers.get(i.layer) ?? i.layer,
        i.direction === -1 ? rt('w.negative', lang) : rt('w.positive', lang),
        f.dec(i.weight, 4),
        f.dec(i.entropy, 4),
      ]),
    },
  ];
}

const OPTION_NAMES: Readonly<Record<string, [string, string]>> = {
  profile: ['输入配置', 'Input profile'],
  regions: ['地区文件', 'Regions file'],
  encoding: ['编码', 'Encoding'],
  delimiter: ['分隔符', 'Delimiter'],
};

/** B.8: the options of the run. */
function optionsBlocks(ctx: ReportContext): Block[] {
  const { lang } = ctx;
  const optionRows = Object.entries(ctx.results.provenance.options).map(([k, v]): Cell[] => {
    const name = OPTION_NAMES[k] as [string, string] | undefined;
    return [
      name ? [pick(lang, { zh: name[0], en: name[1] }), ' ', { code: k }] : [{ code: k }],
      v === null ? pick(lang, { zh: '（默认/自动）', en: '(default/detected)' }) : String(v),
    ];
  });
  return [
    { kind: 'heading', level: 3, text: `B.8 ${rt('h.options', lang)}` },
    optionRows.length
      ? { kind: 'table', head: [rt('c.option', lang), rt('c.value', lang)], align: ['l', 'l'], rows: optionRows }
      : note(pick(lang, { zh: '没有记录参数。', en: 'No options recorded.' })),
  ];
}

/**
 * Appendix B, methods and options: every formula and option the analyses record, the
 * indicator weights, and the options of the run.
 *
 * @param ctx report context
 * @returns the appendix's blocks (without its heading)
 */
export function methodsAppendix(ctx: ReportContext): Block[] {
  return [...methodsBlocks(ctx), ...weightsBlocks(ctx), ...optionsBlocks(ctx)];
}

/** Every input file with its SHA-256, size, encoding, delimiter and row counts. */
function inputsTable(ctx: ReportContext): Block {
  const { f, lang } = ctx;
  return {
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
    rows: ctx.results.provenance.inputs.map((i): Cell[] => [
      `${i.file}${i.gzip ? rt('w.gzip', lang) : ''}`,
      [{ code: i.sha256 }],
      f.int(i.bytes),
      i.encoding,
      [{ code: i.delimiter === '\t' ? 'tab' : i.delimiter }],
      f.int(i.rows.read),
      f.int(i.rows.accepted),
      f.int(i.rows.rejected),
      f.int(i.rows.blank),
    ]),
  };
}

/** The seeds of the random procedures (Monte Carlo ranks, Moran's I permutations) with their runs. */
function seedsText(ctx: ReportContext): string {
  const { f, lang } = ctx;
  const seeds: string[] = [];
  const mc = ctx.results.analyses.indicators?.method.monteCarlo;
  if (mc)
    seeds.push(
      pick(lang, {
        zh: `蒙特卡洛排名模拟 ${mc.seed}（${f.int(mc.runs)}次）`,
        en: `Monte Carlo ranks ${mc.seed} (${f.int(mc.runs)} runs)`,
      }),
    );
  const moran = ranSection(ctx.results, 'spatial')?.method.moran;
  if (moran)
    seeds.push(
      pick(lang, {
        zh: `Moran's I 置换检验 ${moran.seed}（${f.int(moran.permutations)}次）`,
        en: `Moran's I permutations ${moran.seed} (${f.int(moran.permutations)})`,
      }),
    );
  return seeds.length ? seeds.join(pick(lang, { zh: '；', en: '; ' })) : rt('w.none', lang);
}

/** The totals, input shape, profile, regions file, soqa version and seeds. */
function provenanceList(ctx: ReportContext): Block {
  const { f, lang } = ctx;
  const p = ctx.results.provenance;
  const { rows, regions } = p;
  const popYear = regions.populationYear;
  return {
    kind: 'list',
    items: [
      [
        pick(lang, {
          zh: `合计：读取${f.int(rows.read)}行 = 接受${f.int(rows.accepted)}行 + 拒绝${f.int(rows.rejected)}行（空行${f.int(rows.blank)}行不计入）`,
          en: `Total: rows read ${f.int(rows.read)} = accepted ${f.int(rows.accepted)} + rejected ${f.int(rows.rejected)} (${f.int(rows.blank)} blank lines not counted)`,
        }),
      ],
      [pick(lang, { zh: '数据形态：', en: 'Input shape: ' }), rt(`shape.${p.shape}`, lang)],
      [pick(lang, { zh: '输入配置（profile）：', en: 'Profile: ' }), { code: p.profile }],
      [
        pick(lang, { zh: '地区文件：', en: 'Regions file: ' }),
        { code: regions.id },
        pick(lang, {
          zh: `（${f.int(regions.count)}个地区${popYear !== null ? `，人口为${popYear}年数据` : ''}）`,
          en: ` (${f.int(regions.count)} regions${popYear !== null ? `, population of ${popYear}` : ''})`,
        }),
      ],
      [pick(lang, { zh: 'soqa 版本：', en: 'soqa version: ' }), { code: ctx.results.soqa.version }],
      [pick(lang, { zh: '随机种子：', en: 'Random seeds: ' }), seedsText(ctx)],
      [
        pick(lang, {
          zh: '同样的输入与参数得到逐字节相同的 results.json、报告与图表。',
          en: 'The same input and options give byte-identical results.json, report and charts.',
        }),
      ],
    ],
  };
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
  return [inputsTable(ctx), provenanceList(ctx)];
}
