/**
 * Chinese names of the indicator units the built-in framework uses (framework files give
 * units in English); a unit without a name here is shown as written.
 */
const ZH: Readonly<Record<string, string>> = {
  'Gini–Simpson index 0–1': '吉尼—辛普森指数（0—1）',
  'activities per organization': '次/组织',
  'index 0–0.8 (1 − Σ share²)': '指数（0—0.8，1 − Σ占比²）',
  'organizations per 10,000 residents': '家/万人',
  'person-times per 10,000 residents': '人次/万人',
  'persons per 10,000 residents': '人/万人',
  'persons per organization': '人/组织',
  ratio: '比值',
  'share of expenses': '占费用比例',
  'share of organizations': '占组织比例',
  'share of revenue': '占收入比例',
  'share per year': '年增长率',
  'yuan per organization': '元/组织',
  'yuan per resident': '元/人',
  'as given in the regions file (gdp)': '地区文件所给单位（gdp）',
  'regions file gdp / population': '地区生产总值/常住人口',
  'residents (regions file)': '人（地区文件）',
  "residents per km² / the core's residents per km²": '人/平方公里（相对核心区）',
  'urban residents / residents (regions file urbanRate, 2020 census)': '城镇人口/常住人口（2020年人口普查）',
  'years (regions file schoolingYears, 2020 census)': '年（2020年人口普查）',
};

/**
 * The unit of an indicator in the report's language.
 *
 * @param unit the framework's unit (English)
 * @param lang report language
 * @returns the Chinese name for zh when known, else the unit as written
 * @example
 * unitLabel('yuan per organization', 'zh'); // => '元/组织'
 */
export function unitLabel(unit: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? (ZH[unit] ?? unit) : unit;
}
