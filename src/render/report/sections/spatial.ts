/**
 * Spatial concentration, from `results.analyses.spatial` (and, without it, the simple
 * shares the counts and the regions file give).
 */
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';
import { evenAndConcentrated } from './findings.js';
import { pick } from '../../../core/lang.js';

/** From this many regions on, a table shows the top and bottom {@link SHOWN} (tables/ has them all). */
const MANY = 30;
const SHOWN = 10;

/** The first and last SHOWN rows with null (an ellipsis row) between, or all rows when fewer than MANY. */
function topAndBottom<T>(rows: T[]): (T | null)[] {
  return rows.length < MANY ? rows : [...rows.slice(0, SHOWN), null, ...rows.slice(-SHOWN)];
}

/** LISA: how many units fall in each significant cluster, and those units by name. */
function lisaBlocks(ctx: ReportContext, lisa: Record<string, unknown> | null): Block[] {
  if (!lisa) return [];
  const { f, lang } = ctx;
  const units = arr<unknown>(lisa.units).filter(isObj);
  const sig = units
    .filter((u) => u.cluster !== 'ns')
    .sort((a, b) => (num(a.p) ?? 1) - (num(b.p) ?? 1) || String(a.code).localeCompare(String(b.code)));
  const count = (c: string) => units.filter((u) => u.cluster === c).length;
  const alpha = num(lisa.alpha) ?? 0.05;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `局部空间自相关（LISA，${num(lisa.year)}年）`,
        en: `Local spatial autocorrelation (LISA), ${num(lisa.year)}`,
      }),
    },
    para(
      pick(lang, {
        zh: `每万人社会组织数的局部莫兰指数（${num(lisa.permutations)}次条件置换，α = ${alpha}）：高—高聚集${count('HH')}个，低—低聚集${count('LL')}个，高—低离群${count('HL')}个，低—高离群${count('LH')}个，其余${count('ns')}个不显著。地区较多时，部分显著结果可能出于偶然，宜作为线索而非结论。`,
        en: `Local Moran of organizations per 10,000 residents (${num(lisa.permutations)} conditional permutations, α = ${alpha}): ${count('HH')} high–high and ${count('LL')} low–low cluster units, ${count('HL')} high–low and ${count('LH')} low–high outliers, ${count('ns')} not significant. With many units some significant results arise by chance: read them as leads, not findings.`,
      }),
    ),
  ];
  if (sig.length === 0) return blocks;
  const shown = sig.slice(0, 2 * SHOWN);
  blocks.push({
    kind: 'table',
    head: [
      rt('c.region', lang),
      pick(lang, { zh: '类型', en: 'cluster' }),
      rt('c.per10k', lang),
      pick(lang, { zh: '邻近地区均值', en: 'neighbours’ mean' }),
      rt('c.p', lang),
    ],
    align: ['l', 'l', 'r', 'r', 'r'],
    rows: shown.map((u) => [
      ctx.region(String(u.code)),
      String(u.cluster),
      f.dec(num(u.value)),
      f.dec(num(u.lag)),
      f.p(num(u.p)),
    ]),
  });
  if (shown.length < sig.length)
    blocks.push(
      para(
        pick(lang, {
          zh: `表中列出 p 值最小的${shown.length}个显著地区；全部${sig.length}个见 tables/spatial-regions.csv。`,
          en: `The table lists the ${shown.length} significant units of smallest p; all ${sig.length} are in tables/spatial-regions.csv.`,
        }),
      ),
    );
  return blocks;
}

/**
 * The spatial section: the verdict of the last year and the change over the years, every
 * region's organizations, shares, density and location quotient, the concentration
 * measures by year, field specialisation, the charts and the notes.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading)
 */
