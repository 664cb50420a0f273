/**
 * The risk-warning rules the synthetic sample plants cases for, with the exact definition the
 * sample guarantees: the planted organizations trip their rule and NO other organization trips
 * it (each planted organization trips only its own rule). "Total revenue" is the sum of the five
 * `rev_*` columns (the sample's `revenue_total` always equals it); "consecutive" means
 * consecutive report years of one organization.
 *
 * @example
 * PLANTED_RULES.map((r) => r.id); // => ['dormant', 'missing_report', …]
 */
export const PLANTED_RULES = [
  {
    id: 'dormant',
    en: 'dormant: activities = 0, total revenue = 0 and staff_fulltime = 0 in 2 or more consecutive years',
    zh: '长期休眠',
  },
  {
    id: 'missing_report',
    en: 'missing annual report: a year without a row between the first report year (max of registration year and first panel year) and the last report year',
    zh: '年报缺失',
  },
  {
    id: 'persistent_deficit',
    en: 'persistent deficit: expenses > total revenue in 3 or more consecutive years',
    zh: '持续亏损',
  },
  {
    id: 'single_source',
    en: 'single-source dependence: rev_gov_purchase > 90% of total revenue in the latest report year (normal organizations stay at or below 85% in every year)',
    zh: '收入来源单一',
  },
  {
    id: 'implausible_jump',
    en: 'implausible jump: total revenue, staff_fulltime or staff_fulltime + staff_parttime at least 10 times the previous year’s (previous > 0)',
    zh: '数据异常跳变',
  },
  {
    id: 'cert_above_staff',
    en: 'certified staff above total staff: cert_junior + cert_mid + cert_senior > staff_fulltime + staff_parttime in some year',
    zh: '持证人数超过从业人数',
  },
  {
    id: 'credit_code_checksum',
    en: 'credit code failing its checksum (GB 32100-2015 check character)',
    zh: '信用代码校验失败',
  },
  {
    id: 'credit_code_mismatch',
    en: 'credit code (valid checksum) whose character 2 disagrees with the type or whose characters 3–8 disagree with the region',
    zh: '信用代码与类型/地区不符',
  },
  {
    id: 'deregistered_reporting',
    en: 'deregistered but still reporting: a row in a year after the year of the deregistration date',
    zh: '注销后仍在报告',
  },
] as const;

/** One planted rule id. */
export type PlantedRule = (typeof PLANTED_RULES)[number]['id'];
