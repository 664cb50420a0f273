import { checkCreditCode, creditCodeTypeOf, type CreditCodeProblem } from '../../domain/credit-code/index.js';
import { catValue, type Dataset } from '../../dataset/dataset.js';
import type { ActivityField } from '../../domain/activity-field.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { finiteOrNull } from '../analysis-note.js';
import { looksLikeCreditCode } from './checks/credit-code-checksum.js';
import { warningView, type WarningView } from './rank-flagged.js';
import { SEVERITIES, type Severity } from '../../domain/rules/rules.js';
import { gradeOf, type IndicatorDetail, type SupervisionModel } from './supervision-pass.js';
import type { OrgPart } from '../../dataset/org-rows.js';

/** One report year of an organization, grouped as the portrait shows it (null = not reported). */
export interface PortraitYear {
  year: number | null;
  rating: number | null;
  staff: {
    fulltime: number | null;
    parttime: number | null;
    college: number | null;
    managerAge: number | null;
    volunteers: number | null;
  };
  certificates: { junior: number | null; mid: number | null; senior: number | null };
  finances: {
    govPurchase: number | null;
    donations: number | null;
    membership: number | null;
    services: number | null;
    other: number | null;
    /** Sum of the reported sources (`revenue_total` when none is reported). */
    revenue: number | null;
    expenses: number | null;
    expensesProgram: number | null;
    assetsNet: number | null;
    assetsFixed: number | null;
    assetsTotal: number | null;
  };
  outputs: { beneficiaries: number | null; activities: number | null; govProjects: number | null };
  employment: { minority: number | null; disabled: number | null; over50: number | null };
  flags: {
    partyOrg: number | null;
    disclosure: number | null;
    online: number | null;
    incubated: number | null;
    community: number | null;
    filed: number | null;
  };
}

/** The digital portrait of one organization (soqa portrait). */
export interface Portrait {
  asOf: number;
  org_id: string;
  name: string;
  identity: {
    type: string | null;
    region: string | null;
    regionZh: string | null;
    regionEn: string | null;
    field: string | null;
    fieldZh: string | null;
    fieldEn: string | null;
    registered: string | null;
    deregistered: string | null;
    status: string | null;
    creditCode: {
      checked: boolean;
      valid: boolean | null;
      /** What makes the code invalid, as data (`portrait --json` says them in English). */
      problems: CreditCodeProblem[];
      codeType: string | null;
      division: string | null;
    };
  };
  /** Report years up to the as-of year, oldest first. */
  years: PortraitYear[];
  /** Supervised in the as-of year (scored and graded). */
  supervised: boolean;
  indicators: {
    /** Year of the row the indicators are computed on. */
    year: number | null;
    peerGroup: { type: string | null; region: string | null; size: number } | null;
    list: (IndicatorDetail & { zh: string; en: string; unit: string })[];
  };
  warnings: WarningView[];
  transparency: {
    index: number | null;
    completeness: number | null;
    disclosure: number | null;
    online: number | null;
    continuity: number | null;
    windowYears: number;
    weights: Record<string, number>;
    peerMean: number | null;
  };
  grade: {
    grade: string | null;
    base: string | null;
    score: number | null;
    indicatorsUsed: number;
    cappedBy: Severity | null;
  };
}

/** yyyymmdd → ISO date (year only when month and day are 00). */
const isoDate = (d: number): string | null => {
  if (!Number.isFinite(d)) return null;
  const s = String(Math.trunc(d)).padStart(8, '0');
  const [y, m, day] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
  return m === '00' ? y : day === '00' ? `${y}-${m}` : `${y}-${m}-${day}`;
};

/** Where one organization's rows are in a part of the rows: what {@link portraitAt} reads. */
export interface PortraitRows {
  /** The organization's number in the supervision model. */
  org: number;
  /** Its rows up to the model's as-of year, by report year. */
  rows: number[];
  /** Its latest row up to the as-of year (the model's `lastRow`, as an index of the part). */
  last: number;
}

/**
 * Where organization `org`'s rows are in one part of the rows (a spill bucket holding all of
 * them), for {@link portraitAt}: the rows up to the model's as-of year, by report year, and the
 * model's latest row found among them by its number in input order.
 *
 * @param org the organization's number
 * @param model the supervision model (of all the rows, numbered as the part's)
 * @param part the part holding every row of the organization
 * @returns the rows, or null when the organization has no row up to the as-of year
 */
