/**
 * Key findings: one line per topic, each a number with its meaning, all from the results.
 */
import { giniGrade } from '../../charts/chart-titles.js';
import { typeYearCounts } from '../../charts/chart-data/type-year-counts.js';
import { zoneShares } from '../../charts/chart-data/zone-shares.js';
import { regionDensity } from '../../charts/chart-data/region-density.js';
import { layerObstacles, rankIntervals, indicatorLayers } from '../../charts/chart-data/indicator-charts-data.js';
import { staffLevels } from '../../charts/chart-data/staff-levels.js';
import { t } from '../../charts/labels.js';
import { ranSection } from '../../results-view.js';
import type { Block, Inline } from '../report-model.js';
import { rt, type ReportTextKey } from '../report-text.js';
import type { ReportContext } from '../report-context.js';
import { pick } from '../../../core/lang.js';

const item = (ctx: ReportContext, key: ReportTextKey, text: string): Inline[] => [
  { strong: `${rt(key, ctx.lang)}${pick(ctx.lang, { zh: '：', en: ': ' })}` },
  text,
];

function scale(ctx: ReportContext): Inline[] | null {
  const { f, lang } = ctx;
  const rows = [...ctx.results.counts.byYear].sort((a, b) => a.year - b.year);
  if (rows.length === 0) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first.year === last.year || first.count <= 0) {
    return item(
      ctx,
      'k.scale',
      pick(lang, {
        zh: `${last.year}年共有社会组织${f.int(last.count)}家。`,
        en: `${f.int(last.count)} organizations in ${last.year}.`,
      }),
    );
  }
  const change = last.count / first.count - 1;
  const cagr =
    ctx.results.analyses.trends?.total?.cagr ?? (last.count / first.count) ** (1 / (last.year - first.year)) - 1;
  return item(
    ctx,
    'k.scale',
    pick(lang, {
      zh: `${last.year}年共有社会组织${f.int(last.count)}家，较${first.year}年的${f.int(first.count)}家${change >= 0 ? '增长' : '减少'}${f.pct(Math.abs(change))}，年均${cagr >= 0 ? '增长' : '减少'}${f.pct(Math.abs(cagr))}。`,
      en: `${f.int(last.count)} organizations in ${last.year}, ${f.signedPct(change)} since ${first.year} (${f.int(first.count)}): ${f.signedPct(cagr)} a year on average.`,
    }),
  );
}

function typeMix(ctx: ReportContext): Inline[] | null {
  const { f, lang } = ctx;
  const rows = typeYearCounts(ctx.results);
  if (!rows) return null;
  const years = [...new Set(rows.map((r) => r.year))];
  const first = years[0];
  const last = years[years.length - 1];
  const total = (y: number) => rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0);
  if (total(last) === 0) return null;
  const share = (y: number, type: string) =>
    total(y) > 0 ? (rows.find((r) => r.year === y && r.type === type)?.count ?? 0) / total(y) : 0;
  const types = [...new Set(rows.map((r) => r.type))];
  const top = types.reduce((a, b) => (share(last, b) > share(last, a) ? b : a));
  const name = (type: string) => t(`type.${type}` as 'type.other', lang);
  let text = pick(lang, {
    zh: `${last}年${name(top)}占${f.pct(share(last, top))}，是数量最多的类型`,
    en: `${name(top)} are the largest type in ${last} (${f.pct(share(last, top))})`,
  });
  if (first !== last && total(first) > 0) {
    const mover = types.reduce((a, b) =>
      Math.abs(share(last, b) - share(first, b)) > Math.abs(share(last, a) - share(first, a)) ? b : a,
    );
    const d = share(last, mover) - share(first, mover);
    const trends = ctx.results.analyses.trends;
    const alpha = trends?.alpha ?? 0.05;
    const p = (Object.hasOwn(trends?.byType ?? {}, mover) ? trends?.byType[mover].share.test?.p : null) ?? null;
    const sig =
      p === null
        ? ''
        : p < alpha
          ? pick(lang, {
              zh: `，趋势在${f.int(100 * alpha)}%水平上显著`,
              en: `, a trend significant at ${f.int(100 * alpha)}%`,
            })
          : pick(lang, {
              zh: `，但趋势在${f.int(100 * alpha)}%水平上不显著`,
              en: `, not a significant trend at ${f.int(100 * alpha)}%`,
            });
    text += pick(lang, {
      zh: `；${first}—${last}年${name(mover)}占比由${f.pct(share(first, mover))}${d >= 0 ? '升至' : '降至'}${f.pct(share(last, mover))}（${f.pp(d)}个百分点${sig}），变化最大。`,
      en: `; ${name(mover).toLowerCase()} moved most, from ${f.pct(share(first, mover))} in ${first} to ${f.pct(share(last, mover))} in ${last} (${f.pp(d)} points${sig}).`,
    });
  } else text += pick(lang, { zh: '。', en: '.' });
  return item(ctx, 'k.typemix', text);
}

