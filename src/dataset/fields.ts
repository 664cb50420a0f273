/**
 * The canonical organization-row fields: names, kinds, units and meanings.
 * This is the single source for schemas/organization-row.schema.json, docs/DATA.md,
 * the ingest type conversion and the sample generator.
 */

/** How a field's text is converted. */
export type FieldKind =
  | 'id' // kept as text, trimmed, upper-cased for credit codes
  | 'text' // free text (names)
  | 'category' // one of a closed set after value aliases (type, status, field)
  | 'region' // administrative division code, 6 digits
  | 'date' // ISO date, or year only
  | 'year' // integer calendar year
  | 'count' // non-negative integer
  | 'amount' // non-negative decimal (yuan, or the profile's currency)
  | 'number' // decimal that may be negative
  | 'flag' // boolean 1/0, 是/否, yes/no
  | 'rating'; // evaluation grade 0 (none) .. 5 (5A)

/** Definition of one canonical field. */
export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  unit?: string;
  en: string;
  zh: string;
}

/** Organization types (codes used everywhere in soqa). */
export const ORG_TYPES = ['social_group', 'private_non_enterprise', 'foundation', 'other'] as const;
/** One organization type code. */
export type OrgType = (typeof ORG_TYPES)[number];

/** Registration status codes. */
export const STATUSES = ['active', 'deregistered'] as const;

/** Revenue source fields, in the order used by revenue-mix measures. */
export const REVENUE_FIELDS = [
  'rev_gov_purchase',
  'rev_donations',
  'rev_membership',
  'rev_services',
  'rev_other',
] as const;