export function portraitRowsInPart(org: number, model: SupervisionModel, part: OrgPart): PortraitRows | null {
  const lastRow = model.lastRow[org];
  if (lastRow === undefined || lastRow < 0) return null;
  const yearCol = part.ds.num.year;
  const rows: number[] = [];
  let last = -1;
  for (let i = 0; i < part.ds.length; i++) {
    if (part.orgs[i] !== org) continue;
    if (part.rows[i] === lastRow) last = i;
    if (!yearCol || yearCol[i] <= model.asOf) rows.push(i);
  }
  if (last < 0) return null;
  rows.sort((a, b) => (yearCol ? yearCol[a] - yearCol[b] : a - b));
  return { org, rows, last };
}

/** The labels a portrait reads: regions, fields of activity, the framework's indicators. */
export interface PortraitLabels {
  regions: RegionsFile;
  fieldsOfActivity: readonly ActivityField[];
  /** Framework indicator labels and units by id. */
  indicatorLabels: ReadonlyMap<string, { zh: string; en: string; unit: string }>;
}

/**
 * The portrait of one organization from the supervision model (run with its number in
 * `detailFor`, so that its indicator percentiles were kept): identity, every report year up
 * to the as-of year (rating, staff and certificates, finances by source, outputs, flags), its
 * indicator values and percentiles among its peers, its warnings, transparency and grade.
 *
 * @param found the organization's id and number
 * @param model the supervision model (of all the rows)
 * @param part the part of the rows holding every row of the organization
 * @param labels regions, fields of activity, indicator labels
 * @returns the portrait, or null when the organization has no row up to the as-of year
 * @example
 * organizationPortrait(found, model, rows.partOf(found.org), labels)?.grade.grade; // => 'B'
 */
export function organizationPortrait(
  found: { id: string; org: number },
  model: SupervisionModel,
  part: OrgPart,
  labels: PortraitLabels,
): Portrait | null {
  const at = portraitRowsInPart(found.org, model, part);
  return at && portraitAt({ ...at, id: found.id, ds: part.ds }, model, labels);
}

/**
 * The portrait of the organization whose rows are at `at` in `at.ds` (see {@link organizationPortrait}).
 *
 * @param at the organization's id, its number in the model, and its rows in `ds` (its part of the rows)
 * @param model the supervision model (with the organization's indicator details)
 * @param labels regions, fields of activity, indicator labels
 * @returns the portrait
 */
export function portraitAt(
  at: PortraitRows & { id: string; ds: Dataset },
  model: SupervisionModel,
  labels: PortraitLabels,
): Portrait {
  const { id, ds, org, rows, last } = at;
  const yearCol = ds.num.year;
  const flagged = model.flagged.find((f) => f.org === org);
  const t = model.transparency;
  const worst = model.worst[org];
  return {
    asOf: model.asOf,
    org_id: id,
    name: ds.text.name?.[last] ?? '',
    identity: portraitIdentity(at, labels),
    years: rows.map((i) => portraitYear(ds, i, model.asOf)),
    supervised: model.inScope[org] === 1,
    indicators: {
      year: yearCol ? finiteOrNull(yearCol[last]) : model.asOf,
      peerGroup: peerGroupOf(model, org),
      list: (model.details.get(org) ?? []).map((d) => ({
        ...d,
        ...(labels.indicatorLabels.get(d.id) ?? { zh: d.id, en: d.id, unit: '' }),
      })),
    },
    warnings: (flagged?.warnings ?? []).map((w) => warningView(w, model)),
    transparency: {
      index: finiteOrNull(t.index[org]),
      completeness: finiteOrNull(t.completeness[org]),
      disclosure: finiteOrNull(t.disclosure[org]),
      online: finiteOrNull(t.online[org]),
      continuity: finiteOrNull(t.continuity[org]),
      windowYears: model.rules.transparency.windowYears,
      weights: model.transparencyWeights,
      peerMean: peerTransparencyMean(model, org),
    },
    grade: {
      grade: gradeOf(model.grade[org]),
      base: gradeOf(model.baseGrade[org]),
      score: finiteOrNull(model.score[org]),
      indicatorsUsed: model.scoreIndicators[org],
      cappedBy: worst && model.grade[org] !== model.baseGrade[org] ? SEVERITIES[worst - 1] : null,
    },
  };
}

