import { pick, type Lang } from '../../core/lang.js';
import { fix, pct1 } from '../../core/messages/format.js';
import { pyramidLabel } from '../../core/messages/spatial.js';

/**
 * The verdict text of the staff structure: built from its numbers, in either language.
 */

/** Numbers for {@link staffVerdict}. */
export interface StaffVerdictNumbers {
  year: number;
  scope: string;
  total: number;
  shares: { junior: number; mid: number; senior: number };
  seniorPer100Junior: number | null;
  dominant: string;
  seniorScarce: boolean;
  claimHolds: boolean;
  threshold: number;
  /** Regions whose own classification contradicts the claim. */
  exceptions: { name: string; dominant: string; seniorScarce: boolean }[];
}

/** Plain-language verdict on the qualification pyramid and Fu (2025)'s claim. */
export const staffVerdict = (lang: Lang, v: StaffVerdictNumbers): string => {
  const per =
    v.seniorPer100Junior !== null
      ? pick(lang, {
          zh: `；每百名助理社会工作师对应高级${fix(v.seniorPer100Junior, 1)}名`,
          en: `; ${fix(v.seniorPer100Junior, 1)} senior per 100 junior`,
        })
      : '';
  const cls = `${pyramidLabel(lang, v.dominant)}${v.seniorScarce ? pick(lang, { zh: '、高级稀缺', en: ', senior-scarce' }) : pick(lang, { zh: '、高级不稀缺', en: ', not senior-scarce' })}`;
  const juniorDominant = v.dominant === 'junior-dominant';
  const why = v.claimHolds
    ? pick(lang, { zh: '成立', en: 'holds' })
    : pick(lang, {
        zh: `不成立（${[!juniorDominant ? `${pyramidLabel(lang, v.dominant)}而非助理级为主` : '', !v.seniorScarce ? `高级占比${pct1(v.shares.senior)}≥${fix(100 * v.threshold, 0)}%` : ''].filter(Boolean).join('；')}）`,
        en: `does not hold (${[!juniorDominant ? `${pyramidLabel(lang, v.dominant)}, not junior-dominant` : '', !v.seniorScarce ? `senior share ${pct1(v.shares.senior)} ≥ ${fix(100 * v.threshold, 0)}%` : ''].filter(Boolean).join('; ')})`,
      });
  const exc =
    v.exceptions.length > 0
      ? pick(lang, {
          zh: `分类不同的地区：${v.exceptions.map((e) => `${e.name}（${pyramidLabel(lang, e.dominant)}、${e.seniorScarce ? '高级稀缺' : '高级不稀缺'}）`).join('、')}。`,
          en: ` Regions classified differently: ${v.exceptions.map((e) => `${e.name} (${pyramidLabel(lang, e.dominant)}, ${e.seniorScarce ? 'senior-scarce' : 'not senior-scarce'})`).join(', ')}.`,
        })
      : '';
  return pick(lang, {
    zh: `${v.year}年${v.scope}：持证社会工作者${v.total.toLocaleString('en-US')}人，助理社会工作师占${pct1(v.shares.junior)}、社会工作师占${pct1(v.shares.mid)}、高级社会工作师占${pct1(v.shares.senior)}${per}，属${cls}；伏昕（2025）关于“初级为主、高级稀缺”的判断${why}。${exc}`,
    en: `${v.year}, ${v.scope}: ${v.total.toLocaleString('en-US')} certified social workers, ${pct1(v.shares.junior)} junior, ${pct1(v.shares.mid)} intermediate, ${pct1(v.shares.senior)} senior${per}: ${cls}. Fu (2025)'s "junior-dominant, senior-scarce" claim ${why}.${exc}`,
  });
};
