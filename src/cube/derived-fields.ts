/**
 * Per-organization quantities derived from row fields before aggregation, so that the cube
 * can hold counts such as "organizations with full-time staff". Aggregated (yearbook)
 * input may supply these columns directly. Each is 1/0 (a count when summed) or an
 * amount, NaN when its inputs are missing.
 */
export interface DerivedField {
  name: string;
  inputs: string[];
  en: string;
  zh: string;
  /** Compute from the row's values (NaN = missing). */
  compute: (get: (field: string) => number, governanceField: boolean | null) => number;
  /**
   * The same value read straight from the input columns, without a lookup by name (the
   * fast form for loops over rows; `compute` is defined through it).
   *
   * @param cols the column of each of `inputs`, in that order (undefined: the input lacks it)
   * @param i the row
   * @param governanceField whether the row's field of activity is a core governance field (null: no field column)
   */
  fromColumns: (cols: readonly (ArrayLike<number> | undefined)[], i: number, governanceField: boolean | null) => number;
  /**
   * True for the reporting-set measures of {@link REPORTING_RATIOS}: frameworks do not name
   * them, and a yearbook table has them only when aggregated from organization rows that kept
   * them (their columns are optional; without them the staff shares rest on the table's totals).
   */
  rowOnly?: true;
}

const flag = (b: boolean): number => (b ? 1 : 0);

/** Value of row i of a column that may be absent (NaN then). */
const at = (c: ArrayLike<number> | undefined, i: number): number => (c === undefined ? NaN : c[i]);

/** A derived field from its column form; `compute` reads the inputs by name into that form. */
function derived(d: Omit<DerivedField, 'compute'>): DerivedField {
  return {
    ...d,
    compute: (get, governanceField) =>
      d.fromColumns(
        d.inputs.map((f) => [get(f)]),
        0,
        governanceField,
      ),
  };
}

/** 1 when the reported value passes the test, 0 when it does not, NaN when missing. */
const flagOf =
  (test: (v: number) => boolean) =>
  (cols: readonly (ArrayLike<number> | undefined)[], i: number): number => {
    const v = at(cols[0], i);
    return Number.isNaN(v) ? NaN : flag(test(v));
  };

/**
 * Column form of {@link DerivedField.compute} for a dataset: the columns of a field's inputs,
 * for {@link DerivedField.fromColumns}.
 *
 * @param d the derived field
 * @param num the dataset's numeric columns
 * @returns one column (or undefined) per input
 * @example
 * inputColumns(DERIVED_FIELDS[0], ds.num).length; // => 5
 */
export function inputColumns(
  d: DerivedField,
  num: Readonly<Record<string, ArrayLike<number> | undefined>>,
): (ArrayLike<number> | undefined)[] {
  return d.inputs.map((f) => (Object.prototype.hasOwnProperty.call(num, f) ? num[f] : undefined));
}

/**
 * A reporting-set measure: the sum of `sumOf` over the organizations that reported every
 * field of `reportedIf` (missing otherwise), so that a ratio's numerator and denominator
 * cover the same organizations.
 */
function masked(
  name: string,
  sumOf: string[],
  reportedIf: string[],
  { en, zh }: { en: string; zh: string },
): DerivedField {
  const pos = sumOf.map((f) => reportedIf.indexOf(f));
  return derived({
    name,
    inputs: reportedIf,
    en,
    zh,
    rowOnly: true,
    fromColumns: (cols, i) => {
      let s = 0;
      for (let k = 0; k < cols.length; k++) if (Number.isNaN(at(cols[k], i))) return NaN;
      for (const k of pos) s += at(cols[k], i);
      return s;
    },
  });
}

const FT = 'staff_fulltime';
const PT = 'staff_parttime';
const CERTS = ['cert_junior', 'cert_mid', 'cert_senior'];

/**
 * A staff share computed over one set of organizations: Σ numerator / Σ denominator over the
 * organizations that reported every field of both (an organization that did not report a
 * field is missing, never zero). `num` and `den` are the cube measures holding those sums
 * (rowOnly derived fields); a yearbook table has only totals (see {@link reportersRatio}).
 */
export interface ReportingRatio {
  id: string;
  numerator: readonly string[];
  denominator: readonly string[];
  num: readonly string[];
  den: readonly string[];
}

