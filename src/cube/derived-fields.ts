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
}

const flag = (b: boolean): number => (b ? 1 : 0);

/** The derived fields soqa adds to the cube. */
export const DERIVED_FIELDS: readonly DerivedField[] = [
  {
    name: 'rev_total',
    inputs: ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other'],
    en: 'total revenue (sum of the reported sources)',
    zh: '收入合计',
    compute: (get) => {
      let s = 0;
      let any = false;
      for (const f of ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other']) {
        const v = get(f);
        if (!Number.isNaN(v)) {
          s += v;
          any = true;
        }
      }
      return any ? s : NaN;
    },
  },
  { name: 'has_fulltime_staff', inputs: ['staff_fulltime'], en: 'organizations with full-time staff', zh: '有专职人员的组织', compute: (get) => (Number.isNaN(get('staff_fulltime')) ? NaN : flag(get('staff_fulltime') > 0)) },
  { name: 'manager_young', inputs: ['manager_age'], en: 'organizations whose manager is under 40', zh: '负责人40岁以下的组织', compute: (get) => (Number.isNaN(get('manager_age')) ? NaN : flag(get('manager_age') < 40)) },
  { name: 'rated_3a', inputs: ['rating'], en: 'organizations rated 3A or above', zh: '3A及以上组织', compute: (get) => (Number.isNaN(get('rating')) ? NaN : flag(get('rating') >= 3)) },
  { name: 'has_gov_projects', inputs: ['gov_projects'], en: 'organizations with government-purchase projects', zh: '承接政府购买项目的组织', compute: (get) => (Number.isNaN(get('gov_projects')) ? NaN : flag(get('gov_projects') > 0)) },
  { name: 'governance_field', inputs: ['field'], en: 'organizations in core governance fields', zh: '核心治理领域组织', compute: (_get, gov) => (gov === null ? NaN : flag(gov)) },
  {
    name: 'discloses_or_online',
    inputs: ['disclosure', 'online'],
    en: 'organizations that disclose information or have an online platform (1 when either flag is 1, 0 when the reported flags are all 0, missing when neither is reported)',
    zh: '信息公开或有网络平台的组织',
    compute: (get) => {
      const d = get('disclosure');
      const o = get('online');
      if (Number.isNaN(d) && Number.isNaN(o)) return NaN;
      return flag(d === 1 || o === 1);
    },
  },
];
