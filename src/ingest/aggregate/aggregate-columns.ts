import { FIELDS, type FieldKind } from '../../dataset/fields.js';
import { DERIVED_FIELDS } from '../../cube/derived-fields.js';

/** Column of the organization count of a row (long layout). */
export const COUNT_COLUMN = 'count';
/** Column of a published total over the type columns (wide layout): checked, never used. */
export const COUNT_TOTAL_COLUMN = 'count_total';
/** The columns an aggregated table has besides canonical fields and measures. */
export const AGGREGATE_COLUMNS: readonly string[] = [COUNT_COLUMN, COUNT_TOTAL_COLUMN];

/**
 * How the total of a measure is checked:
 * `count` a non-negative whole number (sums of counts, of grades, of ages);
 * `flags` a non-negative whole number of organizations, at most the reporting count;
 * `amount` a non-negative number; `number` any number (net assets may be negative).
 */
export type TotalKind = 'count' | 'flags' | 'amount' | 'number';

/** One measure an aggregated table may give a total of. */
export interface AggregateMeasure {
  name: string;
  total: TotalKind;
  /** True for the per-organization quantities soqa derives (src/cube/derived-fields.ts). */
  derived: boolean;
  /** Largest value one organization can add (flags 1, rating 5): the total is at most this × its reporting count. */
  maxPerOrg?: number;
}

const TOTAL_OF: Partial<Record<FieldKind, TotalKind>> = {
  count: 'count',
  rating: 'count',
  flag: 'flags',
  amount: 'amount',
  number: 'number',
};

/**
 * Every measure of the cube, in the order the cube lists them (canonical field order, then
 * the derived fields): the numeric organization fields (counts, amounts, numbers, flags,
 * rating; not years or dates) and the derived per-organization quantities.
 */
export const AGGREGATE_MEASURES: readonly AggregateMeasure[] = [
  ...FIELDS.filter((f) => f.name !== 'year' && TOTAL_OF[f.kind] !== undefined).map((f) => ({
    name: f.name,
    total: TOTAL_OF[f.kind]!,
    derived: false,
    ...(f.kind === 'flag' ? { maxPerOrg: 1 } : f.kind === 'rating' ? { maxPerOrg: 5 } : {}),
  })),
  ...DERIVED_FIELDS.filter((d) => !d.rowOnly).map((d) =>
    d.name === 'rev_total'
      ? { name: d.name, total: 'amount' as TotalKind, derived: true }
      : { name: d.name, total: 'flags' as TotalKind, derived: true, maxPerOrg: 1 },
  ),
  // the staff shares' reporting-set sums (persons), for a table aggregated from organization rows
  // that keeps them: its staff shares then rest on the reporting organizations' own totals too
  ...DERIVED_FIELDS.filter((d) => d.rowOnly).map((d) => ({ name: d.name, total: 'count' as TotalKind, derived: true })),
];

/** Measure name → definition. */
export const AGGREGATE_MEASURE_BY_NAME: ReadonlyMap<string, AggregateMeasure> = new Map(
  AGGREGATE_MEASURES.map((m) => [m.name, m]),
);

/** Organization-row fields that make no sense in an aggregated table (their columns are ignored). */
export const ROW_ONLY_FIELDS: readonly string[] = ['org_id', 'name', 'registered', 'deregistered', 'status'];

/**
 * Header prefix of a reporting-count column: `n_staff_fulltime` (or `n_` + any alias of the
 * field, e.g. `n_专职人员`) is the number of organizations whose values the total sums.
 */
export const REPORTING_PREFIX = /^n[_\s.-]+/i;

/** Normalised region cells that mean "the whole area of the regions file" (besides the file's own code and name). */
export const WHOLE_AREA_TOKENS: ReadonlySet<string> = new Set([
  'total',
  'all',
  'whole area',
  '合计',
  '总计',
  '全部',
  '全省',
  '全区',
  '全市',
  '全州',
  '全盟',
  '全自治区',
  '全省合计',
  '全区合计',
  '全市合计',
]);

/** Normalised type cells of a row that totals all types (a check row). */
export const TYPE_TOTAL_TOKENS: ReadonlySet<string> = new Set([
  'total',
  'all',
  'all types',
  '合计',
  '总计',
  '小计',
  '全部',
  '社会组织',
  '社会组织合计',
  '社会组织总数',
  '所有类型',
]);

/** Normalised field cells of a row that totals all fields of activity (a check row). */
export const FIELD_TOTAL_TOKENS: ReadonlySet<string> = new Set([
  'total',
  'all',
  'all fields',
  '合计',
  '总计',
  '小计',
  '全部',
]);
