/**
 * The three layers of the indicator framework (composition; function; output and
 * contribution) and the composite ranking, from `results.analyses.indicators`.
 */
import { unitLabel } from '../unit-label.js';
import { indicatorLayers, lastScoreYear, rankIntervals } from '../../charts/chart-data/indicator-charts-data.js';
import { analysisSection, arr, isObj, num, str } from '../../results-view.js';
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

type Row = Record<string, unknown>;

/** Indicator id → display name in the report language. */
export function indicatorNames(ctx: ReportContext): Map<string, string> {
  const s = analysisSection(ctx.results, 'indicators');
  return new Map(
    arr<unknown>(s?.indicators)
      .filter(isObj)
      .map((i) => [String(i.id), str(ctx.lang === 'zh' ? i.zh : i.en) ?? String(i.id)] as const),
  );
}

const zoneLabel = (ctx: ReportContext, code: string): string => {
  const r = arr<unknown>(ctx.results.regions)
    .filter(isObj)
    .find((x) => x.code === code);
  return r?.zone === 'core' ? rt('w.core', ctx.lang) : r ? rt('w.periphery', ctx.lang) : '';
};

function skippedNote(ctx: ReportContext, s: Row, layer: string | null): Block[] {
  const skipped = arr<unknown>(s.skipped)
    .filter(isObj)
    .filter((k) => layer === null || k.layer === layer);
  if (skipped.length === 0) return [];
  const items = skipped.map((k) => {
    const missing = arr<unknown>(k.missing).map(String);
    const why =
      k.reason === 'missing-columns' && missing.length
        ? pick(ctx.lang, {
            zh: `缺少列 ${ctx.list(missing)}`,
            en: `missing column${missing.length === 1 ? '' : 's'} ${ctx.list(missing)}`,
          })
        : k.reason === 'no-data'
          ? pick(ctx.lang, { zh: '没有任何地区-年份有值', en: 'no region-year has a value' })
          : String(k.reason ?? '');
    return pick(ctx.lang, { zh: `${String(k.id)}（${why}）`, en: `${String(k.id)} (${why})` });
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

/**
 * One layer of the framework: its indicators and weights with the all-region values of the
 * first and last year, and the regions ranked by the layer score in the last year.
 *
 * @param ctx report context
 * @param layerId framework layer id (`composition`, `function`, `output` in the default framework)
 * @returns the section's blocks (without its heading)
 */
export function layerSection(ctx: ReportContext, layerId: string): Block[] {
  const s = analysisSection(ctx.results, 'indicators');
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
  const indicators = arr<unknown>(s.indicators)
    .filter(isObj)
    .filter((i) => i.layer === layerId);
  const year = lastScoreYear(ctx.results);
  const years = [
    ...new Set(
      arr<unknown>(s.scores)
        .filter(isObj)
        .map((r) => num(r.year))
        .filter((y): y is number => y !== null),
    ),
  ].sort((a, b) => a - b);
  const first = years[0];
  const scores = arr<unknown>(s.scores)
    .filter(isObj)
    .filter((r) => num(r.year) === year && r.region !== 'total' && num(r[layerId]) !== null)
    .sort(
      (a, b) =>
        (num(b[layerId]) as number) - (num(a[layerId]) as number) || (String(a.region) < String(b.region) ? -1 : 1),
    );
  const total = arr<unknown>(s.scores)
    .filter(isObj)
    .find((r) => num(r.year) === year && r.region === 'total');
  const w = str(isObj(s.method) ? s.method.weighting : null) ?? '';
  const weighting =
    w === 'entropy' || w === 'critic' || w === 'equal' || w === 'manual' ? rt(`weighting.${w}`, ctx.lang) : w;
  const blocks: Block[] = [];
  let text = pick(lang, {
    zh: `本层面包含${indicators.length}个指标，合计权重${f.pct(layer.weight)}（${weighting}）。`,
    en: `This layer has ${indicators.length} indicator${indicators.length === 1 ? '' : 's'} with ${f.pct(layer.weight)} of the weight (${weighting} weighting).`,
  });
  if (scores.length >= 2 && year !== null) {
    const top = scores[0];
    const bottom = scores[scores.length - 1];
    text += pick(lang, {
      zh: `${year}年层面得分最高的是${ctx.region(String(top.region))}（${f.dec(num(top[layerId]), 3)}），最低的是${ctx.region(String(bottom.region))}（${f.dec(num(bottom[layerId]), 3)}）`,
      en: ` In ${year} ${ctx.region(String(top.region))} scores highest (${f.dec(num(top[layerId]), 3)}) and ${ctx.region(String(bottom.region))} lowest (${f.dec(num(bottom[layerId]), 3)})`,
    });
    text +=
      total && num(total[layerId]) !== null
        ? pick(lang, {
            zh: `；全区为${f.dec(num(total[layerId]), 3)}。`,
            en: `; all regions together score ${f.dec(num(total[layerId]), 3)}.`,
          })
        : pick(lang, { zh: '。', en: '.' });
  }
  blocks.push(para(text));
  // indicators with weights and all-region values
  const values = arr<unknown>(s.values)
    .filter(isObj)
    .filter((v) => v.region === 'total');
  const totalValue = (id: string, y: number | undefined | null) =>
    num(values.find((v) => v.indicator === id && num(v.year) === y)?.raw);
  const showFirst = first !== undefined && first !== year;
  blocks.push({
    kind: 'table',
    head: [
      rt('c.indicator', ctx.lang),
      rt('c.unit', ctx.lang),
      rt('c.direction', ctx.lang),
      rt('c.weight', ctx.lang),
      ...(showFirst ? [pick(lang, { zh: `全区${first}年`, en: `All regions ${first}` })] : []),
      ...(year !== null ? [pick(lang, { zh: `全区${year}年`, en: `All regions ${year}` })] : []),
    ],
    align: ['l', 'l', 'l', 'r', ...(showFirst ? ['r' as const] : []), ...(year !== null ? ['r' as const] : [])],
    rows: indicators.map((i) => [
      str(ctx.lang === 'zh' ? i.zh : i.en) ?? String(i.id),
      unitLabel(str(i.unit) ?? '', ctx.lang),
      num(i.direction) === -1 ? rt('w.negative', ctx.lang) : rt('w.positive', ctx.lang),
      f.pct(num(i.weight)),
      ...(showFirst ? [f.value(totalValue(String(i.id), first))] : []),
      ...(year !== null ? [f.value(totalValue(String(i.id), year))] : []),
    ]),
  });
  if (scores.length > 0 && year !== null) {
    blocks.push({
      kind: 'table',
      head: [
        rt('c.rank', ctx.lang),
        rt('c.region', ctx.lang),
        rt('c.zone', ctx.lang),
        pick(lang, { zh: `${year}年${layer.name}得分`, en: `${layer.name} score ${year}` }),
      ],
      align: ['r', 'l', 'l', 'r'],
      rows: scores.map((r, k) => [
        f.int(k + 1),
        ctx.region(String(r.region)),
        zoneLabel(ctx, String(r.region)),
        f.dec(num(r[layerId]), 3),
      ]),
    });
  }
  blocks.push(...skippedNote(ctx, s, layerId));
  return blocks;
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
  const s = analysisSection(ctx.results, 'indicators');
  if (!s) return [notComputed(ctx, 'indicators')];
  const { f, lang } = ctx;
  const r = rankIntervals(ctx.results, lang);
  const blocks: Block[] = [];
  const framework = isObj(s.framework) ? s.framework : {};
  const title = isObj(framework.title) ? str(framework.title[lang]) : null;
  blocks.push(
    para(
      pick(lang, {
        zh: `指标体系：${title ?? str(framework.id) ?? ''}（${f.int(num(framework.used))}/${f.int(num(framework.indicators))}个指标可计算）。综合得分为各指标归一化值的加权和（0—1，越高越好）；排名区间来自改变权重与归一化方法的蒙特卡洛模拟，区间越窄排名越稳健。`,
        en: `Framework: ${title ?? str(framework.id) ?? ''} (${f.int(num(framework.used))} of ${f.int(num(framework.indicators))} indicators computable). The composite score is the weighted sum of the normalised indicators (0–1, higher is better); the rank interval comes from a Monte Carlo simulation that varies weights and normalisation: the narrower, the more robust the rank.`,
      }),
    ),
  );
  if (r) {
    const names = indicatorNames(ctx);
    const obstacles = arr<unknown>(s.obstacles)
      .filter(isObj)
      .filter((o) => num(o.year) === r.year && num(o.order) === 1);
    const topsis = new Map(
      arr<unknown>(s.scores)
        .filter(isObj)
        .filter((x) => num(x.year) === r.year)
        .map((x) => [String(x.region), num(x.topsis)]),
    );
    blocks.push({
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
                zh: `${names.get(String(o.indicator)) ?? String(o.indicator)}（${f.pct(num(o.degree))}）`,
                en: `${names.get(String(o.indicator)) ?? String(o.indicator)} (${f.pct(num(o.degree))})`,
              })
            : '—',
        ];
      }),
    });
  } else
    blocks.push(
      note(
        pick(lang, {
          zh: '结果中没有综合得分（没有可计算的指标）。',
          en: 'The results hold no composite scores (no indicator could be computed).',
        }),
      ),
    );
  blocks.push(
    ...figure(ctx, 'composite-ranking'),
    ...figure(ctx, 'layer-scores'),
    ...figure(ctx, 'layer-obstacles'),
    ...figure(ctx, 'indicator-obstacles'),
  );
  // data checks
  const names = indicatorNames(ctx);
  const flags = arr<unknown>(s.diagnostics)
    .filter(isObj)
    .map((d) => {
      const why = [
        d.outlier === true ? pick(lang, { zh: '存在离群值', en: 'outliers' }) : '',
        d.lowAvailability === true ? pick(lang, { zh: '可用率低', en: 'low availability' }) : '',
        d.manyZeros === true ? pick(lang, { zh: '零值多', en: 'many zeros' }) : '',
        d.fewUnique === true ? pick(lang, { zh: '取值种类少', en: 'few distinct values' }) : '',
      ].filter(Boolean);
      return why.length
        ? `${names.get(String(d.indicator)) ?? String(d.indicator)}${pick(lang, { zh: `（${why.join('、')}）`, en: ` (${why.join(', ')})` })}`
        : '';
    })
    .filter(Boolean);
  const corr = arr<unknown>(s.correlations)
    .filter(isObj)
    .map((c) => {
      const r = num(c.r);
      const adj = num(c.rDirectionAdjusted);
      const signed = (x: number | null) => (x === null ? '—' : `${x < 0 ? '−' : ''}${f.dec(Math.abs(x), 2)}`);
      const adjusted =
        adj !== null && r !== null && Math.sign(adj) !== Math.sign(r)
          ? pick(lang, { zh: `；按指标方向调整后为${signed(adj)}`, en: `; ${signed(adj)} after direction adjustment` })
          : '';
      return `${names.get(String(c.a)) ?? String(c.a)} — ${names.get(String(c.b)) ?? String(c.b)}${pick(lang, { zh: '（', en: ' (' })}r = ${signed(r)}${adjusted}${pick(lang, { zh: '）', en: ')' })}`;
    });
  const items = [
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
    ...arr<unknown>(s.notes)
      .filter(isObj)
      .map((n) => [str(n.message) ?? biText2(n, lang) ?? String(n.code ?? '')]),
  ];
  if (items.length) blocks.push({ kind: 'heading', level: 3, text: rt('h.notes', lang) }, { kind: 'list', items });
  blocks.push(...skippedNote(ctx, s, null));
  return blocks;
}

const biText2 = (n: Row, lang: 'zh' | 'en'): string | null => str(n[lang]);
