/**
 * Map titles that say what is drawn and what it shows, from the numbers, in both languages.
 */
import { numberFormats } from '../../format-number.js';
import type { Lang } from '../labels.js';
import { pick } from '../../../core/lang.js';

/** Densities with two decimals, three below 0.1 (so a small density is not shown as 0.00). */
const densityFormat = (lang: Lang) => {
  const f = numberFormats(lang);
  return { ...f, dec: (x: number) => f.dec(x, x > 0 && x < 0.1 ? 3 : 2) };
};

/** A region and its value. */
export interface Named {
  name: string;
  value: number;
}

/**
 * Title of the density choropleth: the densest and the sparsest region.
 *
 * @example
 * densityMapTitle('zh', { year: 2024, top: { name: '包头市', value: 9.1 }, bottom: { name: '赤峰市', value: 5.2 } });
 * // => '2024年各地区每万人社会组织数：包头市最高（9.10家），赤峰市最低（5.20家）'
 */
export function densityMapTitle(lang: Lang, v: { year: number; top: Named; bottom: Named }): string {
  const f = densityFormat(lang);
  return pick(lang, {
    zh: `${v.year}年各地区每万人社会组织数：${v.top.name}最高（${f.dec(v.top.value)}家），${v.bottom.name}最低（${f.dec(v.bottom.value)}家）`,
    en: `Organizations per 10,000 residents by region, ${v.year}: highest in ${v.top.name} (${f.dec(v.top.value)}), lowest in ${v.bottom.name} (${f.dec(v.bottom.value)})`,
  });
}

/**
 * Title of the density small multiples: the region whose density changed most, with its
 * two drawn values (no pooled figure: every number in the title is a value of a map cell).
 *
 * @example
 * densityChangeTitle('en', { from: 2008, to: 2024, most: { name: 'Baotou', from: 2.4, to: 9.1 } });
 * // => 'Organizations per 10,000 residents, 2008 and 2024: largest rise in Baotou (2.40 → 9.10)'
 */
export function densityChangeTitle(
  lang: Lang,
  v: { from: number; to: number; most: { name: string; from: number; to: number } },
): string {
  const f = densityFormat(lang);
  const rose = v.most.to >= v.most.from;
  return pick(lang, {
    zh: `每万人社会组织数${v.from}年与${v.to}年对比：${v.most.name}${rose ? '增加' : '减少'}最多（${f.dec(v.most.from)}→${f.dec(v.most.to)}家）`,
    en: `Organizations per 10,000 residents, ${v.from} and ${v.to}: largest ${rose ? 'rise' : 'fall'} in ${v.most.name} (${f.dec(v.most.from)} → ${f.dec(v.most.to)})`,
  });
}

/**
 * Title of the location-quotient maps: the highest and lowest quotient of all
 * organizations, and per field panel the region where the field is most over-represented.
 *
 * @example
 * lqMapTitle('zh', { year: 2024, top: { name: '呼和浩特市', value: 1.33 }, bottom: { name: '阿拉善盟', value: 0.71 }, fields: [{ field: '生态环境', name: '阿拉善盟', value: 2.1 }] });
 * // => '2024年社会组织区位商：呼和浩特市最高（1.33），阿拉善盟最低（0.71）；生态环境领域最高为阿拉善盟（2.10）'
 */
export function lqMapTitle(
  lang: Lang,
  v: { year: number; top: Named; bottom: Named; fields: { field: string; name: string; value: number }[] },
): string {
  const f = numberFormats(lang);
  const fields = v.fields.map((x) =>
    pick(lang, {
      zh: `${x.field}领域最高为${x.name}（${f.dec(x.value)}）`,
      en: `${x.field}: highest in ${x.name} (${f.dec(x.value)})`,
    }),
  );
  return pick(lang, {
    zh: `${v.year}年社会组织区位商：${v.top.name}最高（${f.dec(v.top.value)}），${v.bottom.name}最低（${f.dec(v.bottom.value)}）${fields.map((s) => `；${s}`).join('')}`,
    en: `Location quotients of organizations, ${v.year}: highest in ${v.top.name} (${f.dec(v.top.value)}), lowest in ${v.bottom.name} (${f.dec(v.bottom.value)})${fields.map((s) => `; ${s}`).join('')}`,
  });
}

