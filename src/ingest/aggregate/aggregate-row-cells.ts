import type { CellProblem } from '../convert-row.js';
import { parseNumberUnit, scaleDecimal } from '../values/parse-number.js';
import { normalizeText } from '../../domain/normalize-text.js';
import type { TotalKind } from './aggregate-columns.js';
import type { AggregateRowContext } from './aggregate-row-context.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Num = { ok: true; value: number | null } | { ok: false; code: string; reason: string };

/** Read a total of the given kind (`count` and `flags` are whole numbers ≥ 0, `amount` ≥ 0), in its column's unit `scale`. */
function readTotal(raw: string, kind: TotalKind, scale: number): Num {
  const r = parseNumberUnit(raw);
  if (!r.ok) return { ok: false, code: 'R_BAD_NUMBER', reason: r.reason };
  if (r.value === null) return { ok: true, value: null };
  // a column in 万元 is read in yuan; a cell that writes its own unit (12.5万元) is not rescaled
  const v = scale !== 1 && !r.unit ? scaleDecimal(r.value, scale) : r.value;
  if (kind === 'number') return { ok: true, value: v };
  if (v < 0)
    return {
      ok: false,
      code: 'R_NEGATIVE',
      reason: 'is negative; a count or total of this column cannot be below zero',
    };
  if (kind !== 'amount' && !Number.isInteger(v))
    return { ok: false, code: 'R_NOT_INTEGER', reason: 'is not a whole number' };
  return { ok: true, value: v };
}

/**
 * The cells of one aggregated row as its conversion reads them: each read checks the cell
 * (control characters, decoding failures, numbers) and notes a reason to reject the row in
 * `rejects` instead of throwing.
 */
export class AggregateRowCells {
  /** Reasons to reject the row found so far. */
  readonly rejects: CellProblem[] = [];
  /** Warnings found so far. */
  readonly warnings: CellProblem[] = [];

  /**
   * @param fields the row's cells
   * @param ctx header mapping and lookups
   */
  constructor(
    readonly fields: string[],
    readonly ctx: AggregateRowContext,
  ) {}

  /** The column's label for messages: `name`, or `name (header)` when the header says otherwise. */
  col(name: string, index: number): string {
    const { headers } = this.ctx;
    return headers[index] === name ? name : `${name} (${headers[index]})`;
  }

  /** The cell at `index`, checked for control characters and decoding failures (null after a reject), its value aliases applied. */
  cell(name: string, index: number): string | null {
    const raw = this.fields[index];
    const column = this.col(name, index);
    if (CONTROL.test(raw)) {
      this.rejects.push({
        code: 'R_CONTROL_CHAR',
        column,
        value: raw.slice(0, 40),
        reason: 'contains a control character (e.g. NUL); the file may be binary or corrupted',
      });
      return null;
    }
    if (raw.includes('\uFFFD')) {
      this.rejects.push({
        code: 'R_UNDECODABLE',
        column,
        value: raw.slice(0, 40),
        reason: 'contains bytes that could not be decoded; check --encoding',
      });
      return null;
    }
    const alias = this.ctx.valueAliases[name]?.get(normalizeText(raw).toLowerCase());
    return alias ?? raw;
  }

  /** Reject the row: a required cell is empty. */
  required(name: string, index: number, raw: string): void {
    this.rejects.push({
      code: 'R_REQUIRED_MISSING',
      column: this.col(name, index),
      value: raw,
      reason: 'is required but empty',
    });
  }

  /** A count or total cell: its value, null when empty, undefined after a reject. */
  total(name: string, index: number, kind: TotalKind): number | null | undefined {
    const raw = this.cell(name, index);
    if (raw === null) return undefined;
    const r = readTotal(raw, kind, this.ctx.header.units.scale[index] ?? 1);
    if (!r.ok) {
      this.rejects.push({ code: r.code, column: this.col(name, index), value: raw, reason: r.reason });
      return undefined;
    }
    return r.value;
  }
}