/**
 * One sentence that reconciles an even spread (a low Gini) with a core that holds more than its
 * share: the Gini measures how density varies across all units, the location quotient the
 * core's excess share.
 *
 * @param ctx report context
 * @returns the sentence (without final punctuation)
 */
export function evenAndConcentrated(ctx: Pick<ReportContext, 'lang'>): string {
  return pick(ctx.lang, {
    zh: '两者并不矛盾：基尼系数衡量的是密度在全部地区之间的总体差异（差异不大），区位商衡量的是核心区合计相对其人口的超额份额（核心区的密度高于其余地区，即使高出不多，也会使其份额超过人口份额）',
    en: "the two do not contradict each other: the Gini measures how much density varies across all regions (little), the location quotient the core's excess share over its residents (the core is denser than the rest, and even a modest difference makes its share exceed its population share)",
  });
}

function spatial(ctx: ReportContext): Inline[] | null {
  const { f, lang } = ctx;
  const zs = zoneShares(ctx.results);
  const density = regionDensity(ctx.results, lang);
  const parts: string[] = [];
  const coreNames = ctx.results.regions.filter((r) => r.zone === 'core').map((r) => ctx.region(r.code));
  const series = (ranSection(ctx.results, 'spatial')?.series ?? []).filter(
    (x) => x.coreShare !== null && x.corePopShare !== null,
  );
  const last = series.at(-1);
  if (last) {
    parts.push(
      pick(lang, {
        zh: `${last.year}年核心区（${ctx.list(coreNames)}）以${f.pct(last.corePopShare)}的常住人口集中了${f.pct(last.coreShare)}的社会组织（区位商${f.dec(last.coreLq)}）`,
        en: `in ${last.year} the core (${ctx.list(coreNames)}) holds ${f.pct(last.coreShare)} of organizations with ${f.pct(last.corePopShare)} of residents (location quotient ${f.dec(last.coreLq)})`,
      }),
    );
    const g = last.giniDensity;
    if (g !== null)
      parts.push(
        pick(lang, {
          zh: `社会组织密度的人口加权基尼系数为${f.dec(g, 3)}，${giniGrade(lang, g)}`,
          en: `the population-weighted Gini of density is ${f.dec(g, 3)}, ${giniGrade(lang, g)}`,
        }),
      );
    const lq = last.coreLq;
    if (g !== null && lq !== null && lq > 1 && g < 0.3) parts.push(evenAndConcentrated(ctx));
  } else if (zs) {
    const z = zs[zs.length - 1];
    parts.push(
      pick(lang, {
        zh: `${z.year}年核心区（${ctx.list(coreNames)}）以${f.pct(z.popShare.core)}的常住人口拥有${f.pct(z.orgShare.core)}的社会组织`,
        en: `in ${z.year} the core (${ctx.list(coreNames)}) holds ${f.pct(z.orgShare.core)} of organizations with ${f.pct(z.popShare.core)} of residents`,
      }),
    );
  }
  if (density && density.regions.length >= 2) {
    const top = density.regions[0];
    const bottom = density.regions[density.regions.length - 1];
    parts.push(
      pick(lang, {
        zh: `每万人社会组织数从${top.name}的${f.dec(top.per10k)}家到${bottom.name}的${f.dec(bottom.per10k)}家不等`,
        en: `organizations per 10,000 residents range from ${f.dec(top.per10k)} in ${top.name} to ${f.dec(bottom.per10k)} in ${bottom.name}`,
      }),
    );
  }
  if (parts.length === 0) return null;
  const text = parts.join(pick(lang, { zh: '；', en: '; ' }));
  return item(
    ctx,
    'k.spatial',
    pick(lang, { zh: `${text}。`, en: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` }),
  );
}

function composite(ctx: ReportContext): Inline[][] {
  const { f, lang } = ctx;
  const out: Inline[][] = [];
  const r = rankIntervals(ctx.results, lang);
  if (r && r.rows.length >= 2) {
    const first = r.rows[0];
    const last = r.rows[r.rows.length - 1];
    const interval =
      first.p05 === null || first.p95 === null
        ? ''
        : first.p05 === first.p95
          ? pick(lang, {
              zh: `，在所有模拟中均排第${f.int(first.p05)}位`,
              en: `, rank ${f.int(first.p05)} in every simulation`,
            })
          : pick(lang, {
              zh: `，模拟排名区间第${f.int(first.p05)}—${f.int(first.p95)}位`,
              en: `, simulated rank ${f.int(first.p05)}–${f.int(first.p95)}`,
            });
    const layers = indicatorLayers(ctx.results, lang).flatMap((l) =>
      l.weight === null ? [] : [{ ...l, weight: l.weight }],
    );
    const heavy = layers.length > 0 ? layers.reduce((a, b) => (b.weight > a.weight ? b : a)) : null;
    const w = heavy
      ? pick(lang, {
          zh: `；权重最大的层面是${heavy.name}（${f.pct(heavy.weight)}）`,
          en: `; the heaviest layer is ${heavy.name} (${f.pct(heavy.weight)} of the weight)`,
        })
      : '';
    out.push(
      item(
        ctx,
        'k.composite',
        pick(lang, {
          zh: `${r.year}年综合得分最高的是${first.name}（${f.dec(first.composite, 3)}${interval}），最低的是${last.name}（${f.dec(last.composite, 3)}）${w}。`,
          en: `In ${r.year} ${first.name} has the highest composite score (${f.dec(first.composite, 3)}${interval}) and ${last.name} the lowest (${f.dec(last.composite, 3)})${w}.`,
        }),
      ),
    );
  }
  const o = layerObstacles(ctx.results, lang);
  if (o) {
    const names = [...new Set(o.rows.map((x) => x.name))];
    const counts = new Map<string, number>();
    for (const name of names) {
      const top = o.rows.filter((x) => x.name === name).reduce((a, b) => (b.share > a.share ? b : a));
      counts.set(top.layerName, (counts.get(top.layerName) ?? 0) + 1);
    }
    const [layer, n] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
    out.push(
      item(
        ctx,
        'k.obstacle',
        n === names.length
          ? pick(lang, {
              zh: `${o.year}年所有${names.length}个地区的最大障碍都来自${layer}层面，提升该层面的指标对综合得分的作用最大。`,
              en: `In ${o.year} the ${layer} layer is the largest obstacle in all ${names.length} regions: improving it raises the composite score most.`,
            })
          : pick(lang, {
              zh: `${o.year}年${names.length}个地区中有${n}个的最大障碍来自${layer}层面。`,
              en: `In ${o.year} the ${layer} layer is the largest obstacle in ${n} of ${names.length} regions.`,
            }),
      ),
    );
  }
  return out;
}

function staff(ctx: ReportContext): Inline[] | null {
  const { f, lang } = ctx;
  const s = ctx.results.analyses.staff;
  const levels = staffLevels(ctx.results, lang, rt('w.allRegions', lang));
  if (!s || !levels) return null;
  const all = levels.rows[0];
  const holds = s.claim?.holds ?? null;
  const differing = s.claim?.differingRegions ?? [];
  let text = pick(lang, {
    zh: `${levels.year}年持证社会工作者${f.int(all.total)}人，助理社会工作师占${f.pct(all.shares.junior)}、社会工作师占${f.pct(all.shares.mid)}、高级社会工作师占${f.pct(all.shares.senior)}`,
    en: `${f.int(all.total)} certified social workers in ${levels.year}: ${f.pct(all.shares.junior)} junior, ${f.pct(all.shares.mid)} intermediate, ${f.pct(all.shares.senior)} senior`,
  });
  if (holds !== null)
    text += pick(lang, {
      zh: `，“初级为主、高级稀缺”的判断${holds ? '成立' : '不成立'}`,
      en: `; the "junior-dominant, senior-scarce" claim ${holds ? 'holds' : 'does not hold'}`,
    });
  if (differing.length > 0)
    text += pick(lang, {
      zh: `，但${ctx.list(differing.map(ctx.region))}的结构与全区不同`,
      en: `, though ${ctx.list(differing.map(ctx.region))} ${differing.length === 1 ? 'differs' : 'differ'}`,
    });
  return item(ctx, 'k.staff', pick(lang, { zh: `${text}。`, en: `${text}.` }));
}

function supervision(ctx: ReportContext): Inline[] | null {
  const { f, lang } = ctx;
  const s = ranSection(ctx.results, 'supervision');
  if (!s) return null;
  const { organizations: orgs, warnings: w } = s;
  const ruleCounts = (w.byRule.length ? w.byRule : s.topRules)
    .map((r) => ({ name: r[lang], n: r.organizations }))
    .filter((r) => r.n > 0);
  const rulesText = ruleRanking(ctx, ruleCounts);
  const dist = s.grades.distribution;
  const n = dist.organizations;
  const grades = n
    ? pick(lang, {
        zh: `；受监管组织中A级占${f.pct(dist.A / n)}、D级占${f.pct(dist.D / n)}`,
        en: `; ${f.pct(dist.A / n)} of supervised organizations are graded A and ${f.pct(dist.D / n)} D`,
      })
    : '';
  return item(
    ctx,
    'k.supervision',
    pick(lang, {
      zh: `截至${s.asOf}年有${f.int(orgs.flagged)}个组织被预警（高${f.int(w.high)}、中${f.int(w.medium)}、低${f.int(w.low)}）${rulesText ? `，${rulesText}` : ''}${grades}。`,
      en: `As of ${s.asOf}, ${f.int(orgs.flagged)} organizations have a warning (${f.int(w.high)} high, ${f.int(w.medium)} medium, ${f.int(w.low)} low)${rulesText ? `; ${rulesText}` : ''}${grades}.`,
    }),
  );
}

/**
 * The rules that flag the most organizations, with ties said as ties: every rule at the same
 * count ("all nine rules flag 8 each"), several rules sharing the top count ("tied"), or the
 * top rule followed by the next count group.
 */
function ruleRanking(ctx: ReportContext, rules: readonly { name: string; n: number }[]): string {
  const { f, lang } = ctx;
  if (rules.length === 0) return '';
  const counts = [...new Set(rules.map((r) => r.n))].sort((a, b) => b - a);
  const group = (n: number) => rules.filter((r) => r.n === n).map((r) => r.name);
  if (rules.length > 1 && counts.length === 1)
    return pick(lang, {
      zh: `${rules.length}条规则被预警的组织数相同，均为${f.int(counts[0])}个（并列）`,
      en: `all ${rules.length} rules flag the same number of organizations, ${f.int(counts[0])} each (a tie)`,
    });
  const say = (n: number) => {
    const g = group(n);
    return g.length > 1
      ? pick(lang, { zh: `${ctx.list(g)}（并列，各${f.int(n)}个）`, en: `${ctx.list(g)} (tied, ${f.int(n)} each)` })
      : pick(lang, { zh: `${g[0]}（${f.int(n)}个）`, en: `${g[0]} (${f.int(n)})` });
  };
  const first = say(counts[0]);
  if (group(counts[0]).length > 1 || counts.length < 2)
    return pick(lang, { zh: `最多的是${first}`, en: `most often ${first}` });
  return pick(lang, {
    zh: `最多的是${first}，其次是${say(counts[1])}`,
    en: `most often ${first}, then ${say(counts[1])}`,
  });
}

function data(ctx: ReportContext): Inline[] {
  const { f, lang } = ctx;
  const q = ctx.results.quality;
  const rows = q.rows;
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const warnings = sum(Object.values(q.warningsByCode));
  const credit = sum(Object.values(q.creditCodes));
  const files = ctx.results.provenance.inputs.map((i) => i.file);
  if (ctx.results.provenance.shape === 'aggregate') {
    return item(
      ctx,
      'k.data',
      pick(lang, {
        zh: `输入为汇总统计表：读取${files.length}个文件共${f.int(rows.read)}个表格行，接受${f.int(rows.accepted)}行、拒绝${f.int(rows.rejected)}行；警告${f.int(warnings)}条（见附录A）；需要逐个组织记录的分析已跳过。`,
        en: `The input is an aggregated table: ${f.int(rows.read)} table rows read from ${files.length} file${files.length === 1 ? '' : 's'}, ${f.int(rows.accepted)} accepted, ${f.int(rows.rejected)} rejected; ${f.int(warnings)} warnings (Appendix A); analyses that need organization rows were skipped.`,
      }),
    );
  }
  return item(
    ctx,
    'k.data',
    pick(lang, {
      zh: `读取${files.length}个文件共${f.int(rows.read)}行，接受${f.int(rows.accepted)}行、拒绝${f.int(rows.rejected)}行；警告${f.int(warnings)}条，其中统一社会信用代码问题${f.int(credit)}条（见附录A）。`,
      en: `${f.int(rows.read)} rows read from ${files.length} file${files.length === 1 ? '' : 's'}: ${f.int(rows.accepted)} accepted, ${f.int(rows.rejected)} rejected; ${f.int(warnings)} warnings, ${f.int(credit)} of them about unified social credit codes (Appendix A).`,
    }),
  );
}

/**
 * The key findings: size and growth, type mix, concentration, composite score and
 * obstacles, staff, tension and the data behind them, each written from the numbers of
 * the results (topics without data are left out).
 *
 * @param ctx report context
 * @returns a list block
 */
export function keyFindings(ctx: ReportContext): Block[] {
  const items = [
    scale(ctx),
    typeMix(ctx),
    spatial(ctx),
    ...composite(ctx),
    staff(ctx),
    supervision(ctx),
    data(ctx),
  ].filter((x): x is Inline[] => x !== null);
  return [{ kind: 'list', items }];
}
