import { pick, type Lang } from '../../core/lang.js';
import { fix, listOf, nm, pct1, type BiName } from '../../core/messages/format.js';

/**
 * The verdict texts of the tension analysis: built from its numbers and labels, in either language.
 */

/** Numbers for {@link tensionVerdictText}; null parts are left out of the text. */
export interface TensionVerdictNumbers {
  tension: BiName;
  u1: BiName;
  u2: BiName;
  year: number;
  /** The regions with the highest tension in the year, highest first. */
  top: { name: BiName; tension: number; class: BiName; lagging: BiName | null; gap: number | null }[];
  /** What holds the lagging subsystem back most in the region with the highest tension. */
  driver: { region: BiName; subsystem: BiName; indicator: BiName; degree: number } | null;
  /** How many regions have U1 lagging, U2 lagging, out of how many. */
  lagCounts: { u1: number; u2: number; regions: number };
  /** Mean tension across the regions with a value in both years. */
  mean: { fromYear: number; from: number; toYear: number; to: number } | null;
  /** Regions whose class is not robust in the year (null when the Monte Carlo is off). */
  notRobust: BiName[] | null;
  /** Core/periphery Theil decomposition of a resource per resident in the year. */
  theil: { resource: BiName; betweenShare: number; ratio: number | null } | null;
  /** Set when the tension is not informative: the subsystem resting on one indicator (or none). */
  notInformative?: { subsystem: BiName; indicator: BiName | null } | null;
  /** Regions left out because a subsystem's U sits at a bound in every year. */
  atBound?: { subsystem: BiName; bound: 'min' | 'max'; regions: BiName[] }[];
}

/** Why a tension is not informative (one subsystem rests on one indicator or none). */
export const tensionNotInformative = (
  lang: Lang,
  head: string,
  n: { subsystem: BiName; indicator: BiName | null },
): string =>
  n.indicator
    ? pick(lang, {
        zh: `${head}：不具信息量，不作结论：${n.subsystem.zh}子系统只有一个指标（${n.indicator.zh}），其得分只是该指标在最低与最高地区之间的位置。`,
        en: `${head}: not informative, reported without a finding: the subsystem ${n.subsystem.en} rests on one indicator (${n.indicator.en}), so its score is only that indicator's position between the lowest and the highest region.`,
      })
    : pick(lang, {
        zh: `${head}：不具信息量，不作结论：${n.subsystem.zh}子系统没有任何有差异的指标。`,
        en: `${head}: not informative, reported without a finding: no indicator of the subsystem ${n.subsystem.en} has any spread.`,
      });

/** Regions whose subsystem score sits at a bound in every year (left out of the verdict). */
export const tensionAtBound = (lang: Lang, b: { subsystem: BiName; bound: 'min' | 'max'; regions: BiName[] }): string =>
  pick(lang, {
    zh: `${listOf(
      lang,
      b.regions.map((r) => r.zh),
    )}不具信息量，未纳入比较：其${b.subsystem.zh}在各年各指标均处于${b.bound === 'min' ? '最低' : '最高'}值，耦合协调度只反映量表的边界`,
    en: `not informative for ${listOf(
      lang,
      b.regions.map((r) => r.en),
    )}, left out: ${b.subsystem.en} is at the ${b.bound === 'min' ? 'lowest' : 'highest'} value of every indicator in every year, so the coupling only restates the bound of the scale`,
  });

