/**
 * The three layers of the indicator framework (composition; function; output and
 * contribution) and the composite ranking, from `results.analyses.indicators`.
 */
import type { IndicatorsSection } from '../../../results/section-types.js';
import { LAYER_IDS, type LayerId } from '../../../domain/framework/framework.js';
import { unitLabel } from '../unit-label.js';
import { indicatorLayers, lastScoreYear, rankIntervals } from '../../charts/chart-data/indicator-charts-data.js';
import type { Block, Cell, Inline } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

type Score = IndicatorsSection['scores'][number];

/** Indicator id → display name in the report language. */
export function indicatorNames(ctx: ReportContext): Map<string, string> {
  return new Map((ctx.results.analyses.indicators?.indicators ?? []).map((i) => [i.id, i[ctx.lang]] as const));
}

const zoneLabel = (ctx: ReportContext, code: string): string => {
  const r = ctx.results.regions.find((x) => x.code === code);
  return r?.zone === 'core' ? rt('w.core', ctx.lang) : r ? rt('w.periphery', ctx.lang) : '';
};

function skippedNote(ctx: ReportContext, s: IndicatorsSection, layer: string | null): Block[] {
  const skipped = s.skipped.filter((k) => layer === null || k.layer === layer);
  if (skipped.length === 0) return [];
  const items = skipped.map((k) => {
    const missing = k.missing;
    const why =
      k.reason === 'missing-columns' && missing.length
        ? pick(ctx.lang, {
            zh: `缺少列 ${ctx.list(missing)}`,
            en: `missing column${missing.length === 1 ? '' : 's'} ${ctx.list(missing)}`,
          })
        : k.reason === 'no-data'
          ? pick(ctx.lang, { zh: '没有任何地区-年份有值', en: 'no region-year has a value' })
          : k.reason;
    return pick(ctx.lang, { zh: `${k.id}（${why}）`, en: `${k.id} (${why})` });
  });
  return [
    note(
      pick(ctx.lang, {
        zh: `未计算的指标：${items.join('；')}。其余指标照常计算，权重在可用指标间重新分配。`,
        en: `Indicators not computed: ${items.join('; ')}. The other indicators are computed as usual and the weights are spread over them.`,
      }),
    ),
  ];
}

/** A row's score of a layer; null for a layer id the scores do not have. */
function layerScore(r: Score | undefined, layerId: string): number | null {
  return r && (LAYER_IDS as readonly string[]).includes(layerId) ? r[layerId as LayerId] : null;
}

/** The regions' layer scores of a year, highest first (regions without one left out), and the all-region row. */
function layerScores(
  s: IndicatorsSection,
  layerId: string,
  year: number | null,
): { ranked: { region: string; score: number }[]; total: number | null } {
  const ranked: { region: string; score: number }[] = [];
  for (const r of s.scores) {
    const score = layerScore(r, layerId);
    if (r.year === year && r.region !== 'total' && score !== null) ranked.push({ region: r.region, score });
  }
  ranked.sort((a, b) => b.score - a.score || (a.region < b.region ? -1 : 1));
  const total = layerScore(
    s.scores.find((r) => r.year === year && r.region === 'total'),
    layerId,
  );
  return { ranked, total };
}

