/**
 * Bilingual chart vocabulary. Every chart builder takes its axis, legend and category
 * words from {@link LABELS} through {@link t}, so the same thing is called the same way
 * in every chart and both languages stay complete.
 */

/** Chart language: Simplified Chinese (`zh`) or English (`en`). */
export type Lang = 'zh' | 'en';

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
  'note.points_observed': { zh: '圆点为有数据的年份，其间为直线连接', en: 'Dots mark years with data; straight lines in between' },
  'note.dashed_gap': { zh: '虚线连接相隔多年的观测值，中间年份无数据', en: 'Dashed lines join observations years apart; no data in between' },
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
