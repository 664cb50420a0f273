/**
 * Bilingual words of the maps (legends, notes, LISA classes), kept apart from the chart
 * dictionary so the map vocabulary is in one place.
 */
import type { Lang } from '../labels.js';

/**
 * key → { zh, en }. Legend titles carry their unit.
 *
 * @example
 * MAP_LABELS['legend.per10k'].zh; // => '每万人社会组织数（家）'
 */
export const MAP_LABELS = {
  'legend.per10k': { zh: '每万人社会组织数（家）', en: 'Organizations per 10,000 residents' },
  'legend.lq': { zh: '区位商（1 = 与总体比重相同）', en: 'Location quotient (1 = same share as overall)' },
  'legend.class': { zh: '协调等级（耦合协调度D）', en: 'Coordination class (D)' },
  'legend.lisa': { zh: 'LISA聚类', en: 'LISA cluster' },
  'panel.all': { zh: '全部社会组织', en: 'All organizations' },
  'lisa.HH': { zh: '高-高', en: 'High-high' },
  'lisa.LL': { zh: '低-低', en: 'Low-low' },
  'lisa.HL': { zh: '高-低', en: 'High-low' },
  'lisa.LH': { zh: '低-高', en: 'Low-high' },
  'lisa.ns': { zh: '不显著', en: 'Not significant' },
  'note.no_data': { zh: '灰色：无数据', en: 'Grey: no data' },
  'note.core_named': { zh: '核心区地区名以橙红色标出', en: 'Core regions named in vermillion' },
  'note.context': {
    zh: '香港、澳门（浅灰）不在分析范围内；边界资料不含台湾省，图中未绘出；三沙市（南海诸岛）在图幅以外',
    en: 'Hong Kong and Macao (light grey) are outside the analysis; the boundary source has no Taiwan, which is not drawn; Sansha (South China Sea islands) lies outside the frame',
  },
  'note.lq_map': {
    zh: '区位商>1（橙色）：该地区的社会组织（或该领域组织）占比高于其常住人口（或全部组织）占比；<1（蓝色）：低于',
    en: 'LQ > 1 (orange): the region holds a larger share of the organizations (of the field) than of the residents (of all organizations); < 1 (blue): smaller',
  },
  'note.projection': {
    zh: '等积圆锥投影',
    en: 'conic equal-area projection',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A key of {@link MAP_LABELS}. */
export type MapLabelKey = keyof typeof MAP_LABELS;

/**
 * A map word in a language.
 *
 * @example
 * mt('lisa.HH', 'en'); // => 'High-high'
 */
export function mt(key: MapLabelKey, lang: Lang): string {
  return MAP_LABELS[key][lang];
}
