/**
 * Spatial concentration, from `results.analyses.spatial` (and, without it, the simple
 * shares the counts and the regions file give).
 */
import { isSkipped, type DensityLisa, type SpatialSection, type SpatialYear } from '../../../results/section-types.js';
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
function lisaBlocks(ctx: ReportContext, lisa: DensityLisa | null): Block[] {
  if (!lisa) return [];
  const { f, lang } = ctx;
  const units = lisa.units;
  const sig = units
    .filter((u) => u.cluster !== 'ns')
    .sort((a, b) => (a.p ?? 1) - (b.p ?? 1) || a.code.localeCompare(b.code));
  const count = (c: string) => units.filter((u) => u.cluster === c).length;
  const alpha = lisa.alpha;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `局部空间自相关（LISA，${lisa.year}年）`,
        en: `Local spatial autocorrelation (LISA), ${lisa.year}`,
      }),
    },
    para(
      pick(lang, {
        zh: `每万人社会组织数的局部莫兰指数（${lisa.permutations}次条件置换，α = ${alpha}）：高—高聚集${count('HH')}个，低—低聚集${count('LL')}个，高—低离群${count('HL')}个，低—高离群${count('LH')}个，其余${count('ns')}个不显著。地区较多时，部分显著结果可能出于偶然，宜作为线索而非结论。`,
        en: `Local Moran of organizations per 10,000 residents (${lisa.permutations} conditional permutations, α = ${alpha}): ${count('HH')} high–high and ${count('LL')} low–low cluster units, ${count('HL')} high–low and ${count('LH')} low–high outliers, ${count('ns')} not significant. With many units some significant results arise by chance: read them as leads, not findings.`,
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
    rows: shown.map((u) => [ctx.region(u.code), u.cluster, f.dec(u.value), f.dec(u.lag), f.p(u.p)]),
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

/** The verdict of the last year, "even and concentrated" when it applies, and the change over the years. */
function verdictBlocks(ctx: ReportContext, s: SpatialSection, last: SpatialYear | undefined): Block[] {
  const { lang } = ctx;
  const blocks: Block[] = [];
  const verdict = last?.verdict[lang];
  if (verdict) blocks.push(para(verdict));
  const lastSeries = s.series.at(-1);
  const g = lastSeries?.giniDensity ?? null;
  const lq = lastSeries?.coreLq ?? null;
  if (g !== null && lq !== null && lq > 1 && g < 0.3) {
    const text = evenAndConcentrated(ctx);
    blocks.push(para(pick(lang, { zh: `${text}。`, en: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` })));
  }
  const summary = s.summary?.[lang];
  if (summary) blocks.push(para(summary));
  return blocks;
}

/** Every region of the last year by density: organizations, shares, density, location quotient. */
function regionsTable(ctx: ReportContext, last: SpatialYear | undefined): Block[] {
  const { f, lang } = ctx;
  const regions = last?.all.regions ?? [];
  if (!last || regions.length === 0) return [];
  const sorted = [...regions].sort((a, b) => (b.per10k ?? -1) - (a.per10k ?? -1));
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.regionsTable', lang)}（${last.year}年）`,
        en: `${rt('h.regionsTable', lang)}, ${last.year}`,
      }),
    },
    {
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
              ctx.region(r.region),
              r.zone === 'core' ? rt('w.core', lang) : rt('w.periphery', lang),
              f.int(r.count),
              f.pct(r.share),
              f.pct(r.popShare),
              f.dec(r.per10k),
              f.dec(r.lq),
            ],
      ),
    },
  ];
  if (sorted.length >= MANY)
    blocks.push(
      para(
        pick(lang, {
          zh: `表中列出密度最高与最低的各${SHOWN}个地区；全部${sorted.length}个地区见 tables/spatial-regions.csv。`,
          en: `The table shows the ${SHOWN} regions of highest and of lowest density; all ${sorted.length} regions are in tables/spatial-regions.csv.`,
        }),
      ),
    );
  return blocks;
}

/** The concentration measures by year. */
function seriesTable(ctx: ReportContext, s: SpatialSection): Block[] {
  const { f, lang } = ctx;
  if (s.series.length === 0) return [];
  return [
    { kind: 'heading', level: 3, text: rt('h.series', lang) },
    {
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
      rows: s.series.map((x) => [
        String(x.year),
        f.pct(x.coreShare),
        f.pct(x.corePopShare),
        f.dec(x.coreLq),
        f.dec(x.hhi, 3),
        f.dec(x.giniDensity, 3),
        f.dec(x.hoover, 3),
        f.dec(x.theilT, 3),
        f.pct(x.theilBetweenShare),
        f.dec(x.moranI, 3),
        f.p(x.moranPRandomisation),
        f.p(x.moranPPseudo),
      ]),
    },
  ];
}

/** Field specialisation in the last year: Fu (2025)'s claim on the periphery, and the fields' location quotients. */
function fieldBlocks(ctx: ReportContext, last: SpatialYear): Block[] {
  const { f, lang } = ctx;
  const fields = last.fields;
  if (!fields || fields.rows.length === 0) return [];
  const rows = fields.rows;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      text: pick(lang, {
        zh: `${rt('h.fields', lang)}（${last.year}年）`,
        en: `${rt('h.fields', lang)}, ${last.year}`,
      }),
    },
  ];
  const claim = fields.literatureClaim;
  if (claim.holds !== null) {
    const names = claim.fields.map((c) => rows.find((r) => r.field === c)?.[lang] ?? c);
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
    rows: rows.map((r) => [r[lang], f.int(r.count), f.dec(r.coreLq), f.dec(r.peripheryLq)]),
  });
  return blocks;
}

/** The notes of the section, of the last year and of its fields, each once. */
function notesBlocks(ctx: ReportContext, s: SpatialSection, last: SpatialYear | undefined): Block[] {
  const notes = [...s.notes, ...(last?.all.notes ?? []), ...(last?.fields?.notes ?? [])].map((n) => n[ctx.lang]);
  if (!notes.length) return [];
  return [
    { kind: 'heading', level: 3, text: rt('h.notes', ctx.lang) },
    { kind: 'list', items: [...new Set(notes)].map((n) => [n]) },
  ];
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
  const s = ctx.results.analyses.spatial;
  const { lang } = ctx;
  if (!s)
    return [
      notComputed(ctx, 'spatial'),
      ...figure(ctx, 'region-density'),
      ...figure(ctx, 'zone-shares'),
      ...figure(ctx, 'map-density'),
      ...figure(ctx, 'map-density-change'),
    ];
  // skipped (`--each region` with rows placed in the region as a whole): its notes say why
  if (isSkipped(s)) return s.notes.map((n) => note(n[lang]));
  const last = s.byYear.at(-1);
  return [
    ...verdictBlocks(ctx, s, last),
    ...figure(ctx, 'region-density'),
    ...figure(ctx, 'zone-shares'),
    ...figure(ctx, 'map-density'),
    ...figure(ctx, 'map-density-change'),
    ...figure(ctx, 'map-lisa'),
    ...regionsTable(ctx, last),
    ...lisaBlocks(ctx, s.lisa),
    ...figure(ctx, 'lorenz'),
    ...seriesTable(ctx, s),
    ...(last ? fieldBlocks(ctx, last) : []),
    ...figure(ctx, 'lq-heatmap'),
    ...figure(ctx, 'map-lq'),
    ...notesBlocks(ctx, s, last),
    ...(last ? [] : [note(pick(lang, { zh: '空间分析没有任何年份的结果。', en: 'The spatial section has no year.' }))]),
  ];
}