/** Plain-language verdict on one tension in one year, built from its numbers. */
export const tensionVerdictText = (lang: Lang, v: TensionVerdictNumbers): string => {
  const head = pick(lang, {
    zh: `${nm(lang, v.tension)}（${nm(lang, v.u1)}—${nm(lang, v.u2)}），${v.year}年`,
    en: `${nm(lang, v.tension)} (${nm(lang, v.u1)} vs ${nm(lang, v.u2)}), ${v.year}`,
  });
  if (v.notInformative) return tensionNotInformative(lang, head, v.notInformative);
  if (v.top.length === 0)
    return pick(lang, { zh: `${head}：数据不足，无法给出结论。`, en: `${head}: not enough data for a verdict.` });
  const parts: string[] = [];
  const boundParts = (v.atBound ?? []).map((b) => tensionAtBound(lang, b));
  const items = v.top.map((t) => {
    const lag =
      t.lagging && t.gap !== null
        ? pick(lang, { zh: `；${t.lagging.zh}滞后${fix(t.gap, 3)}`, en: `; ${t.lagging.en} lags by ${fix(t.gap, 3)}` })
        : pick(lang, { zh: '；两子系统持平', en: '; neither subsystem lags' });
    return pick(lang, {
      zh: `${t.name.zh}${fix(t.tension, 3)}（${t.class.zh}${lag}）`,
      en: `${t.name.en} ${fix(t.tension, 3)} (${t.class.en}${lag})`,
    });
  });
  parts.push(
    pick(lang, {
      zh: `${head}：张力最高的是${listOf(lang, items)}`,
      en: `${head}: highest tension in ${listOf(lang, items)}`,
    }),
  );
  if (v.driver) {
    parts.push(
      pick(lang, {
        zh: `${v.driver.region.zh}${v.driver.subsystem.zh}子系统中障碍度最大的是${v.driver.indicator.zh}（占该子系统障碍度的${pct1(v.driver.degree)}）`,
        en: `in ${v.driver.region.en}, ${v.driver.subsystem.en} is held back most by ${v.driver.indicator.en} (${pct1(v.driver.degree)} of its obstacle degree)`,
      }),
    );
  }
  const c = v.lagCounts;
  if (c.regions > 0)
    parts.push(
      pick(lang, {
        zh: `${c.regions}个地区中${v.u1.zh}滞后的有${c.u1}个，${v.u2.zh}滞后的有${c.u2}个`,
        en: `${v.u1.en} lags in ${c.u1} of ${c.regions} regions, ${v.u2.en} in ${c.u2}`,
      }),
    );
  if (v.mean && v.mean.fromYear !== v.mean.toYear) parts.push(meanChangeText(lang, v.mean));
  if (v.notRobust !== null) {
    parts.push(
      v.notRobust.length === 0
        ? pick(lang, {
            zh: '各地区的协调等级对权重与α/β均稳健（5%–95%区间未跨越等级界限）',
            en: "every region's class is robust to the weights and α/β (5–95% interval inside the class)",
          })
        : pick(lang, {
            zh: `以下地区的协调等级对权重与α/β不稳健（5%–95%区间跨越等级界限）：${listOf(
              lang,
              v.notRobust.map((r) => r.zh),
            )}`,
            en: `class not robust to the weights and α/β (5–95% interval crosses a class boundary): ${listOf(
              lang,
              v.notRobust.map((r) => r.en),
            )}`,
          }),
    );
  }
  if (v.theil) {
    const ratio =
      v.theil.ratio === null
        ? ''
        : pick(lang, {
            zh: `，核心区人均为边缘区的${fix(v.theil.ratio, 2)}倍`,
            en: `; the core has ${fix(v.theil.ratio, 2)}× the periphery's per resident`,
          });
    parts.push(
      pick(lang, {
        zh: `${v.theil.resource.zh}（人均）：核心—边缘组间差异占泰尔T指数的${pct1(v.theil.betweenShare)}${ratio}`,
        en: `${v.theil.resource.en} per resident: the core–periphery gap makes up ${pct1(v.theil.betweenShare)} of its Theil T${ratio}`,
      }),
    );
  }
  parts.push(...boundParts);
  return pick(lang, { zh: `${parts.join('；')}。`, en: `${parts.join('; ')}.` });
};

/** How the mean tension across regions moved between two years. */
function meanChangeText(lang: Lang, mean: NonNullable<TensionVerdictNumbers['mean']>): string {
  const d = mean.to - mean.from;
  const dir = Math.abs(d) < 0.0005 ? 'flat' : d > 0 ? 'up' : 'down';
  return dir === 'flat'
    ? pick(lang, {
        zh: `各地区平均张力在${mean.fromYear}—${mean.toYear}年间保持在${fix(mean.to, 3)}`,
        en: `mean tension across regions stayed at ${fix(mean.to, 3)} from ${mean.fromYear} to ${mean.toYear}`,
      })
    : pick(lang, {
        zh: `各地区平均张力由${mean.fromYear}年的${fix(mean.from, 3)}${dir === 'up' ? '升至' : '降至'}${mean.toYear}年的${fix(mean.to, 3)}`,
        en: `mean tension across regions ${dir === 'up' ? 'rose' : 'fell'} from ${fix(mean.from, 3)} (${mean.fromYear}) to ${fix(mean.to, 3)} (${mean.toYear})`,
      });
}