/** Every canonical field soqa understands. */
export const FIELDS: readonly FieldDef[] = [
  {
    name: 'org_id',
    kind: 'id',
    required: true,
    en: 'organization id (unified social credit code where there is one)',
    zh: '统一社会信用代码/组织编号',
  },
  { name: 'name', kind: 'text', required: true, en: 'organization name', zh: '社会组织名称' },
  {
    name: 'type',
    kind: 'category',
    required: true,
    en: 'organization type: social_group, private_non_enterprise, foundation, other',
    zh: '社会组织类型',
  },
  {
    name: 'region',
    kind: 'region',
    required: true,
    en: 'region code (6-digit administrative division of the registering authority)',
    zh: '地区代码',
  },
  { name: 'registered', kind: 'date', required: true, en: 'registration date (or year)', zh: '成立登记日期' },
  {
    name: 'year',
    kind: 'year',
    en: 'year the record describes (annual-report panels); absent for registry lists',
    zh: '年度',
  },
  { name: 'deregistered', kind: 'date', en: 'deregistration date', zh: '注销日期' },
  { name: 'status', kind: 'category', en: 'registration status: active or deregistered', zh: '登记状态' },
  {
    name: 'field',
    kind: 'category',
    en: 'field of activity (official statistical classification code)',
    zh: '业务领域',
  },
  { name: 'community', kind: 'flag', en: 'community social organization', zh: '社区社会组织' },
  { name: 'filed', kind: 'flag', en: 'filed (备案) rather than registered', zh: '备案' },
  { name: 'rating', kind: 'rating', unit: 'grade 0–5 (0 = not rated)', en: 'evaluation grade 1A–5A', zh: '评估等级' },
  { name: 'staff_fulltime', kind: 'count', unit: 'persons', en: 'full-time staff', zh: '专职人员' },
  { name: 'staff_parttime', kind: 'count', unit: 'persons', en: 'part-time staff', zh: '兼职人员' },
  {
    name: 'cert_junior',
    kind: 'count',
    unit: 'persons',
    en: 'certified junior social workers (助理社会工作师)',
    zh: '助理社会工作师',
  },
  {
    name: 'cert_mid',
    kind: 'count',
    unit: 'persons',
    en: 'certified intermediate social workers (社会工作师)',
    zh: '社会工作师',
  },
  {
    name: 'cert_senior',
    kind: 'count',
    unit: 'persons',
    en: 'certified senior social workers (高级社会工作师)',
    zh: '高级社会工作师',
  },
  {
    name: 'staff_college',
    kind: 'count',
    unit: 'persons',
    en: 'staff with a college degree or higher (大专及以上)',
    zh: '大专及以上学历人员',
  },
  {
    name: 'manager_age',
    kind: 'count',
    unit: 'years',
    en: 'age of the legal representative / manager',
    zh: '负责人年龄',
  },
  { name: 'volunteers', kind: 'count', unit: 'persons', en: 'registered volunteers', zh: '志愿者人数' },
  {
    name: 'rev_gov_purchase',
    kind: 'amount',
    unit: 'yuan',
    en: 'revenue from government purchase of services',
    zh: '政府购买服务收入',
  },
  { name: 'rev_donations', kind: 'amount', unit: 'yuan', en: 'donation revenue', zh: '捐赠收入' },
  { name: 'rev_membership', kind: 'amount', unit: 'yuan', en: 'membership-fee revenue', zh: '会费收入' },
  { name: 'rev_services', kind: 'amount', unit: 'yuan', en: 'revenue from services provided', zh: '提供服务收入' },
  { name: 'rev_other', kind: 'amount', unit: 'yuan', en: 'other revenue', zh: '其他收入' },
  { name: 'expenses', kind: 'amount', unit: 'yuan', en: 'total expenses', zh: '费用合计' },
  {
    name: 'expenses_program',
    kind: 'amount',
    unit: 'yuan',
    en: 'program (public-benefit) expenses',
    zh: '业务活动成本',
  },
  { name: 'assets_net', kind: 'number', unit: 'yuan', en: 'net assets (may be negative)', zh: '净资产' },
  { name: 'assets_fixed', kind: 'amount', unit: 'yuan', en: 'fixed assets', zh: '固定资产' },
  { name: 'beneficiaries', kind: 'count', unit: 'persons', en: 'people served in the year', zh: '受益人次' },
  { name: 'activities', kind: 'count', unit: 'activities', en: 'activities held in the year', zh: '活动次数' },
  {
    name: 'emp_minority',
    kind: 'count',
    unit: 'persons',
    en: 'employees from ethnic minorities',
    zh: '少数民族从业人员',
  },
  { name: 'emp_disabled', kind: 'count', unit: 'persons', en: 'employees with disabilities', zh: '残疾人从业人员' },
  { name: 'emp_over50', kind: 'count', unit: 'persons', en: 'employees aged over 50', zh: '50岁以上从业人员' },
  { name: 'party_org', kind: 'flag', en: 'has a party organization', zh: '建立党组织' },
  { name: 'disclosure', kind: 'flag', en: 'discloses information (annual report published)', zh: '信息公开' },
  { name: 'online', kind: 'flag', en: 'online presence (website, public account)', zh: '网络平台' },
  { name: 'incubated', kind: 'flag', en: 'incubated in an incubation base', zh: '入驻孵化基地' },
  {
    name: 'gov_projects',
    kind: 'count',
    unit: 'projects',
    en: 'government-purchase projects undertaken',
    zh: '承接政府购买服务项目数',
  },
  // Registry-level finance totals (e.g. the IRS EO BMF's ASSET_AMT, INCOME_AMT, REVENUE_AMT);
  // in the source's currency. Income and revenue may be negative (losses on sales of assets).
  {
    name: 'assets_total',
    kind: 'amount',
    unit: 'yuan (or the source currency)',
    en: 'total assets (book value at the end of the period)',
    zh: '资产总计',
  },
  {
    name: 'income_total',
    kind: 'number',
    unit: 'yuan (or the source currency)',
    en: 'total income (may be negative)',
    zh: '总收入',
  },
  {
    name: 'revenue_total',
    kind: 'number',
    unit: 'yuan (or the source currency)',
    en: 'total revenue as reported (may be negative)',
    zh: '收入合计（报表）',
  },
];

/** Look up a field definition by name. */
export const FIELD_BY_NAME: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.name, f]));

/** Names of the fields every organization row must have. */
export const REQUIRED_FIELDS: readonly string[] = FIELDS.filter((f) => f.required).map((f) => f.name);

/** Numeric fields (stored as Float64 columns, NaN = missing). */
export const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set(['year', 'count', 'amount', 'number', 'flag', 'rating']);
