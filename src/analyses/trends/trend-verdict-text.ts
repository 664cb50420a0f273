import { pick, type Lang } from '../../core/lang.js';
import { fix, pText, pct1, signed } from '../../core/messages/format.js';
import { orgTypeLabel } from '../../core/messages/spatial.js';

/**
 * The verdict text of the type-mix trends: built from their numbers, in either language.
 */

/** Numbers for {@link trendVerdict}. */
export interface TrendVerdictNumbers {
  type: string;
  /** Share at the first and last year with data. */
  share: { fromYear: number; from: number; toYear: number; to: number } | null;
  shareTest: { z: number; p: number; slope: number } | null;
  countTest: { z: number; p: number } | null;
  cagr: number | null;
  cv: number | null;
  mostVolatile: boolean;
  alpha: number;
}

const direction = (lang: Lang, z: number): string =>
  z > 0
    ? pick(lang, { zh: '上升', en: 'rising' })
    : z < 0
      ? pick(lang, { zh: '下降', en: 'falling' })
      : pick(lang, { zh: '持平', en: 'flat' });

const significance = (lang: Lang, p: number, alpha: number): string =>
  p < alpha
    ? pick(lang, { zh: `在${fix(100 * alpha, 0)}%水平上显著`, en: `significant at ${fix(100 * alpha, 0)}%` })
    : pick(lang, { zh: `在${fix(100 * alpha, 0)}%水平上不显著`, en: `not significant at ${fix(100 * alpha, 0)}%` });

/** Plain-language verdict on one type's trend ("share falling, significant at 5%"). */
export const trendVerdict = (lang: Lang, v: TrendVerdictNumbers): string => {
  const name = orgTypeLabel(lang, v.type);
  const parts: string[] = [];
  if (v.shareTest) {
    const range = v.share
      ? pick(lang, {
          zh: `；${v.share.fromYear}年${pct1(v.share.from)}→${v.share.toYear}年${pct1(v.share.to)}`,
          en: `; ${pct1(v.share.from)} in ${v.share.fromYear} → ${pct1(v.share.to)} in ${v.share.toYear}`,
        })
      : '';
    parts.push(
      pick(lang, {
        zh: `占比${direction(lang, v.shareTest.z)}，${significance(lang, v.shareTest.p, v.alpha)}（Mann–Kendall检验${pText(v.shareTest.p)}；Sen斜率每年${signed(100 * v.shareTest.slope, 2)}个百分点${range}）`,
        en: `share ${direction(lang, v.shareTest.z)}, ${significance(lang, v.shareTest.p, v.alpha)} (Mann–Kendall ${pText(v.shareTest.p)}; Sen's slope ${signed(100 * v.shareTest.slope, 2)} percentage points a year${range})`,
      }),
    );
  }
  if (v.countTest) {
    const g =
      v.cagr !== null
        ? pick(lang, {
            zh: `；年均复合增长率${signed(100 * v.cagr, 1)}%`,
            en: `; CAGR ${signed(100 * v.cagr, 1)}% a year`,
          })
        : '';
    parts.push(
      pick(lang, {
        zh: `数量${direction(lang, v.countTest.z)}，${significance(lang, v.countTest.p, v.alpha)}（Mann–Kendall检验${pText(v.countTest.p)}${g}）`,
        en: `count ${direction(lang, v.countTest.z)}, ${significance(lang, v.countTest.p, v.alpha)} (Mann–Kendall ${pText(v.countTest.p)}${g})`,
      }),
    );
  }
  if (v.cv !== null) {
    parts.push(
      pick(lang, {
        zh: `增长波动（同比增长率变异系数）${fix(v.cv, 2)}${v.mostVolatile ? '，为各类型中波动最大' : ''}`,
        en: `growth volatility (CV of year-on-year growth) ${fix(v.cv, 2)}${v.mostVolatile ? ', the most volatile of all types' : ''}`,
      }),
    );
  }
  if (parts.length === 0)
    return pick(lang, { zh: `${name}：年份不足，无法给出结论。`, en: `${name}: not enough years for a verdict.` });
  return pick(lang, { zh: `${name}：${parts.join('；')}。`, en: `${name}: ${parts.join('; ')}.` });
};
