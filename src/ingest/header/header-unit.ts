import { FIELD_BY_NAME } from '../../dataset/fields.js';

/** A unit read from a header (`捐赠收入（万元）`) or a unit line (`单位：万元`). */
export interface Unit {
  /** The unit as written, NFKC (`万元`, `%`, `个`). */
  text: string;
  /** `money` converts to yuan by `factor`; `count` and `percent` only say what a column holds. */
  kind: 'money' | 'count' | 'percent';
  /** Yuan per unit (money), else 1. */
  factor: number;
}

const UNITS: Readonly<Record<string, Omit<Unit, 'text'>>> = {
  元: { kind: 'money', factor: 1 },
  人民币元: { kind: 'money', factor: 1 },
  千元: { kind: 'money', factor: 1e3 },
  万元: { kind: 'money', factor: 1e4 },
  百万元: { kind: 'money', factor: 1e6 },
  亿元: { kind: 'money', factor: 1e8 },
  人: { kind: 'count', factor: 1 },
  名: { kind: 'count', factor: 1 },
  个: { kind: 'count', factor: 1 },
  家: { kind: 'count', factor: 1 },
  人次: { kind: 'count', factor: 1 },
  次: { kind: 'count', factor: 1 },
  '%': { kind: 'percent', factor: 1 },
};

/**
 * Read a unit token: 元, 千元, 万元, 百万元, 亿元 (money); 人, 名, 个, 家, 人次, 次 (count); % (also
 * full-width ％). `单位：` before it is allowed.
 *
 * @param text the token
 * @returns the unit, or null when the text is not one
 * @example
 * parseUnit('（万元）'.slice(1, -1)); // => { text: '万元', kind: 'money', factor: 10000 }
 */
export function parseUnit(text: string): Unit | null {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^单位\s*[:：]?\s*/, '');
  const u = UNITS[t];
  return u ? { text: t, ...u } : null;
}

/**
 * The unit of a header: the text in trailing parentheses (full-width or ASCII), e.g.
 * `捐赠收入（万元）`, `净资产(千元)`, `占比（%）`, `专职人员（人）`, `收入（单位：万元）`.
 *
 * @param header the header cell
 * @returns the unit, or null when there is none (or the parentheses hold something else)
 * @example
 * headerUnit('捐赠收入（万元）')?.factor; // => 10000
 */
export function headerUnit(header: string): Unit | null {
  const m = /\(([^()]*)\)\s*$/.exec(header.normalize('NFKC'));
  return m ? parseUnit(m[1]) : null;
}

/**
 * The unit a unit line states: a row of a table's preamble with a cell `单位：万元` (or
 * `单位:个`); the other cells may hold anything (a title, a date).
 *
 * @param cells the row's cells
 * @returns the unit, or null when no cell states one
 * @example
 * unitLine(['', '单位：万元']); // => { text: '万元', kind: 'money', factor: 10000 }
 */
export function unitLine(cells: readonly string[]): Unit | null {
  for (const c of cells) {
    const m = /^\s*单位\s*[:：]\s*(\S+)\s*$/.exec(c.normalize('NFKC'));
    if (m) return parseUnit(m[1]);
  }
  return null;
}

/** True for a field (or cube measure) that holds money in yuan. */
export function isMoneyField(name: string): boolean {
  return name === 'rev_total' || (FIELD_BY_NAME.get(name)?.unit?.startsWith('yuan') ?? false);
}

/**
 * Why a unit cannot be a field's: a percentage in any column soqa reads, money in a column
 * that is not money, a count unit in a money column. Null when they agree (or the field is
 * not numeric, e.g. a name).
 *
 * @param field canonical field (or measure) name
 * @param unit the column's unit
 * @returns the reason, or null
 * @example
 * unitConflict('staff_fulltime', parseUnit('%')!); // => 'is a count of persons, but its header says %'
 */
export function unitConflict(field: string, unit: Unit): string | null {
  const def = FIELD_BY_NAME.get(field);
  const money = isMoneyField(field);
  const numeric = money || def === undefined || ['count', 'amount', 'number', 'flag', 'rating'].includes(def.kind);
  if (!numeric) return null;
  const what = money ? 'an amount in yuan' : def ? `a ${def.kind}${def.unit ? ` of ${def.unit}` : ''}` : 'a count';
  if (unit.kind === 'percent') return `is ${what}, but its header says %`;
  if (unit.kind === 'money' && !money) return `is ${what}, but its header gives the money unit ${unit.text}`;
  if (unit.kind === 'count' && money) return `is ${what}, but its header gives the count unit ${unit.text}`;
  return null;
}
