import { FIELDS, ORG_TYPES } from '../../dataset/fields.js';
import type { Profile } from '../profile/profile.js';
import { normalizeHeader } from '../header/normalize-header.js';
import { columnUnits, type ColumnUnits } from '../header/column-units.js';
import type { Unit } from '../header/header-unit.js';
import {
  AGGREGATE_COLUMNS,
  AGGREGATE_MEASURE_BY_NAME,
  AGGREGATE_MEASURES,
  COUNT_COLUMN,
  COUNT_TOTAL_COLUMN,
  REPORTING_PREFIX,
  ROW_ONLY_FIELDS,
} from './aggregate-columns.js';

/** A column that feeds a measure (its total, or its reporting count). */
export interface MeasureColumn {
  index: number;
  name: string;
}

/** How the header row of an aggregated table maps onto its parts. */
export interface AggregateHeader {
  /** `long`: one row per region × year × type (× field) with a count column; `wide`: one count column per type. */
  layout: 'long' | 'wide';
  /** Column index of each part; -1 when absent. */
  region: number;
  year: number;
  type: number;
  field: number;
  count: number;
  countTotal: number;
  /** Wide layout: the count column of each type. */
  typeColumns: { index: number; type: string }[];
  /** Total columns, in header order. */
  measures: MeasureColumn[];
  /** Reporting-count columns (`n_<field>`) of measures that have a total column. */
  reporting: MeasureColumn[];
  /** Measure columns of a wide table: they cannot be split by type and are ignored. */
  wideMeasures: string[];
  /** Canonical names present: region, year, type, field, count, count_total, the measures (cube order), `n_<measure>`. */
  present: string[];
  /** Required parts with no column. */
  missingRequired: string[];
  /** Parts that two or more columns map to. */
  duplicates: { field: string; headers: string[] }[];
  /** Headers used for nothing (organization-row columns such as status included). */
  ignored: string[];
  /** Organization-row columns found (org_id, name, registered, deregistered, status). */
  rowColumns: string[];
  /** Both a type column (or count column) and type-named count columns: the layout is ambiguous. */
  layoutConflict: string[];
  /** Units of the count and total columns (headers `（万元）`, the unit line): factors to the measure's unit, conflicts. */
  units: ColumnUnits;
}

const DIMENSIONS = new Set(['region', 'year', 'type', 'field']);

/**
 * Map the header row of an aggregated (yearbook-style) table through the profile: the
 * canonical names always match themselves, the profile's `columns` aliases (including
 * `count`, `count_total` and the derived measures) match after header normalisation, a
 * header equal to an organization type or one of the profile's type value aliases
 * (`社会团体`, `民办非企业单位`, `基金会`) is that type's count column (the wide layout), and
 * `n_` followed by a measure's name or alias is its reporting count.
 *
 * @param headers the header cells
 * @param profile the input profile
 * @param lineUnit the unit of the table's unit line (`单位：万元`), if any
 * @returns the mapping, with missing, duplicate, ignored and conflicting columns listed
 * @example
 * mapAggregateHeader(['地区', '年份', '社会团体', '基金会'], loadProfile()).layout; // => 'wide'
 */
export function mapAggregateHeader(headers: string[], profile: Profile, lineUnit: Unit | null = null): AggregateHeader {
  const h = emptyAggregateHeader();
  assignColumns(h, headers, headerLookups(profile));
  settleLayout(h, headers);
  listColumns(h, headers, lineUnit);
  return h;
}

/** Header text → canonical column (fields, aggregate columns, measures, the profile's aliases), and → organization type. */
function headerLookups(profile: Profile): { aliasToName: Map<string, string>; typeOf: Map<string, string> } {
  const aliasToName = new Map<string, string>();
  const add = (alias: string, name: string) => {
    const key = normalizeHeader(alias);
    if (key && !aliasToName.has(key)) aliasToName.set(key, name);
  };
  for (const f of FIELDS) add(f.name, f.name);
  for (const c of AGGREGATE_COLUMNS) add(c, c);
  for (const m of AGGREGATE_MEASURES) add(m.name, m.name);
  for (const [name, aliases] of Object.entries(profile.columns)) for (const a of aliases) add(a, name);
  const typeOf = new Map<string, string>();
  for (const t of ORG_TYPES) typeOf.set(normalizeHeader(t), t);
  for (const [t, aliases] of Object.entries(profile.values?.type ?? {}))
    for (const a of aliases) if (!typeOf.has(normalizeHeader(a))) typeOf.set(normalizeHeader(a), t);

  return { aliasToName, typeOf };
}

/** A mapping with no column found yet. */
function emptyAggregateHeader(): AggregateHeader {
  return {
    layout: 'long',
    region: -1,
    year: -1,
    type: -1,
    field: -1,
    count: -1,
    countTotal: -1,
    typeColumns: [],
    measures: [],
    reporting: [],
    wideMeasures: [],
    present: [],
    missingRequired: [],
    duplicates: [],
    ignored: [],
    rowColumns: [],
    layoutConflict: [],
    units: { scale: [], units: [], conflicts: [] },
  };
}

