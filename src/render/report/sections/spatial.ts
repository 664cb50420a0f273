/**
 * Spatial concentration, from `results.analyses.spatial` (and, without it, the simple
 * shares the counts and the regions file give).
 */
import { analysisSection, arr, biText, isObj, num, str } from '../../results-view.js';
import type { Block } from '../report-model.js';
import { rt } from '../report-text.js';
import { figure, notComputed, note, para, type ReportContext } from '../report-context.js';

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
  const { f, bi, lang } = ctx;
  if (!s)
    return [
      notComputed(ctx, 'spatial'),
      ...figure(ctx, 'region-density'),
      ...figure(ctx, 'zone-shares'),
      ...figure(ctx, 'map-density'),
      ...figure(ctx, 'map-density-change'),
    ];
  const blocks: Block[] = [];
  const years = arr<unknown>(s.byYear).filter(isObj);
  const last = years.at(-1);
  const verdict = biText(last?.verdict, lang);
  if (verdict) blocks.push(para(verdict));
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
      text: bi(
        `${rt('h.regionsTable', lang)}（${num(last.year)}年）`,
        `${rt('h.regionsTable', lang)}, ${num(last.year)}`,
      ),
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
      rows: sorted.map((r) => [
        ctx.region(String(r.region)),
        r.zone === 'core' ? rt('w.core', lang) : rt('w.periphery', lang),
        f.int(num(r.count)),
        f.pct(num(r.share)),
        f.pct(num(r.popShare)),
        f.dec(num(r.per10k)),
        f.dec(num(r.lq)),
      ]),
    });
  }
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
        rt('c.p', lang),
      ],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
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
      text: bi(`${rt('h.fields', lang)}（${num(last?.year)}年）`, `${rt('h.fields', lang)}, ${num(last?.year)}`),
    });
    const seed = isObj(fields.seedClaim) ? fields.seedClaim : null;
    if (seed && typeof seed.holds === 'boolean') {
      const names = arr<unknown>(seed.fields).map((c) => {
        const row = rows.find((r) => r.field === c);
        return row ? (str(lang === 'zh' ? row.zh : row.en) ?? String(c)) : String(c);
      });
      blocks.push(
        para(
          seed.holds
            ? bi(
                `种子文献认为边缘区专注于${ctx.list(names)}：本数据中边缘区这些领域的区位商均大于1，判断成立。`,
                `The seed papers say the periphery focuses on ${ctx.list(names)}: here the periphery's location quotients of these fields are all above 1, so the claim holds.`,
              )
            : bi(
                `种子文献认为边缘区专注于${ctx.list(names)}：本数据中边缘区这些领域的区位商并非都大于1，判断不成立。`,
                `The seed papers say the periphery focuses on ${ctx.list(names)}: here not all of the periphery's location quotients of these fields are above 1, so the claim does not hold.`,
              ),
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
  if (!last) blocks.push(note(bi('空间分析没有任何年份的结果。', 'The spatial section has no year.')));
  return blocks;
}
