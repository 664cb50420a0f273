import { pick, type Lang } from '../../core/lang.js';
import { fix, listOf, pText, pct1, signed } from '../../core/messages/format.js';

/**
 * The verdict text of the spatial analysis: built from its numbers, in either language.
 */

/** Numbers for {@link spatialVerdict}; null parts are left out of the sentence. */
export interface SpatialVerdictNumbers {
  year: number;
  coreNames: readonly string[];
  coreShare: number | null;
  corePopShare: number | null;
  coreLq: number | null;
  theilT: number | null;
  betweenShare: number | null;
  giniDensity: number | null;
  moranI: number | null;
  moranExpected: number | null;
  moranP: number | null;
  /** Randomisation (analytic) p, one-sided in the direction of I (null: permutation only). */
  moranPAnalytic?: number | null;
  permutations: number;
  /** Periphery location quotients of Fu (2025)'s fields (ecology, charity), when known. */
  peripheryFields: { name: string; lq: number }[] | null;
}

/** Plain-language verdict on one year's spatial concentration, built from its numbers. */
export const spatialVerdict = (lang: Lang, v: SpatialVerdictNumbers): string => {
  const parts: string[] = [];
  if (v.coreShare !== null && v.corePopShare !== null && v.coreLq !== null) {
    const agglomerates = v.coreLq > 1;
    parts.push(
      pick(lang, {
        zh: `核心区（${listOf(lang, v.coreNames)}）以${pct1(v.corePopShare)}的常住人口集中了${pct1(v.coreShare)}的社会组织（区位商${fix(v.coreLq, 2)}），${agglomerates ? '呈现“中心集聚”' : '未见向核心区集聚'}`,
        en: `the core (${listOf(lang, v.coreNames)}) holds ${pct1(v.coreShare)} of organizations with ${pct1(v.corePopShare)} of residents (LQ ${fix(v.coreLq, 2)}): ${agglomerates ? 'organizations concentrate in the core ("centre agglomerates")' : 'organizations do not concentrate in the core'}`,
      }),
    );
  }
  if (v.theilT !== null) {
    parts.push(
      v.betweenShare !== null
        ? pick(lang, {
            zh: `相对人口的泰尔T指数为${fix(v.theilT, 3)}，其中核心—边缘组间差异占${pct1(v.betweenShare)}`,
            en: `Theil T against population ${fix(v.theilT, 3)}, of which the core–periphery gap is ${pct1(v.betweenShare)}`,
          })
        : pick(lang, {
            zh: `相对人口的泰尔T指数为${fix(v.theilT, 3)}`,
            en: `Theil T against population ${fix(v.theilT, 3)}`,
          }),
    );
  }
  if (v.giniDensity !== null)
    parts.push(
      pick(lang, {
        zh: `人口加权的密度基尼系数为${fix(v.giniDensity, 3)}`,
        en: `population-weighted Gini of density ${fix(v.giniDensity, 3)}`,
      }),
    );
  if (v.moranI !== null && v.moranP !== null && v.moranExpected !== null)
    parts.push(moranPart(lang, { ...v, moranI: v.moranI, moranP: v.moranP, moranExpected: v.moranExpected }));
  if (v.peripheryFields && v.peripheryFields.length > 0) {
    const all = v.peripheryFields.every((f) => f.lq > 1);
    const items = v.peripheryFields.map((f) =>
      pick(lang, { zh: `${f.name}${fix(f.lq, 2)}`, en: `${f.name} ${fix(f.lq, 2)}` }),
    );
    parts.push(
      pick(lang, {
        zh: `边缘区的领域区位商为${listOf(lang, items)}：边缘区${all ? '专注于' : '并未专注于'}${listOf(
          lang,
          v.peripheryFields.map((f) => f.name),
        )}`,
        en: `periphery location quotient ${listOf(lang, items)}: the periphery ${all ? 'specialises' : 'does not specialise'} in ${listOf(
          lang,
          v.peripheryFields.map((f) => f.name),
        )}`,
      }),
    );
  }
  if (parts.length === 0)
    return pick(lang, { zh: `${v.year}年：数据不足，无法给出结论。`, en: `${v.year}: not enough data for a verdict.` });
  return pick(lang, { zh: `${v.year}年：${parts.join('；')}。`, en: `${v.year}: ${parts.join('; ')}.` });
};