/** The layer's opening paragraph: indicators, weight, highest and lowest region of the last year. */
function layerText(
  ctx: ReportContext,
  layer: { weight: number | null; indicators: number; weighting: string },
  scores: { ranked: { region: string; score: number }[]; total: number | null; year: number | null },
): Block {
  const { f, lang } = ctx;
  const { ranked, total, year } = scores;
  const n = layer.indicators;
  let text = pick(lang, {
    zh: `本层面包含${n}个指标，合计权重${f.pct(layer.weight)}（${layer.weighting}）。`,
    en: `This layer has ${n} indicator${n === 1 ? '' : 's'} with ${f.pct(layer.weight)} of the weight (${layer.weighting} weighting).`,
  });
  if (ranked.length >= 2 && year !== null) {
    const top = ranked[0];
    const bottom = ranked[ranked.length - 1];
    text += pick(lang, {
      zh: `${year}年层面得分最高的是${ctx.region(top.region)}（${f.dec(top.score, 3)}），最低的是${ctx.region(bottom.region)}（${f.dec(bottom.score, 3)}）`,
      en: ` In ${year} ${ctx.region(top.region)} scores highest (${f.dec(top.score, 3)}) and ${ctx.region(bottom.region)} lowest (${f.dec(bottom.score, 3)})`,
    });
    text +=
      total !== null
        ? pick(lang, {
            zh: `；全区为${f.dec(total, 3)}。`,
            en: `; all regions together score ${f.dec(total, 3)}.`,
          })
        : pick(lang, { zh: '。', en: '.' });
  }
  return para(text);
}

/** The layer's indicators with unit, direction, weight and the all-region values of the first and last year. */
function indicatorTable(ctx: ReportContext, s: IndicatorsSection, layerId: string, year: number | null): Block {
  const { f, lang } = ctx;
  const first = [...new Set(s.scores.map((r) => r.year))].sort((a, b) => a - b)[0];
  const values = s.values.filter((v) => v.region === 'total');
  const totalValue = (id: string, y: number | undefined | null) =>
    values.find((v) => v.indicator === id && v.year === y)?.raw ?? null;
  const showFirst = first !== undefined && first !== year;
  return {
    kind: 'table',
    head: [
      rt('c.indicator', lang),
      rt('c.unit', lang),
      rt('c.direction', lang),
      rt('c.weight', lang),
      ...(showFirst ? [pick(lang, { zh: `全区${first}年`, en: `All regions ${first}` })] : []),
      ...(year !== null ? [pick(lang, { zh: `全区${year}年`, en: `All regions ${year}` })] : []),
    ],
    align: ['l', 'l', 'l', 'r', ...(showFirst ? ['r' as const] : []), ...(year !== null ? ['r' as const] : [])],
    rows: s.indicators
      .filter((i) => i.layer === layerId)
      .map((i) => [
        i[lang],
        unitLabel(i.unit, lang),
        i.direction === -1 ? rt('w.negative', lang) : rt('w.positive', lang),
        f.pct(i.weight),
        ...(showFirst ? [f.value(totalValue(i.id, first))] : []),
        ...(year !== null ? [f.value(totalValue(i.id, year))] : []),
      ]),
  };
}

/** The weighting scheme's display name. */
function weightingName(ctx: ReportContext, s: IndicatorsSection): string {
  const w = s.method.weighting;
  return w === 'entropy' || w === 'critic' || w === 'equal' || w === 'manual' ? rt(`weighting.${w}`, ctx.lang) : w;
}

/**
 * One layer of the framework: its indicators and weights with the all-region values of the
 * first and last year, and the regions ranked by the layer score in the last year.
 *
 * @param ctx report context
 * @param layerId framework layer id (`composition`, `function`, `output` in the default framework)
 * @returns the section's blocks (without its heading)
 */
