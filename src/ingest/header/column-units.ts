import { headerUnit, isMoneyField, unitConflict, type Unit } from './header-unit.js';

/** A unit soqa read for a column, for provenance and the data-quality appendix. */
export interface ColumnUnit {
  /** The header as written. */
  header: string;
  /** The field (or measure) it feeds. */
  field: string;
  /** The unit as written (`万元`). */
  unit: string;
  /** What one unit is in the field's own unit (yuan per 万元: 10000); 1 for count units. */
  factor: number;
  /** Where the unit was written: in the header, or on a unit line above the table. */
  from: 'header' | 'unit-line';
}

/** The units of a header row's columns. */
export interface ColumnUnits {
  /** Factor per column (1 where nothing is converted). */
  scale: number[];
  /** The money units read, in column order (count units convert nothing and are not listed). */
  units: ColumnUnit[];
  /** Columns whose unit contradicts their field: header and reason. */
  conflicts: { header: string; field: string; reason: string }[];
}

/**
 * Read the units of a header row's columns: the unit in a header's trailing parentheses, or
 * for a money column without one, the money unit of the table's unit line (`单位：万元`). A
 * money column gets the factor that converts it to yuan; a unit that contradicts its
 * field (a % in a count column) is a conflict.
 *
 * @param headers the header cells
 * @param fieldAt the field (or measure) each column feeds, or null
 * @param lineUnit the unit of the table's unit line, if any
 * @returns factors, units and conflicts
 * @example
 * columnUnits(['捐赠收入（万元）'], () => 'rev_donations', null).scale; // => [10000]
 */
export function columnUnits(
  headers: readonly string[],
  fieldAt: (column: number) => string | null,
  lineUnit: Unit | null,
): ColumnUnits {
  const out: ColumnUnits = { scale: headers.map(() => 1), units: [], conflicts: [] };
  headers.forEach((header, c) => {
    const field = fieldAt(c);
    if (field === null) return;
    const own = headerUnit(header);
    const unit = own ?? (lineUnit?.kind === 'money' && isMoneyField(field) ? lineUnit : null);
    if (!unit) return;
    const reason = unitConflict(field, unit);
    if (reason) {
      out.conflicts.push({ header, field, reason });
      return;
    }
    out.scale[c] = unit.factor;
    // count units (人, 个) only say what the column holds; money units are stated with their factor
    if (unit.kind === 'money')
      out.units.push({ header, field, unit: unit.text, factor: unit.factor, from: own ? 'header' : 'unit-line' });
  });
  return out;
}