/** The staff shares soqa computes over the reporting organizations' own totals. */
export const REPORTING_RATIOS: readonly ReportingRatio[] = [
  { id: 'fulltime_share', numerator: [FT], denominator: [FT, PT], num: ['ft_share_num'], den: ['ft_share_den'] },
  {
    id: 'college_share',
    numerator: ['staff_college'],
    denominator: [FT, PT],
    num: ['college_share_num'],
    den: ['college_share_den'],
  },
  {
    id: 'certified_share_of_staff',
    numerator: CERTS,
    denominator: [FT, PT],
    num: ['cert_staff_share_num'],
    den: ['cert_staff_share_den'],
  },
  ...CERTS.map((f) => ({
    id: `${f}_share`,
    numerator: [f],
    denominator: CERTS,
    num: [`${f}_complete`],
    den: CERTS.map((c) => `${c}_complete`),
  })),
];

const MASKED_FIELDS: readonly DerivedField[] = [
  masked('ft_share_num', [FT], [FT, PT], {
    en: 'full-time staff of organizations reporting full- and part-time staff',
    zh: '报告专兼职人数的组织的专职人员',
  }),
  masked('ft_share_den', [FT, PT], [FT, PT], {
    en: 'full- plus part-time staff of organizations reporting both',
    zh: '报告专兼职人数的组织的从业人员',
  }),
  masked('college_share_num', ['staff_college'], ['staff_college', FT, PT], {
    en: 'college-educated staff of organizations reporting education and staff',
    zh: '报告学历与从业人数的组织的大专及以上人员',
  }),
  masked('college_share_den', [FT, PT], ['staff_college', FT, PT], {
    en: 'full- plus part-time staff of organizations reporting education and staff',
    zh: '报告学历与从业人数的组织的从业人员',
  }),
  masked('cert_staff_share_num', CERTS, [...CERTS, FT, PT], {
    en: 'certificate holders of organizations reporting the three levels and staff',
    zh: '报告三级证书与从业人数的组织的持证人员',
  }),
  masked('cert_staff_share_den', [FT, PT], [...CERTS, FT, PT], {
    en: 'full- plus part-time staff of organizations reporting the three levels and staff',
    zh: '报告三级证书与从业人数的组织的从业人员',
  }),
  ...(
    [
      ['cert_junior', 'junior social workers', '助理社会工作师'],
      ['cert_mid', 'intermediate social workers', '社会工作师'],
      ['cert_senior', 'senior social workers', '高级社会工作师'],
    ] as const
  ).map(([f, en, zh]) =>
    masked(`${f}_complete`, [f], CERTS, {
      en: `${en} of organizations reporting all three certificate levels`,
      zh: `报告三级证书的组织的${zh}`,
    }),
  ),
];

/** The derived fields soqa adds to the cube. */
export const DERIVED_FIELDS: readonly DerivedField[] = [
  derived({
    name: 'rev_total',
    inputs: ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'],
    en: 'total revenue (sum of the reported sources)',
    zh: '收入合计',
    fromColumns: (cols, i) => {
      let s = 0;
      let any = false;
      for (let k = 0; k < cols.length; k++) {
        const v = at(cols[k], i);
        if (!Number.isNaN(v)) {
          s += v;
          any = true;
        }
      }
      return any ? s : NaN;
    },
  }),
  derived({
    name: 'has_fulltime_staff',
    inputs: ['staff_fulltime'],
    en: 'organizations with full-time staff',
    zh: '有专职人员的组织',
    fromColumns: flagOf((v) => v > 0),
  }),
  derived({
    name: 'manager_young',
    inputs: ['manager_age'],
    en: 'organizations whose manager is under 40',
    zh: '负责人40岁以下的组织',
    fromColumns: flagOf((v) => v < 40),
  }),
  derived({
    name: 'rated_3a',
    inputs: ['rating'],
    en: 'organizations rated 3A or above',
    zh: '3A及以上组织',
    fromColumns: flagOf((v) => v >= 3),
  }),
  derived({
    name: 'has_gov_projects',
    inputs: ['gov_projects'],
    en: 'organizations with government-purchase projects',
    zh: '承接政府购买项目的组织',
    fromColumns: flagOf((v) => v > 0),
  }),
  derived({
    name: 'governance_field',
    inputs: ['field'],
    en: 'organizations in core governance fields',
    zh: '核心治理领域组织',
    fromColumns: (_cols, _i, gov) => (gov === null ? NaN : flag(gov)),
  }),
  derived({
    name: 'discloses_or_online',
    inputs: ['disclosure', 'online'],
    en: 'organizations that disclose information or have an online platform (1 when either flag is 1, 0 when the reported flags are all 0, missing when neither is reported)',
    zh: '信息公开或有网络平台的组织',
    fromColumns: (cols, i) => {
      const d = at(cols[0], i);
      const o = at(cols[1], i);
      if (Number.isNaN(d) && Number.isNaN(o)) return NaN;
      return flag(d === 1 || o === 1);
    },
  }),
  ...MASKED_FIELDS,
];
