/**
 * Chart titles that state the finding, built from the numbers in both languages. No title
 * is fixed text: each function gets the figures and says what they show.
 */
import { numberFormats } from '../format-number.js';
import { t, type Lang } from './labels.js';
import { pick } from '../../core/lang.js';

const typeName = (lang: Lang, type: string): string => {
  const key = `type.${type}` as const;
  return key === 'type.social_group' ||
    key === 'type.private_non_enterprise' ||
    key === 'type.foundation' ||
    key === 'type.other'
    ? t(key, lang)
    : type;
};
const lower = (lang: Lang, s: string): string => (lang === 'en' ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const span = (lang: Lang, a: number, b: number): string => pick(lang, { zh: `${a}—${b}年`, en: `${a}–${b}` });

/**
 * Title of the type-mix area chart: growth of the total and the largest type's share.
 *
 * @example
 * typeMixTitle('zh', { firstYear: 2008, first: 1190, lastYear: 2024, last: 3000, topType: 'private_non_enterprise', topShare: 0.548 });
 * // => '社会组织由2008年的1,190家增至2024年的3,000家，民办非企业单位占54.8%'
 */
export function typeMixTitle(
  lang: Lang,
  v: { firstYear: number; first: number; lastYear: number; last: number; topType: string; topShare: number },
): string {
  const f = numberFormats(lang);
  const top = typeName(lang, v.topType);
  if (v.firstYear === v.lastYear) {
    return pick(lang, {
      zh: `${v.lastYear}年共有社会组织${f.int(v.last)}家，${top}占${f.pct(v.topShare)}`,
      en: `${f.int(v.last)} organizations in ${v.lastYear}; ${lower(lang, top)} make up ${f.pct(v.topShare)}`,
    });
  }
  const up = v.last >= v.first;
  return pick(lang, {
    zh: `社会组织由${v.firstYear}年的${f.int(v.first)}家${up ? '增至' : '减至'}${v.lastYear}年的${f.int(v.last)}家，${top}占${f.pct(v.topShare)}`,
    en: `Organizations ${up ? 'grew' : 'fell'} from ${f.int(v.first)} in ${v.firstYear} to ${f.int(v.last)} in ${v.lastYear}; ${lower(lang, top)} make up ${f.pct(v.topShare)}`,
  });
}

/**
 * Title of the share-lines chart: the type whose share moved most.
 *
 * @example
 * shareChangeTitle('en', { type: 'social_group', fromYear: 2008, from: 0.62, toYear: 2024, to: 0.41 });
 * // => 'Social groups fell from 62.0% to 41.0% of all organizations (2008–2024)'
 */
export function shareChangeTitle(
  lang: Lang,
  v: { type: string; fromYear: number; from: number; toYear: number; to: number },
): string {
  const f = numberFormats(lang);
  const name = typeName(lang, v.type);
  const d = v.to - v.from;
  if (Math.abs(d) < 0.0005) {
    return pick(lang, {
      zh: `${name}占比${span(lang, v.fromYear, v.toYear)}基本稳定在${f.pct(v.to)}`,
      en: `${name} stayed at ${f.pct(v.to)} of all organizations (${span(lang, v.fromYear, v.toYear)})`,
    });
  }
  return pick(lang, {
    zh: `${name}占比由${v.fromYear}年的${f.pct(v.from)}${d > 0 ? '升至' : '降至'}${v.toYear}年的${f.pct(v.to)}`,
    en: `${name} ${d > 0 ? 'rose' : 'fell'} from ${f.pct(v.from)} to ${f.pct(v.to)} of all organizations (${span(lang, v.fromYear, v.toYear)})`,
  });
}

/**
 * Title of the core/periphery chart: the core's share of organizations against its share
 * of residents in the last year.
 *
 * @example
 * zoneShareTitle('zh', { year: 2024, orgShare: 0.462, popShare: 0.349 });
 * // => '核心区以34.9%的人口集聚了46.2%的社会组织（2024年）'
 */
export function zoneShareTitle(lang: Lang, v: { year: number; orgShare: number; popShare: number }): string {
  const f = numberFormats(lang);
  if (v.orgShare > v.popShare) {
    return pick(lang, {
      zh: `核心区以${f.pct(v.popShare)}的人口集聚了${f.pct(v.orgShare)}的社会组织（${v.year}年）`,
      en: `The core holds ${f.pct(v.orgShare)} of organizations with ${f.pct(v.popShare)} of residents (${v.year})`,
    });
  }
  return pick(lang, {
    zh: `核心区拥有${f.pct(v.popShare)}的人口，社会组织占比${f.pct(v.orgShare)}，未高于人口占比（${v.year}年）`,
    en: `The core has ${f.pct(v.popShare)} of residents but only ${f.pct(v.orgShare)} of organizations (${v.year})`,
  });
}

/**
 * Title of the density bars: the densest and the sparsest region.
 *
 * @example
 * densityTitle('zh', { year: 2024, top: '包头市', topValue: 1.72, bottom: '赤峰市', bottomValue: 0.8 });
 * // => '2024年包头市每万人拥有社会组织1.72家，为赤峰市（0.80家）的2.2倍'
 */
export function densityTitle(
  lang: Lang,
  v: { year: number; top: string; topValue: number; bottom: string; bottomValue: number },
): string {
  const f = numberFormats(lang);
  if (v.bottomValue > 0 && v.top !== v.bottom) {
    const ratio = v.topValue / v.bottomValue;
    return pick(lang, {
      zh: `${v.year}年${v.top}每万人拥有社会组织${f.dec(v.topValue)}家，为${v.bottom}（${f.dec(v.bottomValue)}家）的${f.dec(ratio, 1)}倍`,
      en: `${v.top} has ${f.dec(v.topValue)} organizations per 10,000 residents in ${v.year}, ${f.dec(ratio, 1)} times ${v.bottom} (${f.dec(v.bottomValue)})`,
    });
  }
  return pick(lang, {
    zh: `${v.year}年${v.top}每万人拥有社会组织最多（${f.dec(v.topValue)}家）`,
    en: `${v.top} has the most organizations per 10,000 residents in ${v.year} (${f.dec(v.topValue)})`,
  });
}

/**
 * A plain-language grade of a Gini coefficient, by the bands customary in Chinese studies
 * (< 0.2, 0.2–0.3, 0.3–0.4, 0.4–0.5, ≥ 0.5).
 *
 * @example
 * giniGrade('zh', 0.134); // => '分布很均衡'
 */
export function giniGrade(lang: Lang, gini: number): string {
  if (gini < 0.2) return pick(lang, { zh: '分布很均衡', en: 'a very even spread' });
  if (gini < 0.3) return pick(lang, { zh: '分布较均衡', en: 'a fairly even spread' });
  if (gini < 0.4) return pick(lang, { zh: '差距适中', en: 'a moderately uneven spread' });
  if (gini < 0.5) return pick(lang, { zh: '差距较大', en: 'an uneven spread' });
  return pick(lang, { zh: '差距悬殊', en: 'a highly uneven spread' });
}

/**
 * Title of the Lorenz curve: the Gini and its grade.
 *
 * @example
 * lorenzTitle('en', { year: 2024, gini: 0.134 });
 * // => 'Population-weighted Gini of organization density 0.134 in 2024: a very even spread'
 */
export function lorenzTitle(lang: Lang, v: { year: number; gini: number }): string {
  const f = numberFormats(lang);
  return pick(lang, {
    zh: `${v.year}年社会组织密度的人口加权基尼系数为${f.dec(v.gini, 3)}，${giniGrade(lang, v.gini)}`,
    en: `Population-weighted Gini of organization density ${f.dec(v.gini, 3)} in ${v.year}: ${giniGrade(lang, v.gini)}`,
  });
}

/**
 * Title of the location-quotient heatmap: in how many periphery regions (cells drawn) the
 * location quotient of each field the literature names (or of the periphery's top fields)
 * is above 1.
 *
 * @example
 * lqTitle('zh', { year: 2024, claimed: true, fields: [{ name: '生态环境', above: 8, of: 9 }, { name: '公益慈善', above: 7, of: 9 }] });
 * // => '2024年边缘区9个地区中生态环境领域区位商大于1的有8个，公益慈善有7个'
 */
export function lqTitle(
  lang: Lang,
  v: { year: number; claimed: boolean; fields: { name: string; above: number; of: number }[] },
): string {
  if (v.fields.length === 0)
    return pick(lang, {
      zh: `${v.year}年各地区业务领域的区位商`,
      en: `Location quotients of fields by region, ${v.year}`,
    });
  const of = v.fields[0].of;
  const same = v.fields.every((x) => x.of === of);
  const zh = v.fields
    .map((x, i) => `${x.name}${i === 0 ? '领域区位商大于1的' : ''}有${x.above}个${same ? '' : `（共${x.of}个）`}`)
    .join('，');
  const en = v.fields.map((x) => `${x.name} in ${x.above}${same ? '' : ` of ${x.of}`}`).join(', ');
  return pick(lang, {
    zh: `${v.year}年边缘区${same ? `${of}个地区中` : ''}${zh}`,
    en: `In ${v.year}, location quotient above 1 in ${same ? `the ${of} periphery regions` : 'periphery regions'}: ${en}`,
  });
}

/**
 * Title of the composite ranking: who ranks first and how stable that is.
 *
 * @example
 * rankTitle('zh', { year: 2024, first: '包头市', p05: 1, p95: 2, regions: 12 });
 * // => '2024年包头市综合得分排名第一，模拟排名区间为第1—2位'
 */
export function rankTitle(
  lang: Lang,
  v: { year: number; first: string; p05: number | null; p95: number | null; regions: number },
): string {
  const f = numberFormats(lang);
  const interval = v.p05 !== null && v.p95 !== null;
  if (interval && v.p05 === 1 && v.p95 === 1) {
    return pick(lang, {
      zh: `${v.year}年${v.first}综合得分排名第一，在所有模拟中均居首位`,
      en: `${v.first} ranks first on the composite score in ${v.year}, in every simulation`,
    });
  }
  return interval
    ? pick(lang, {
        zh: `${v.year}年${v.first}综合得分排名第一，模拟排名区间为第${f.int(v.p05)}—${f.int(v.p95)}位`,
        en: `${v.first} ranks first on the composite score in ${v.year} (simulated rank ${f.int(v.p05)}–${f.int(v.p95)})`,
      })
    : pick(lang, {
        zh: `${v.year}年${v.first}在${v.regions}个地区中综合得分排名第一`,
        en: `${v.first} ranks first of ${v.regions} regions on the composite score in ${v.year}`,
      });
}

/**
 * Title of the layer-score heatmaps: the best region of each layer in the last year.
 *
 * @example
 * layerScoresTitle('zh', { year: 2024, best: [{ layer: '构成要素', region: '包头市' }] });
 * // => '2024年各层面得分最高的地区：构成要素—包头市'
 */
export function layerScoresTitle(lang: Lang, v: { year: number; best: { layer: string; region: string }[] }): string {
  const regions = [...new Set(v.best.map((b) => b.region))];
  if (regions.length === 1 && v.best.length > 1) {
    return pick(lang, {
      zh: `${v.year}年${regions[0]}在${v.best.length}个层面的得分均为最高`,
      en: `${regions[0]} scores highest on all ${v.best.length} layers in ${v.year}`,
    });
  }
  return pick(lang, {
    zh: `${v.year}年各层面得分最高的地区：${v.best.map((b) => `${b.layer}—${b.region}`).join('，')}`,
    en: `Highest-scoring region per layer in ${v.year}: ${v.best.map((b) => `${b.layer}: ${b.region}`).join('; ')}`,
  });
}

/**
 * Title of the obstacle chart: the layer that holds most regions back.
 *
 * @example
 * obstacleTitle('zh', { year: 2024, layer: '功能创新与发挥', regions: 9, of: 12 });
 * // => '2024年12个地区中有9个的最大障碍来自功能创新与发挥层面'
 */
export function obstacleTitle(lang: Lang, v: { year: number; layer: string; regions: number; of: number }): string {
  return v.regions === v.of
    ? pick(lang, {
        zh: `${v.year}年所有${v.of}个地区的最大障碍都来自${v.layer}层面`,
        en: `In ${v.year} the ${v.layer} layer is the largest obstacle in all ${v.of} regions`,
      })
    : pick(lang, {
        zh: `${v.year}年${v.of}个地区中有${v.regions}个的最大障碍来自${v.layer}层面`,
        en: `In ${v.year} the ${v.layer} layer is the largest obstacle in ${v.regions} of ${v.of} regions`,
      });
}

/**
 * Title of the certificate-level chart: junior and senior shares for all regions.
 *
 * @example
 * staffLevelsTitle('zh', { year: 2024, junior: 0.577, senior: 0.019 });
 * // => '2024年持证社会工作者中助理社会工作师占57.7%，高级社会工作师仅占1.9%'
 */
export function staffLevelsTitle(lang: Lang, v: { year: number; junior: number; senior: number }): string {
  const f = numberFormats(lang);
  return pick(lang, {
    zh: `${v.year}年持证社会工作者中助理社会工作师占${f.pct(v.junior)}，高级社会工作师${v.senior < 0.05 ? '仅' : ''}占${f.pct(v.senior)}`,
    en: `In ${v.year}, ${f.pct(v.junior)} of certified social workers are junior and ${v.senior < 0.05 ? 'only ' : ''}${f.pct(v.senior)} senior`,
  });
}

/**
 * Title of the tension chart: how the pooled province line (all regions together, the thick
 * line the chart draws) moved, for every informative tension.
 *
 * @example
 * tensionTitle('zh', [{ name: '结构性张力', fromYear: 2008, from: 0.65, toYear: 2024, to: 0.273 }]);
 * // => '2008—2024年全区张力下降：结构性张力由0.650降至0.273'
 */
export function tensionTitle(
  lang: Lang,
  means: readonly { name: string; fromYear: number; from: number; toYear: number; to: number }[],
): string {
  const f = numberFormats(lang);
  if (means.length === 0) return pick(lang, { zh: '各地区的张力', en: 'Tension by region' });
  const a = means[0].fromYear;
  const b = means[0].toYear;
  const parts = means.map((m) =>
    pick(lang, {
      zh: `${m.name}由${f.dec(m.from, 3)}${m.to < m.from ? '降至' : m.to > m.from ? '升至' : '保持'}${f.dec(m.to, 3)}`,
      en: `${m.name} ${m.to < m.from ? 'fell' : m.to > m.from ? 'rose' : 'stayed'} from ${f.dec(m.from, 3)} to ${f.dec(m.to, 3)}`,
    }),
  );
  const allDown = means.every((m) => m.to < m.from);
  const allUp = means.every((m) => m.to > m.from);
  const head = allDown
    ? pick(lang, {
        zh: `${a}—${b}年全区${means.length > 1 ? '各种' : ''}张力${means.length > 1 ? '均' : ''}下降`,
        en: `${a}–${b}: the tension of all regions together fell${means.length > 1 ? ' for every tension' : ''}`,
      })
    : allUp
      ? pick(lang, {
          zh: `${a}—${b}年全区${means.length > 1 ? '各种' : ''}张力${means.length > 1 ? '均' : ''}上升`,
          en: `${a}–${b}: the tension of all regions together rose${means.length > 1 ? ' for every tension' : ''}`,
        })
      : pick(lang, { zh: `${a}—${b}年全区张力`, en: `${a}–${b}, tension of all regions together` });
  return pick(lang, { zh: `${head}：${parts.join('，')}`, en: `${head}: ${parts.join('; ')}` });
}

/**
 * Title of one tension's U1–U2 scatter: the range of the regions' coordination classes on
 * that tension and the lowest region with its D (both drawn: D follows from the drawn U1 and
 * U2); without an informative region, just what is drawn.
 *
 * @param lang language
 * @param v year, tension name, lowest and highest class, the lowest region (null: none informative)
 * @returns the title
 * @example
 * scatterTitle('zh', { year: 2024, tension: '资源张力', lo: '初级协调', hi: '良好协调', lowest: { region: '乌海市', className: '初级协调', D: 0.612 } });
 * // => '2024年资源张力：各地区的耦合协调等级介于初级协调与良好协调之间，最低为乌海市（初级协调，D=0.612）'
 */
export function scatterTitle(
  lang: Lang,
  v: {
    year: number;
    tension: string;
    lo: string;
    hi: string;
    lowest: { region: string; className: string; D: number } | null;
  },
): string {
  const f = numberFormats(lang);
  const w = v.lowest;
  if (!w)
    return pick(lang, {
      zh: `${v.year}年${v.tension}：各地区的两个子系统得分（该张力不具信息量，见正文说明）`,
      en: `${v.tension}, ${v.year}: the regions' subsystem scores (the tension is not informative, see the notes)`,
    });
  if (v.lo === v.hi)
    return pick(lang, {
      zh: `${v.year}年${v.tension}：各地区的耦合协调等级均为${v.lo}，最低为${w.region}（D=${f.dec(w.D, 3)}）`,
      en: `${v.tension}, ${v.year}: every region is in the class ${lower(lang, v.lo)}; lowest: ${w.region} (D = ${f.dec(w.D, 3)})`,
    });
  return pick(lang, {
    zh: `${v.year}年${v.tension}：各地区的耦合协调等级介于${v.lo}与${v.hi}之间，最低为${w.region}（${w.className}，D=${f.dec(w.D, 3)}）`,
    en: `${v.tension}, ${v.year}: the regions range from ${lower(lang, v.lo)} to ${lower(lang, v.hi)}; lowest: ${w.region} (${lower(lang, w.className)}, D = ${f.dec(w.D, 3)})`,
  });
}

/**
 * Title of the indicator-obstacle chart: the indicator that is the largest obstacle in
 * most regions.
 *
 * @example
 * indicatorObstacleTitle('zh', { year: 2024, indicator: '入驻孵化基地的组织占比', regions: 9, of: 12 });
 * // => '2024年12个地区中有9个的首要障碍指标是入驻孵化基地的组织占比'
 */
export function indicatorObstacleTitle(
  lang: Lang,
  v: { year: number; indicator: string; regions: number; of: number },
): string {
  if (v.regions === v.of) {
    return pick(lang, {
      zh: `${v.year}年所有${v.of}个地区的首要障碍指标都是${v.indicator}`,
      en: `In ${v.year} the largest obstacle in all ${v.of} regions is "${lower(lang, v.indicator)}"`,
    });
  }
  return pick(lang, {
    zh: `${v.year}年${v.of}个地区中有${v.regions}个的首要障碍指标是${v.indicator}`,
    en: `In ${v.year} the largest obstacle in ${v.regions} of ${v.of} regions is "${lower(lang, v.indicator)}"`,
  });
}
