/**
 * Bilingual chart vocabulary. Every chart builder takes its axis, legend and category
 * words from {@link LABELS} through {@link t}, so the same thing is called the same way
 * in every chart and both languages stay complete.
 */

/** Chart language: Simplified Chinese (`zh`) or English (`en`). */
export type { Lang } from '../../core/lang.js';
import type { Lang } from '../../core/lang.js';

/**
 * Every chart language, in the order reports list them.
 *
 * @example
 * for (const lang of LANGS) render(spec(rows, { lang, title: titles[lang] }));
 */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * The dictionary: key → { zh, en }. Units sit in the axis titles (Chinese style
 * full-width parentheses in zh). Add new chart words here, never inline in a builder.
 *
 * @example
 * LABELS['axis.organizations_10k'].zh; // => '组织数（万家）'
 */
export const LABELS = {
  // organization types (codes from src/dataset/fields.ts ORG_TYPES)
  'type.social_group': { zh: '社会团体', en: 'Social groups' },
  'type.private_non_enterprise': { zh: '民办非企业单位', en: 'Private non-enterprise units' },
  'type.foundation': { zh: '基金会', en: 'Foundations' },
  'type.other': { zh: '其他', en: 'Other' },
  // zones
  'zone.core': { zh: '核心区', en: 'Core' },
  'zone.periphery': { zh: '边缘区', en: 'Periphery' },
  // axis and legend titles
  'axis.year': { zh: '年份', en: 'Year' },
  'axis.share': { zh: '占比', en: 'Share' },
  'axis.count': { zh: '数量', en: 'Count' },
  'axis.region': { zh: '地区', en: 'Region' },
  'axis.organizations': { zh: '组织数（家）', en: 'Organizations' },
  'axis.organizations_10k': { zh: '组织数（万家）', en: 'Organizations (10,000)' },
  'axis.organizations_thousands': { zh: '组织数（千家）', en: 'Organizations (thousands)' },
  'axis.share_of_organizations': { zh: '占全部社会组织比重', en: 'Share of all organizations' },
  'axis.staff': { zh: '从业人员（人）', en: 'Staff (persons)' },
  'legend.type': { zh: '组织类型', en: 'Organization type' },
  'legend.zone': { zh: '区域', en: 'Zone' },
  // units and notes
  'unit.organizations': { zh: '家', en: 'organizations' },
  'unit.persons': { zh: '人', en: 'persons' },
  'note.source': { zh: '资料来源', en: 'Source' },
  'note.points_observed': {
    zh: '圆点为有数据的年份，其间为直线连接',
    en: 'Dots mark years with data; straight lines in between',
  },
  'note.dashed_gap': {
    zh: '虚线连接相隔多年的观测值，中间年份无数据',
    en: 'Dashed lines join observations years apart; no data in between',
  },
  // spatial, indicator and staff charts
  'axis.per10k': { zh: '每万人社会组织数（家）', en: 'Organizations per 10,000 residents' },
  'axis.cum_residents': { zh: '累计常住人口占比', en: 'Cumulative share of residents' },
  'axis.cum_organizations': { zh: '累计社会组织占比', en: 'Cumulative share of organizations' },
  'axis.rank': { zh: '综合得分排名（1 = 最高）', en: 'Composite rank (1 = highest)' },
  'axis.tension': { zh: '张力（1 − 耦合协调度）', en: 'Tension (1 − coordination)' },
  'series.org_share': { zh: '社会组织占比', en: 'Share of organizations' },
  'series.pop_share': { zh: '常住人口占比', en: 'Share of residents' },
  'legend.lq': { zh: '区位商', en: 'Location quotient' },
  'legend.score': { zh: '得分', en: 'Score' },
  'legend.level': { zh: '持证等级', en: 'Certificate level' },
  'legend.layer': { zh: '指标层面', en: 'Layer' },
  'cert.junior': { zh: '助理社会工作师', en: 'Junior' },
  'cert.mid': { zh: '社会工作师', en: 'Intermediate' },
  'cert.senior': { zh: '高级社会工作师', en: 'Senior' },
  'label.all_regions': { zh: '全区', en: 'All regions' },
  'note.average': { zh: '全区平均', en: 'All regions' },
  'note.equality': { zh: '绝对均等线', en: 'Line of equality' },
  'note.rank_interval': {
    zh: '点为综合得分排名，灰条为蒙特卡洛模拟排名的5%—95%分位区间',
    en: 'Dots: composite rank; grey bars: 5th–95th percentile of the Monte Carlo ranks',
  },
  'note.lq_reading': {
    zh: '区位商>1（橙色）表示该领域在该地区的比重高于全区，<1（蓝色）表示低于全区',
    en: 'LQ > 1 (orange): the field is over-represented in the region; < 1 (blue): under-represented',
  },
  'note.tension_reading': {
    zh: '细线为各地区（橙红：核心区，天蓝：边缘区），粗黑线为全区；0表示完全协调',
    en: 'Thin lines: regions (vermillion core, sky blue periphery); thick black line: all regions; 0 = fully coordinated',
  },
  'note.core_labels': { zh: '核心区地区名以橙红色标出', en: 'Core regions are labelled in vermillion' },
  'note.obstacle_share': {
    zh: '各层面占该地区障碍度之和的比重',
    en: "Each layer's part of the region's total obstacle degree",
  },
  'legend.coordination': { zh: '协调等级（耦合协调度D）', en: 'Coordination class (D)' },
  'note.scatter_reading': {
    zh: '点在虚线对角线上方表示U1滞后、下方表示U2滞后；灰色色带为耦合协调度D的十个等级，越深越协调，上缘数字为等级界限的D值',
    en: 'Above the dashed diagonal U1 lags, below it U2 lags; grey bands: the ten classes of the coupling coordination degree D, darker = better coordinated; numbers on the top edge: D at the class boundaries',
  },
  'note.indicator_obstacle': {
    zh: '每个地区障碍度最大的三个指标；数字为该指标占该地区全部障碍度的比重，颜色为指标所属层面',
    en: "Each region's three largest obstacles; the number is the indicator's part of the region's total obstacle degree, the colour its layer",
  },
  'note.lorenz_reading': {
    zh: '地区按每万人社会组织数由低到高排列；曲线越贴近均等线，分布越均衡',
    en: 'Regions ordered from the lowest to the highest density; the closer the curve to the line of equality, the more even the spread',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A key of {@link LABELS}. */
export type LabelKey = keyof typeof LABELS;

/**
 * Look up a chart word in the given language.
 *
 * @param key dictionary key, e.g. `'type.foundation'` or `'axis.year'`
 * @param lang `'zh'` or `'en'`
 * @returns the label text
 * @example
 * t('type.social_group', 'zh'); // => '社会团体'
 * t('zone.periphery', 'en'); // => 'Periphery'
 */
export function t(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}