export function layerSection(ctx: ReportContext, layerId: string): Block[] {
  const s = ctx.results.analyses.indicators;
  if (!s) return [notComputed(ctx, 'indicators')];
  const { f, lang } = ctx;
  const layer = indicatorLayers(ctx.results, ctx.lang).find((l) => l.id === layerId);
  if (!layer) {
    return [
      note(
        pick(lang, {
          zh: `指标体系中没有“${layerId}”层面，或该层面没有可计算的指标。`,
          en: `The framework has no layer "${layerId}", or none of its indicators could be computed.`,
        }),
      ),
      ...skippedNote(ctx, s, layerId),
    ];
  }
  const year = lastScoreYear(ctx.results);
  const { ranked, total } = layerScores(s, layerId, year);
  const indicators = s.indicators.filter((i) => i.layer === layerId).length;
  const rankTable: Block[] =
    ranked.length > 0 && year !== null
      ? [
          {
            kind: 'table',
            head: [
              rt('c.rank', lang),
              rt('c.region', lang),
              rt('c.zone', lang),
              pick(lang, { zh: `${year}年${layer.name}得分`, en: `${layer.name} score ${year}` }),
            ],
            align: ['r', 'l', 'l', 'r'],
            rows: ranked.map((r, k) => [
              f.int(k + 1),
              ctx.region(r.region),
              zoneLabel(ctx, r.region),
              f.dec(r.score, 3),
            ]),
          },
        ]
      : [];
  return [
    layerText(ctx, { weight: layer.weight, indicators, weighting: weightingName(ctx, s) }, { ranked, total, year }),
    indicatorTable(ctx, s, layerId, year),
    ...rankTable,
    ...skippedNote(ctx, s, layerId),
  ];
}

/** The framework and how the composite score and the rank interval are made. */
function frameworkPara(ctx: ReportContext, s: IndicatorsSection): Block {
  const { f, lang } = ctx;
  const { framework } = s;
  const title = framework.title?.[lang] ?? null;
  return para(
    pick(lang, {
      zh: `指标体系：${title ?? framework.id}（${f.int(framework.used)}/${f.int(framework.indicators)}个指标可计算）。综合得分为各指标归一化值的加权和（0—1，越高越好）；排名区间来自改变权重与归一化方法的蒙特卡洛模拟，区间越窄排名越稳健。`,
      en: `Framework: ${title ?? framework.id} (${f.int(framework.used)} of ${f.int(framework.indicators)} indicators computable). The composite score is the weighted sum of the normalised indicators (0–1, higher is better); the rank interval comes from a Monte Carlo simulation that varies weights and normalisation: the narrower, the more robust the rank.`,
    }),
  );
}

/** Every region of the last year: composite, TOPSIS, rank interval and main obstacle; a note without scores. */
function compositeTable(ctx: ReportContext, s: IndicatorsSection): Block {
  const { f, lang } = ctx;
  const r = rankIntervals(ctx.results, lang);
  if (!r)
    return note(
      pick(lang, {
        zh: '结果中没有综合得分（没有可计算的指标）。',
        en: 'The results hold no composite scores (no indicator could be computed).',
      }),
    );
  const names = indicatorNames(ctx);
  const obstacles = s.obstacles.filter((o) => o.year === r.year && o.order === 1);
  const topsis = new Map(s.scores.filter((x) => x.year === r.year).map((x) => [x.region, x.topsis]));
  return {
    kind: 'table',
    head: [
      rt('c.rank', lang),
      rt('c.region', lang),
      rt('c.zone', lang),
      rt('c.composite', lang),
      rt('c.topsis', lang),
      rt('c.interval', lang),
      rt('c.obstacle', lang),
    ],
    align: ['r', 'l', 'l', 'r', 'r', 'r', 'l'],
    rows: r.rows.map((x): Cell[] => {
      const o = obstacles.find((ob) => ob.region === x.region);
      return [
        f.int(x.rank),
        x.name,
        zoneLabel(ctx, x.region),
        f.dec(x.composite, 3),
        f.dec(topsis.get(x.region), 3),
        x.p05 !== null && x.p95 !== null ? (x.p05 === x.p95 ? f.int(x.p05) : `${f.int(x.p05)}–${f.int(x.p95)}`) : '—',
        o
          ? pick(lang, {
              zh: `${names.get(o.indicator) ?? o.indicator}（${f.pct(o.degree)}）`,
              en: `${names.get(o.indicator) ?? o.indicator} (${f.pct(o.degree)})`,
            })
          : '—',
      ];
    }),
  };
}