/** Regions a title names before it says "and others". */
const NAMED_AT_MOST = 3;

/** Region names as a list: up to three, then "and others". */
function nameList(lang: Lang, names: readonly string[]): string {
  const shown = names.slice(0, NAMED_AT_MOST);
  const more = names.length > shown.length;
  if (lang === 'zh') return shown.join('、') + (more ? '等地区' : '');
  if (more) return `${shown.join(', ')} and others`;
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Title of the tension-class maps: the lowest class drawn, with every tension and region in
 * it (a tie is said as a tie). The map colours classes, not D, so the title quotes no D.
 *
 * @param v `groups`: per tension with a region in the lowest class, those regions (at least one
 *   group); `all` (default false): every region of the one tension drawn is in that class, said so
 * @example
 * tensionMapTitle('zh', { year: 2024, groups: [{ tension: '资源张力', regions: ['阿拉善盟'] }], className: '勉强协调' });
 * // => '2024年各地区耦合协调等级：最低为勉强协调（资源张力：阿拉善盟）'
 * tensionMapTitle('en', { year: 2024, groups: [{ tension: 'resource tension', regions: ['Alxa', 'Wuhai'] }], className: 'barely coordinated' });
 * // => 'Coordination class by region, 2024: lowest is barely coordinated (resource tension: Alxa and Wuhai)'
 */
export function tensionMapTitle(
  lang: Lang,
  v: {
    year: number;
    groups: readonly { tension: string; regions: readonly string[] }[];
    className: string;
    /** every region of the one tension drawn is in the class */
    all?: boolean;
  },
): string {
  if (v.all && v.groups.length === 1)
    return pick(lang, {
      zh: `${v.year}年各地区耦合协调等级（${v.groups[0].tension}）：均为${v.className}`,
      en: `Coordination class by region, ${v.year} (${v.groups[0].tension}): every region is ${v.className}`,
    });
  const where = v.groups.map((g) => `${g.tension}${pick(lang, { zh: '：', en: ': ' })}${nameList(lang, g.regions)}`);
  return pick(lang, {
    zh: `${v.year}年各地区耦合协调等级：最低为${v.className}（${where.join('；')}）`,
    en: `Coordination class by region, ${v.year}: lowest is ${v.className} (${where.join('; ')})`,
  });
}

/**
 * Title of the LISA map: how many regions sit in each kind of cluster (counts of drawn
 * cells; the permutations go in {@link lisaMethodNote}, a subtitle line).
 *
 * @example
 * lisaMapTitle('zh', { year: 2024, variable: '每万人社会组织数', HH: 2, LL: 3, outliers: 1 });
 * // => '2024年每万人社会组织数的局部空间自相关（LISA）：高-高聚类2个、低-低聚类3个、空间异常值1个'
 */
export function lisaMapTitle(
  lang: Lang,
  v: { year: number; variable: string; HH: number; LL: number; outliers: number },
): string {
  return pick(lang, {
    zh: `${v.year}年${v.variable}的局部空间自相关（LISA）：高-高聚类${v.HH}个、低-低聚类${v.LL}个、空间异常值${v.outliers}个`,
    en: `Local spatial autocorrelation (LISA) of ${v.variable}, ${v.year}: ${v.HH} high-high and ${v.LL} low-low regions, ${v.outliers} spatial ${v.outliers === 1 ? 'outlier' : 'outliers'}`,
  });
}

/**
 * Subtitle line of the LISA map: the permutation test behind the clusters.
 *
 * @example
 * lisaMethodNote('en', 9999); // => 'Significance from 9,999 conditional permutations'
 */
export function lisaMethodNote(lang: Lang, permutations: number): string {
  const f = numberFormats(lang);
  return pick(lang, {
    zh: `显著性由${f.int(permutations)}次条件置换检验得出`,
    en: `Significance from ${f.int(permutations)} conditional permutations`,
  });
}