/** Verdict on how concentration changed between the first and the last year. */
export const spatialChangeVerdict = (
  lang: Lang,
  from: { year: number; coreShare: number; theilT: number | null },
  to: { year: number; coreShare: number; theilT: number | null },
): string => {
  const d = to.coreShare - from.coreShare;
  const dir = Math.abs(d) < 0.0005 ? 'flat' : d > 0 ? 'up' : 'down';
  const en = { up: 'rose', down: 'fell', flat: 'stayed' }[dir];
  const zh = { up: '上升', down: '下降', flat: '基本不变' }[dir];
  const theil =
    from.theilT !== null && to.theilT !== null
      ? pick(lang, {
          zh: `；泰尔T指数由${fix(from.theilT, 3)}变为${fix(to.theilT, 3)}`,
          en: `; Theil T went from ${fix(from.theilT, 3)} to ${fix(to.theilT, 3)}`,
        })
      : '';
  if (dir === 'flat') {
    return pick(lang, {
      zh: `${from.year}—${to.year}年：核心区社会组织占比${zh}，为${pct1(to.coreShare)}（${signed(100 * d, 1)}个百分点）${theil}。`,
      en: `${from.year}–${to.year}: the core's share of organizations ${en} at ${pct1(to.coreShare)} (${signed(100 * d, 1)} percentage points)${theil}.`,
    });
  }
  return pick(lang, {
    zh: `${from.year}—${to.year}年：核心区社会组织占比由${pct1(from.coreShare)}${zh}至${pct1(to.coreShare)}（${signed(100 * d, 1)}个百分点）${theil}。`,
    en: `${from.year}–${to.year}: the core's share of organizations ${en} from ${pct1(from.coreShare)} to ${pct1(to.coreShare)} (${signed(100 * d, 1)} percentage points)${theil}.`,
  });
};

/** The Moran's I part of the verdict: the value, its tests and the pattern they show. */
function moranPart(
  lang: Lang,
  v: SpatialVerdictNumbers & { moranI: number; moranP: number; moranExpected: number },
): string {
  const pa = v.moranPAnalytic ?? null;
  const sig = v.moranP < 0.05 && (pa === null || pa < 0.05);
  const borderline = pa !== null && pa < 0.05 !== v.moranP < 0.05;
  const both = pa === null ? '' : pick(lang, { zh: '两种检验均', en: 'both tests' });
  const pattern = borderline
    ? pick(lang, {
        zh: `${v.moranI > v.moranExpected ? '集聚' : '分散'}的证据处于边界（两种检验的p值分处5%两侧）`,
        en: `borderline evidence of ${v.moranI > v.moranExpected ? 'clustering' : 'dispersion'} (the two tests fall on either side of 5%)`,
      })
    : !sig
      ? pick(lang, {
          zh: `在5%水平上无显著空间格局（${both || '置换检验'}p ≥ 0.05）`,
          en: `no significant spatial pattern at 5% (${both || 'permutation test'} p ≥ 0.05)`,
        })
      : v.moranI > v.moranExpected
        ? pick(lang, {
            zh: `相邻地区密度相近（5%水平上显著集聚，${both || '置换检验'}p < 0.05）`,
            en: `neighbouring regions have similar densities (significant clustering at 5%, ${both || 'permutation test'} p < 0.05)`,
          })
        : pick(lang, {
            zh: `相邻地区密度差异大于随机（5%水平上显著分散，${both || '置换检验'}p < 0.05）`,
            en: `neighbouring regions differ more than chance (significant dispersion at 5%, ${both || 'permutation test'} p < 0.05)`,
          });
  return pick(lang, {
    zh: `密度的全局莫兰指数I为${fix(v.moranI, 3)}（${pa === null ? '' : `随机化检验${pText(pa)}，`}置换检验${pText(v.moranP)}，${v.permutations.toLocaleString('en-US')}次置换；均按I的方向单侧）：${pattern}`,
    en: `Moran's I of density ${fix(v.moranI, 3)} (${pa === null ? '' : `randomisation ${pText(pa)}, `}permutation ${pText(v.moranP)} with ${v.permutations.toLocaleString('en-US')} permutations; one-sided in the direction of I): ${pattern}`,
  });
}