export function spatialSection(ctx: ReportContext): Block[] {
  const s = analysisSection(ctx.results, 'spatial');
  const { f, lang } = ctx;
  if (!s)
    return [
      notComputed(ctx, 'spatial'),
      ...figure(ctx, 'region-density'),
      ...figure(ctx, 'zone-shares'),
      ...figure(ctx, 'map-density'),
      ...figure(ctx, 'map-density-change'),
    ];
  // skipped (`--each region` with rows placed in the region as a whole): its notes say why
  if (s.skipped === true)
    return arr<unknown>(s.notes)
      .map((n) => biText(n, lang))
      .filter((n): n is string => n !== null)
      .map((n) => note(n));
  const blocks: Block[] = [];
  const years = arr<unknown>(s.byYear).filter(isObj);
  const last = years.at(-1);
  const verdict = biText(last?.verdict, lang);
  if (verdict) blocks.push(para(verdict));
  const lastSeries = arr<unknown>(s.series).filter(isObj).at(-1);
  const g = num(lastSeries?.giniDensity);
  const lq = num(lastSeries?.coreLq);
  if (g !== null && lq !== null && lq > 1 && g < 0.3) {
    const text = evenAndConcentrated(ctx);
    blocks.push(para(pick(lang, { zh: `${text}。`, en: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` })));
  }
  const summary = biText(s.summary, lang);
  if (summary) blocks.push(para(summary));
  blocks.push(...figure(ctx, 'region-density'), ...figure(ctx, 'zone-shares'));
  blocks.push(...figure(ctx, 'map-density'), ...figure(ctx, 'map-density-change'), ...figure(ctx, 'map-lisa'));
  const all = isObj(last?.all) ? last.all : null;
  const regions = arr<unknown>(all?.regions).filter(isObj);
  if (last && regions.length > 0) {
    const sorted = [...regions].sort((a, b) => (num(b.per10k) ?? -1) - (num(a.per10k) ?? -1));
    blocks.push({
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.regionsTable', lang)}（${num(last.year)}年）`,
        en: `${rt('h.regionsTable', lang)}, ${num(last.year)}`,
      }),
    });
    blocks.push({
      kind: 'table',
      head: [
        rt('c.region', lang),
        rt('c.zone', lang),
        rt('c.count', lang),
        rt('c.share', lang),
        rt('c.popShare', lang),
        rt('c.per10k', lang),
        rt('c.lq', lang),
      ],
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
      rows: topAndBottom(sorted).map((r) =>
        r === null
          ? ['…', '', '', '', '', '', '']
          : [
              ctx.region(String(r.region)),
              r.zone === 'core' ? rt('w.core', lang) : rt('w.periphery', lang),
              f.int(num(r.count)),
              f.pct(num(r.share)),
              f.pct(num(r.popShare)),
              f.dec(num(r.per10k)),
              f.dec(num(r.lq)),
            ],
      ),
    });
    if (sorted.length >= MANY)
      blocks.push(
        para(
          pick(lang, {
            zh: `表中列出密度最高与最低的各${SHOWN}个地区；全部${sorted.length}个地区见 tables/spatial-regions.csv。`,
            en: `The table shows the ${SHOWN} regions of highest and of lowest density; all ${sorted.length} regions are in tables/spatial-regions.csv.`,
          }),
        ),
      );
  }
  blocks.push(...lisaBlocks(ctx, isObj(s.lisa) ? s.lisa : null));
  blocks.push(...figure(ctx, 'lorenz'));
  const series = arr<unknown>(s.series).filter(isObj);
  if (series.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: rt('h.series', lang) });
    blocks.push({
      kind: 'table',
      head: [
        rt('c.year', lang),
        rt('c.coreShare', lang),
        rt('c.corePop', lang),
        rt('c.lq', lang),
        rt('c.hhi', lang),
        rt('c.gini', lang),
        rt('c.hoover', lang),
        rt('c.theil', lang),
        rt('c.between', lang),
        rt('c.moran', lang),
        rt('c.pAnalytic', lang),
        rt('c.p', lang),
      ],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: series.map((x) => [
        String(num(x.year) ?? ''),
        f.pct(num(x.coreShare)),
        f.pct(num(x.corePopShare)),
        f.dec(num(x.coreLq)),
        f.dec(num(x.hhi), 3),
        f.dec(num(x.giniDensity), 3),
        f.dec(num(x.hoover), 3),
        f.dec(num(x.theilT), 3),
        f.pct(num(x.theilBetweenShare)),
        f.dec(num(x.moranI), 3),
        f.p(num(x.moranPRandomisation)),
        f.p(num(x.moranPPseudo)),
      ]),
    });
  }
  // field specialisation
  const fields = isObj(last?.fields) ? last.fields : null;
  if (fields && arr(fields.rows).length > 0) {
    const rows = arr<unknown>(fields.rows).filter(isObj);
    blocks.push({
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.fields', lang)}（${num(last?.year)}年）`,
        en: `${rt('h.fields', lang)}, ${num(last?.year)}`,
      }),
    });
    const claim = isObj(fields.literatureClaim) ? fields.literatureClaim : null;
    if (claim && typeof claim.holds === 'boolean') {
      const names = arr<unknown>(claim.fields).map((c) => {
        const row = rows.find((r) => r.field === c);
        return row ? (str(lang === 'zh' ? row.zh : row.en) ?? String(c)) : String(c);
      });
      blocks.push(
        para(
          claim.holds
            ? pick(lang, {
                zh: `伏昕（2025）认为边缘区专注于${ctx.list(names)}：本数据中边缘区这些领域的区位商均大于1，判断成立。`,
                en: `Fu (2025) says the periphery focuses on ${ctx.list(names)}: here the periphery's location quotients of these fields are all above 1, so the claim holds.`,
              })
            : pick(lang, {
                zh: `伏昕（2025）认为边缘区专注于${ctx.list(names)}：本数据中边缘区这些领域的区位商并非都大于1，判断不成立。`,
                en: `Fu (2025) says the periphery focuses on ${ctx.list(names)}: here not all of the periphery's location quotients of these fields are above 1, so the claim does not hold.`,
              }),
        ),
      );
    }
    blocks.push({
      kind: 'table',
      head: [rt('c.field', lang), rt('c.count', lang), rt('c.coreLq', lang), rt('c.peripheryLq', lang)],
      align: ['l', 'r', 'r', 'r'],
      rows: rows.map((r) => [
        str(lang === 'zh' ? r.zh : r.en) ?? String(r.field),
        f.int(num(r.count)),
        f.dec(num(r.coreLq)),
        f.dec(num(r.peripheryLq)),
      ]),
    });
  }
  blocks.push(...figure(ctx, 'lq-heatmap'), ...figure(ctx, 'map-lq'));
  const notes = [
    ...arr<unknown>(s.notes),
    ...arr<unknown>(all?.notes),
    ...arr<unknown>(isObj(fields) ? fields.notes : []),
  ]
    .map((n) => biText(n, lang))
    .filter((n): n is string => n !== null);
  if (notes.length)
    blocks.push(
      { kind: 'heading', level: 3, text: rt('h.notes', lang) },
      { kind: 'list', items: [...new Set(notes)].map((n) => [n]) },
    );
  if (!last)
    blocks.push(note(pick(lang, { zh: '空间分析没有任何年份的结果。', en: 'The spatial section has no year.' })));
  return blocks;
}