/** Total revenue of row `i`: the sum of the known sources, else the revenue_total column (null: neither). */
function revenueOf(ds: Dataset, i: number): number | null {
  const parts = ['rev_gov_purchase', 'rev_donations', 'rev_membership', 'rev_services', 'rev_other']
    .map((f) => finiteOrNull(ds.num[f]?.[i]))
    .filter((x): x is number => x !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : finiteOrNull(ds.num.revenue_total?.[i]);
}

/** One report year of the portrait: row `i` (a registry list's row stands for the as-of year). */
function portraitYear(ds: Dataset, i: number, asOf: number): PortraitYear {
  const v = (f: string): number | null => finiteOrNull(ds.num[f]?.[i]);
  return {
    year: ds.num.year ? v('year') : asOf,
    rating: v('rating'),
    staff: {
      fulltime: v('staff_fulltime'),
      parttime: v('staff_parttime'),
      college: v('staff_college'),
      managerAge: v('manager_age'),
      volunteers: v('volunteers'),
    },
    certificates: { junior: v('cert_junior'), mid: v('cert_mid'), senior: v('cert_senior') },
    finances: {
      govPurchase: v('rev_gov_purchase'),
      donations: v('rev_donations'),
      membership: v('rev_membership'),
      services: v('rev_services'),
      other: v('rev_other'),
      revenue: revenueOf(ds, i),
      expenses: v('expenses'),
      expensesProgram: v('expenses_program'),
      assetsNet: v('assets_net'),
      assetsFixed: v('assets_fixed'),
      assetsTotal: v('assets_total'),
    },
    outputs: { beneficiaries: v('beneficiaries'), activities: v('activities'), govProjects: v('gov_projects') },
    employment: { minority: v('emp_minority'), disabled: v('emp_disabled'), over50: v('emp_over50') },
    flags: {
      partyOrg: v('party_org'),
      disclosure: v('disclosure'),
      online: v('online'),
      incubated: v('incubated'),
      community: v('community'),
      filed: v('filed'),
    },
  };
}

/** The identity of the portrait: type, region, field, dates and status of the latest row, and the credit-code check. */
function portraitIdentity(
  at: PortraitRows & { id: string; ds: Dataset },
  labels: PortraitLabels,
): Portrait['identity'] {
  const { id, ds, rows, last } = at;
  const region = catValue(ds.cat.region, last);
  const regionInfo = region ? labels.regions.regions.find((r) => r.code === region) : undefined;
  const field = catValue(ds.cat.field, last);
  const fieldInfo = field ? labels.fieldsOfActivity.find((f) => f.code === field) : undefined;
  const checked = looksLikeCreditCode(id);
  const code = checked ? checkCreditCode(id) : null;
  let dereg = NaN;
  for (const i of rows) if (!Number.isNaN(ds.num.deregistered?.[i] ?? NaN)) dereg = ds.num.deregistered[i];
  return {
    type: catValue(ds.cat.type, last),
    region,
    regionZh: regionInfo?.zh ?? null,
    regionEn: regionInfo?.en ?? null,
    field,
    fieldZh: fieldInfo?.zh ?? null,
    fieldEn: fieldInfo?.en ?? null,
    registered: isoDate(ds.num.registered?.[rows[0]] ?? NaN),
    deregistered: isoDate(dereg),
    status: catValue(ds.cat.status, last),
    creditCode: {
      checked,
      valid: code ? code.valid : null,
      problems: code?.problems ?? [],
      codeType: code ? (creditCodeTypeOf(code.normalized) ?? null) : null,
      division: code?.division ?? null,
    },
  };
}

/** The organization's peer group (null: none). */
function peerGroupOf(model: SupervisionModel, org: number): Portrait['indicators']['peerGroup'] {
  const peer = model.peer[org] >= 0 ? model.peerGroups[model.peer[org]] : null;
  return peer ? { type: peer.type, region: peer.region, size: peer.size } : null;
}

/** Mean transparency index of the organization's peer group (null: no peer group, or no peer scored). */
function peerTransparencyMean(model: SupervisionModel, org: number): number | null {
  if (!peerGroupOf(model, org)) return null;
  let sum = 0;
  let n = 0;
  for (let o = 0; o < model.count; o++) {
    if (model.peer[o] !== model.peer[org] || Number.isNaN(model.transparency.index[o])) continue;
    sum += model.transparency.index[o];
    n++;
  }
  return n ? sum / n : null;
}