/** The indicators the data checks flag, each with its reasons. */
function flaggedIndicators(ctx: ReportContext, s: IndicatorsSection, names: Map<string, string>): string[] {
  const { lang } = ctx;
  return s.diagnostics
    .map((d) => {
      const why = [
        d.outlier ? pick(lang, { zh: '存在离群值', en: 'outliers' }) : '',
        d.lowAvailability ? pick(lang, { zh: '可用率低', en: 'low availability' }) : '',
        d.manyZeros ? pick(lang, { zh: '零值多', en: 'many zeros' }) : '',
        d.fewUnique ? pick(lang, { zh: '取值种类少', en: 'few distinct values' }) : '',
      ].filter(Boolean);
      return why.length
        ? `${names.get(d.indicator) ?? d.indicator}${pick(lang, { zh: `（${why.join('、')}）`, en: ` (${why.join(', ')})` })}`
        : '';
    })
    .filter(Boolean);
}

/** The highly correlated indicator pairs within a layer, with r (and r after direction adjustment when its sign differs). */
function correlatedPairs(ctx: ReportContext, s: IndicatorsSection, names: Map<string, string>): string[] {
  const { f, lang } = ctx;
  const signed = (x: number) => `${x < 0 ? '−' : ''}${f.dec(Math.abs(x), 2)}`;
  return s.correlations.map((c) => {
    const { r, rDirectionAdjusted: adj } = c;
    const adjusted =
      Math.sign(adj) !== Math.sign(r)
        ? pick(lang, { zh: `；按指标方向调整后为${signed(adj)}`, en: `; ${signed(adj)} after direction adjustment` })
        : '';
    return `${names.get(c.a) ?? c.a} — ${names.get(c.b) ?? c.b}${pick(lang, { zh: '（', en: ' (' })}r = ${signed(r)}${adjusted}${pick(lang, { zh: '）', en: ')' })}`;
  });
}

/** The notes: data checks, correlated indicators, the analysis's notes. */
function compositeNotes(ctx: ReportContext, s: IndicatorsSection): Block[] {
  const { lang } = ctx;
  const names = indicatorNames(ctx);
  const flags = flaggedIndicators(ctx, s, names);
  const corr = correlatedPairs(ctx, s, names);
  const items: Inline[][] = [
    ...(flags.length
      ? [[pick(lang, { zh: `数据检查提示：${flags.join('；')}。`, en: `Data checks flag: ${flags.join('; ')}.` })]]
      : []),
    ...(corr.length
      ? [
          [
            pick(lang, {
              zh: `同一层面内高度相关（|r| > 0.9，r为各地区年份原始值的皮尔逊相关系数）的指标：${corr.join('；')}，它们在该层面中的信息有所重复。`,
              en: `Highly correlated indicators within a layer (|r| > 0.9; r is the Pearson correlation of the raw region-year values): ${corr.join('; ')}; they partly repeat each other.`,
            }),
          ],
        ]
      : []),
    ...s.notes.map((n) => [n.message]),
  ];
  return items.length
    ? [
        { kind: 'heading', level: 3, text: rt('h.notes', lang) },
        { kind: 'list', items },
      ]
    : [];
}

/**
 * The composite ranking: composite score, TOPSIS, Monte Carlo rank interval and the main
 * obstacle of every region in the last year, with the ranking, layer and obstacle charts
 * and the data checks of the indicators.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function compositeSection(ctx: ReportContext): Block[] {
  const s = ctx.results.analyses.indicators;
  if (!s) return [notComputed(ctx, 'indicators')];
  return [
    frameworkPara(ctx, s),
    compositeTable(ctx, s),
    ...figure(ctx, 'composite-ranking'),
    ...figure(ctx, 'layer-scores'),
    ...figure(ctx, 'layer-obstacles'),
    ...figure(ctx, 'indicator-obstacles'),
    ...compositeNotes(ctx, s),
    ...skippedNote(ctx, s, null),
  ];
}
