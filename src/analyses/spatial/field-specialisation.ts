import * as msg from '../../core/messages/index.js';
import { rollup, type Cube } from '../../cube/cube.js';
import type { ActivityField } from '../../domain/activity-field.js';
import { locationQuotientMatrix } from '../../measures/inequality/location-quotient-matrix.js';
import { finiteOrNull, note, type AnalysisNote } from '../analysis-note.js';
import type { RegionUnit } from './region-units.js';

/** Fields the literature says the periphery specialises in (Fu (2025): ecological protection and charity). */
export const CLAIMED_PERIPHERY_FIELDS = ['ecology', 'charity'] as const;

/** One field's row of {@link FieldSpecialisation}. */
export interface FieldRow {
  field: string;
  zh: string;
  en: string;
  count: number;
  /** LQ_fr = (x_fr / X_·r)/(X_f· / X_··) per region code; null where the region has no organizations with a field. */
  lq: Record<string, number | null>;
  /** The same with the regions pooled into the core and the periphery. */
  coreLq: number | null;
  peripheryLq: number | null;
}

/** Field × region location quotients of one year. */
export interface FieldSpecialisation {
  year: number;
  regions: string[];
  rows: FieldRow[];
  /** Does the periphery specialise in Fu (2025)'s fields (periphery LQ > 1 for each)? null when it cannot be checked. */
  literatureClaim: { fields: string[]; peripheryLq: Record<string, number | null>; holds: boolean | null };
  /** Fields with the highest periphery LQ (up to 3). */
  peripheryTop: { field: string; lq: number }[];
  notes: AnalysisNote[];
}

/**
 * Location quotients of fields of activity by region for one year (organizations with a
 * field only): which fields each region, and the periphery as a whole, over-represents
 * relative to the whole area. Answers Fu (2025)'s "the periphery focuses on ecological
 * protection and charity".
 *
 * @param cube the cube
 * @param year the year
 * @param units regions with zones
 * @param fields field-of-activity labels
 * @returns the block, or null when no organization of the year has a field
 * @example
 * fieldSpecialisation(cube, 2024, units, loadFieldsOfActivity())?.literatureClaim.holds;
 */
export function fieldSpecialisation(
  cube: Cube,
  year: number,
  units: readonly RegionUnit[],
  fields: readonly ActivityField[],
): FieldSpecialisation | null {
  const notes: AnalysisNote[] = [];
  const groups = rollup(cube, ['field', 'region'], { year });
  const missing = groups.filter((g) => g.key.field === '').reduce((a, g) => a + g.count, 0);
  if (missing > 0) notes.push(note('N_FIELD_MISSING', (l) => msg.noteFieldMissing(l, year, missing)));
  const label = new Map(fields.map((f) => [f.code, f]));
  const known = new Map(fields.map((f, i) => [f.code, i]));
  const codes = [
    ...new Set(groups.filter((g) => g.key.field !== '' && g.count > 0).map((g) => g.key.field as string)),
  ].sort((a, b) => (known.get(a) ?? Infinity) - (known.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  if (codes.length === 0) return null;
  const col = new Map(units.map((u, i) => [u.code, i]));
  const matrix = codes.map(() => new Array<number>(units.length).fill(0));
  const row = new Map(codes.map((c, i) => [c, i]));
  for (const g of groups) {
    const f = row.get(g.key.field as string);
    const r = col.get(g.key.region as string);
    if (f !== undefined && r !== undefined) matrix[f][r] += g.count;
  }
  const lq = locationQuotientMatrix(matrix);
  const zoneMatrix = matrix.map((m) =>
    [0, 1].map((z) => m.reduce((a, x, r) => a + ((units[r].zone === 'core') === (z === 0) ? x : 0), 0)),
  );
  const zoneLq = locationQuotientMatrix(zoneMatrix);
  const empty = units.filter((_, r) => matrix.every((m) => m[r] === 0)).map((u) => u.code);
  if (empty.length) notes.push(note('N_FIELD_LQ_NULL', (l) => msg.noteFieldLqNull(l, year, empty)));
  const rows: FieldRow[] = codes.map((c, f) => ({
    field: c,
    zh: label.get(c)?.zh ?? c,
    en: label.get(c)?.en ?? c,
    count: matrix[f].reduce((a, b) => a + b, 0),
    lq: Object.fromEntries(units.map((u, r) => [u.code, finiteOrNull(lq[f][r])])),
    coreLq: finiteOrNull(zoneLq[f][0]),
    peripheryLq: finiteOrNull(zoneLq[f][1]),
  }));
  const byField = new Map(rows.map((r) => [r.field, r]));
  const peripheryLq = Object.fromEntries(CLAIMED_PERIPHERY_FIELDS.map((f) => [f, byField.get(f)?.peripheryLq ?? null]));
  const absent = CLAIMED_PERIPHERY_FIELDS.filter((f) => !byField.has(f));
  if (absent.length)
    notes.push(
      note('N_CLAIMED_FIELDS_ABSENT', (l) =>
        msg.noteClaimedFieldsAbsent(
          l,
          year,
          absent.map((f) => (l === 'zh' ? label.get(f)?.zh : label.get(f)?.en) ?? f),
        ),
      ),
    );
  const values = Object.values(peripheryLq);
  const holds = values.some((v) => v === null) ? null : values.every((v) => (v as number) > 1);
  const peripheryTop = rows
    .filter((r) => r.peripheryLq !== null)
    .map((r) => ({ field: r.field, lq: r.peripheryLq as number }))
    .sort((a, b) => b.lq - a.lq || (a.field < b.field ? -1 : 1))
    .slice(0, 3);
  return {
    year,
    regions: units.map((u) => u.code),
    rows,
    literatureClaim: { fields: [...CLAIMED_PERIPHERY_FIELDS], peripheryLq, holds },
    peripheryTop,
    notes,
  };
}
