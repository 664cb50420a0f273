/**
 * One unit of `soqa analyze --each region` beside the whole input, from `results.analyses.unit`:
 * its organizations and share of the whole, its rank among the units, its density per 10,000
 * residents and rank, its composite score and rank.
 */
import type { Block, Cell } from '../report-model.js';
import { rt } from '../report-text.js';
import { para, type ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

/** English ordinal of a rank: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * The comparison section of a unit's report: one sentence and a table of the unit's count,
 * the whole input's count, the share, the organizations per 10,000 residents and the
 * composite score, each with its rank among the units. A measure the results do not have
 * (no population, a unit that is not a region of the run) is left out.
 *
 * @param ctx report context
 * @returns the section's blocks (without its heading); empty when `analyses.unit` is absent
 * @example
 * unitComparisonSection(ctx); // => [{ kind: 'para', … }, { kind: 'table', … }] in a unit's report
 */
export function unitComparisonSection(ctx: ReportContext): Block[] {
  const u = ctx.results.analyses.unit;
  if (!u) return [];
  const { f, lang } = ctx;
  const name = u[lang];
  const { year, count, of, rank, per10k, composite } = u;
  const rankText = (r: number | null) => (r === null ? '—' : f.int(r));
  const place = (r: number | null) =>
    pick(lang, { zh: `居第${rankText(r)}位`, en: r === null ? 'rank —' : ordinal(r) });
  const clauses = [
    pick(lang, {
      zh: `${year}年，${name}有社会组织${f.int(count)}个，占全部数据（${f.int(u.total)}个）的${f.pct(u.share)}，在${f.int(of)}个地区中${place(rank)}`,
      en: `In ${year} ${name} had ${f.int(count)} of the ${f.int(u.total)} organizations of the whole input (${f.pct(u.share)}), ${place(rank)} of ${f.int(of)} regions by count`,
    }),
  ];
  if (per10k !== null)
    clauses.push(
      pick(lang, {
        zh: `每万人口${f.dec(per10k, 2)}个，${place(u.per10kRank)}`,
        en: `${f.dec(per10k, 2)} per 10,000 residents, ${place(u.per10kRank)}`,
      }),
    );
  if (composite !== null)
    clauses.push(
      pick(lang, {
        zh: `综合得分${f.dec(composite, 3)}，${place(u.compositeRank)}`,
        en: `composite score ${f.dec(composite, 3)}, ${place(u.compositeRank)}`,
      }),
    );
  const rows: Cell[][] = [
    [pick(lang, { zh: `社会组织数（${year}年）`, en: `Organizations, ${year}` }), f.int(count), rankText(rank)],
    [rt('c.unitTotal', lang), f.int(u.total), '—'],
    [rt('c.unitShare', lang), f.pct(u.share), rankText(rank)],
  ];
  if (per10k !== null) rows.push([rt('c.unitPer10k', lang), f.dec(per10k, 2), rankText(u.per10kRank)]);
  if (composite !== null) rows.push([rt('c.composite', lang), f.dec(composite, 3), rankText(u.compositeRank)]);
  return [
    para(`${clauses.join(pick(lang, { zh: '；', en: '; ' }))}${pick(lang, { zh: '。', en: '.' })}`),
    {
      kind: 'table',
      head: [
        rt('c.item', lang),
        name,
        pick(lang, { zh: `在${f.int(of)}个地区中的排名`, en: `Rank among ${f.int(of)} regions` }),
      ],
      align: ['l', 'r', 'r'],
      rows,
    },
  ];
}