/** Give each header cell its column: a dimension, the count, a type's count, a measure, a reporting count, or ignored; duplicates listed. */
function assignColumns(
  h: AggregateHeader,
  headers: string[],
  { aliasToName, typeOf }: { aliasToName: Map<string, string>; typeOf: Map<string, string> },
): void {
  const first = new Map<string, string>();
  const dup = new Map<string, string[]>();
  const claim = (target: string, header: string): boolean => {
    const prev = first.get(target);
    if (prev !== undefined) {
      dup.set(target, [...(dup.get(target) ?? [prev]), header]);
      return false;
    }
    first.set(target, header);
    return true;
  };
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (!key) return;
    const raw = header
      .replace(/^\uFEFF/, '')
      .normalize('NFKC')
      .trim();
    if (REPORTING_PREFIX.test(raw)) {
      const of = aliasToName.get(normalizeHeader(raw.replace(REPORTING_PREFIX, '')));
      if (of && AGGREGATE_MEASURE_BY_NAME.has(of)) {
        if (claim(`n_${of}`, header)) h.reporting.push({ index, name: of });
        return;
      }
    }
    const name = aliasToName.get(key);
    if (name !== undefined) {
      if (ROW_ONLY_FIELDS.includes(name)) {
        h.rowColumns.push(name);
        h.ignored.push(header);
      } else if (!claim(name, header)) {
        // a duplicate, reported below
      } else if (DIMENSIONS.has(name)) h[name as 'region' | 'year' | 'type' | 'field'] = index;
      else if (name === COUNT_COLUMN) h.count = index;
      else if (name === COUNT_TOTAL_COLUMN) h.countTotal = index;
      else if (AGGREGATE_MEASURE_BY_NAME.has(name)) h.measures.push({ index, name });
      else h.ignored.push(header);
      return;
    }
    const type = typeOf.get(key);
    if (type !== undefined) {
      if (claim(`type:${type}`, header)) h.typeColumns.push({ index, type });
      return;
    }
    h.ignored.push(header);
  });
  h.duplicates = [...dup].map(([field, hs]) => ({
    field: field.startsWith('type:') ? `the ${field.slice(5)} count` : field,
    headers: hs,
  }));
}

/** Wide or long layout: a wide table's totals and reporting counts are ignored, a long table's total over types too. */
function settleLayout(h: AggregateHeader, headers: string[]): void {
  if (h.typeColumns.length > 0) {
    h.layout = 'wide';
    if (h.type >= 0) h.layoutConflict.push(headers[h.type]);
    if (h.count >= 0) h.layoutConflict.push(headers[h.count]);
    // totals of a wide row describe all its types together: the cube needs them by type
    for (const m of h.measures) {
      h.wideMeasures.push(headers[m.index]);
      h.ignored.push(headers[m.index]);
    }
    for (const r of h.reporting) h.ignored.push(headers[r.index]);
    h.measures = [];
    h.reporting = [];
  } else if (h.countTotal >= 0) {
    // a total over type columns needs type columns; in a long table it is a stray column
    h.ignored.push(headers[h.countTotal]);
    h.countTotal = -1;
  }
  const withTotal = new Set(h.measures.map((m) => m.name));
  for (const r of h.reporting.filter((x) => !withTotal.has(x.name))) h.ignored.push(headers[r.index]);
  h.reporting = h.reporting.filter((r) => withTotal.has(r.name));
}

/** The missing required columns, the columns' units and the present columns in canonical order. */
function listColumns(h: AggregateHeader, headers: string[], lineUnit: Unit | null): void {
  if (h.region < 0) h.missingRequired.push('region');
  if (h.year < 0) h.missingRequired.push('year');
  if (h.layout === 'long') {
    if (h.type < 0) h.missingRequired.push('type');
    if (h.count < 0) h.missingRequired.push(COUNT_COLUMN);
  }
  const fieldAt = new Map<number, string>();
  for (const i of [h.count, h.countTotal, ...h.typeColumns.map((c) => c.index), ...h.reporting.map((r) => r.index)])
    if (i >= 0) fieldAt.set(i, COUNT_COLUMN);
  for (const m of h.measures) fieldAt.set(m.index, m.name);
  h.units = columnUnits(headers, (c) => fieldAt.get(c) ?? null, lineUnit);
  const measureNames = new Set(h.measures.map((m) => m.name));
  const reportNames = new Set(h.reporting.map((m) => m.name));
  h.present = [
    ...(['region', 'year', 'type', 'field'] as const).filter((d) => h[d] >= 0),
    ...(h.count >= 0 ? [COUNT_COLUMN] : []),
    ...h.typeColumns.map((c) => `${COUNT_COLUMN}:${c.type}`),
    ...(h.countTotal >= 0 ? [COUNT_TOTAL_COLUMN] : []),
    ...AGGREGATE_MEASURES.filter((m) => measureNames.has(m.name)).map((m) => m.name),
    ...AGGREGATE_MEASURES.filter((m) => reportNames.has(m.name)).map((m) => `n_${m.name}`),
  ];
}
