import { FIELDS, ORG_TYPES } from '../dataset/fields.js';

/**
 * The calibration of the built-in synthetic sample (`generateSample`): columns, type codes,
 * field, revenue, certificate and rating weights, each with the source it was calibrated to
 * (DOMAIN.md and the literature, see data/sample/README.md). Data only; changing a value
 * changes the committed sample, whose figures the sample tests check.
 */

/** Organization types in the generator's index order (type index 0–3). */
export const TYPE_CODES: readonly string[] = ORG_TYPES;

/** The columns this generator fills, in its own order (mapped onto FIELDS at load time). */
export const COLUMNS = [
  'org_id',
  'name',
  'type',
  'region',
  'registered',
  'year',
  'deregistered',
  'status',
  'field',
  'community',
  'filed',
  'rating',
  'staff_fulltime',
  'staff_parttime',
  'cert_junior',
  'cert_mid',
  'cert_senior',
  'staff_college',
  'manager_age',
  'volunteers',
  'rev_gov_purchase',
  'rev_donations',
  'rev_membership',
  'rev_services',
  'rev_other',
  'expenses',
  'expenses_program',
  'assets_net',
  'assets_fixed',
  'beneficiaries',
  'activities',
  'emp_minority',
  'emp_disabled',
  'emp_over50',
  'party_org',
  'disclosure',
  'online',
  'incubated',
  'gov_projects',
  'assets_total',
  'income_total',
  'revenue_total',
] as const;
/** Optional columns (indices into COLUMNS) that are left blank at a few-percent rate. */
export const OPTIONAL = [17, 18, 19, 26, 28, 29, 31, 32, 33, 36, 38];
/** Chance that a row has one blank optional cell (so each optional column is blank in 3% of rows). */
export const BLANK_RATE = 0.03 * OPTIONAL.length;
/** Columns (indices into COLUMNS) set to 0 in the years of a planted dormant organization. */
export const DORMANT_ZERO = [12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24, 25, 26, 29, 30, 31, 32, 33, 35, 38, 41];
/** For each canonical field (FIELDS order), its index in COLUMNS (-1 when the generator does not fill it). */
export const OUT_INDEX = FIELDS.map((f) => (COLUMNS as readonly string[]).indexOf(f.name));
/** True when COLUMNS is already in FIELDS order (rows need no reordering). */
export const IDENTITY = OUT_INDEX.length === COLUMNS.length && OUT_INDEX.every((v, i) => v === i);

/** Weights by key (field of activity, league…). */
export type Weights = Readonly<Record<string, number>>;
/** Field weights per type, from the 2012 civil-affairs bulletin (DOMAIN.md), plus the newer fields. */
export const FIELD_WEIGHTS: readonly Weights[] = [
  {
    business: 27,
    science: 18.5,
    education: 11.7,
    health: 10.4,
    social_services: 38.4,
    culture: 25,
    sports: 15,
    ecology: 6.8,
    law: 3.2,
    religion: 4.7,
    agriculture: 55.4,
    professional: 18.6,
    international: 0.5,
    charity: 8,
    other: 15,
  },
  {
    science: 11.1,
    ecology: 1.1,
    education: 117,
    health: 21,
    social_services: 36,
    culture: 10.6,
    sports: 8.5,
    business: 8.7,
    religion: 0.13,
    international: 0.05,
    elderly_care: 10,
    charity: 3,
    other: 11,
  },
  { education: 25, charity: 45, social_services: 10, culture: 5, ecology: 5, health: 5, science: 3, other: 2 },
  { social_services: 30, community_affairs: 20, charity: 20, other: 30 },
];
/** Fields of community social organizations (Yan, Hulunbuir, figures as of June 2024). */
export const COMMUNITY_WEIGHTS: Weights = {
  charity: 25,
  community_affairs: 25,
  culture: 20,
  sports: 12,
  elderly_care: 12,
  mediation: 6,
};
/** Core (Hohhot–Baotou–Ordos) lean: policy advocacy and industry coordination (Fu 2025). */
export const CORE_LEAN: Weights = {
  business: 1.7,
  professional: 1.7,
  law: 1.5,
  science: 1.4,
  international: 1.5,
  mediation: 1.3,
};
/** Periphery lean: ecological protection and charity (Fu 2025). */
export const PERIPHERY_LEAN: Weights = { ecology: 2.2, charity: 1.8, agriculture: 1.3 };
/** Cert holders per full-time staff member, by field (before the rising year factor). */
export const CERT_RATE: Weights = {
  social_services: 0.45,
  community_affairs: 0.4,
  elderly_care: 0.3,
  mediation: 0.3,
  charity: 0.22,
  health: 0.1,
};
/** Ethnic-minority share of employees by league (judgement, roughly the census shares). */
export const MINORITY: Weights = {
  '150100': 0.13,
  '150200': 0.08,
  '150300': 0.05,
  '150400': 0.2,
  '150500': 0.48,
  '150600': 0.12,
  '150700': 0.26,
  '150800': 0.05,
  '150900': 0.04,
  '152200': 0.45,
  '152500': 0.33,
  '152900': 0.3,
};
/** Intermediate-dominant certificate pocket (Ejin Horo Banner lies in Ordos, the Ejin Horo Banner case report). */
export const MID_POCKET = new Set(['150600']);
/** Share of certificate holders at junior and intermediate level (the rest senior), by default. */
export const CERT_SPLIT_DEFAULT = [0.615, 0.36];
/** The same in the intermediate-dominant pocket (MID_POCKET). */
export const CERT_SPLIT_POCKET = [0.45, 0.53];
/** Revenue-source weights (gov, donations, membership, services, other) and zero chances, by type. */
export const REV_W = [
  [0.3, 0.1, 0.33, 0.15, 0.12],
  [0.55, 0.05, 0, 0.3, 0.1],
  [0.12, 0.7, 0, 0.05, 0.13],
  [0.45, 0.15, 0.1, 0.2, 0.1],
];
/** Chance that each revenue source is zero, by type. */
export const REV_ZERO = [
  [0.25, 0.35, 0.1, 0.45, 0.4],
  [0.1, 0.55, 1, 0.3, 0.4],
  [0.5, 0, 1, 0.6, 0.3],
  [0.2, 0.4, 0.5, 0.4, 0.4],
];
/** log-median revenue (yuan) and spread by type. */
export const REV_MU = [Math.log(60000), Math.log(350000), Math.log(800000), Math.log(100000)];
/** Spread of log revenue by type. */
export const REV_SIGMA = [1.1, 1.1, 1.3, 1.0];
/** Normal organizations keep the government share at or below this (single-source rule at 0.9). */
export const GOV_CAP = 0.85;
/** Smallest log revenue drawn (2,000 yuan). */
export const LOG_REV_MIN = Math.log(2000);
/** Largest log revenue drawn (3 billion yuan). */
export const LOG_REV_MAX = Math.log(3e9);
/** Share of rated organizations at grades 1A–5A. */
export const RATING_GRADES = [0.03, 0.1, 0.45, 0.3, 0.12];
