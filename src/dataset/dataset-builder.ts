import { FIELDS, FIELD_BY_NAME, NUMERIC_KINDS } from './fields.js';
import type { Dataset } from './dataset.js';

/** One converted row: numbers (NaN missing), categories and text (null missing). */
export type RowValues = Record<string, number | string | null>;

/**
 * Accumulates accepted rows into growable typed columns and hands out a {@link Dataset}.
 *
 * @example
 * const b = new DatasetBuilder(['org_id', 'type', 'staff_fulltime']);
 * b.add({ org_id: 'X', type: 'foundation', staff_fulltime: 3 }, 0, 2);
 * b.finish('registry').num.staff_fulltime[0]; // => 3
 */
export class DatasetBuilder {
  private n = 0;
  private cap = 1024;
  private readonly num = new Map<string, Float64Array>();
  private readonly cat = new Map<string, { codes: Int32Array; dict: string[]; index: Map<string, number> }>();
  private readonly text = new Map<string, string[]>();
  private fileIdx = new Uint16Array(this.cap);
  private lines = new Float64Array(this.cap);

  private readonly present: string[] = [];

  /** @param present canonical fields the input has */
  constructor(present: string[]) {
    for (const name of present) this.ensureField(name);
  }

  /** Add a column for `name` if it has none yet (earlier rows read as missing). */
  ensureField(name: string): void {
    if (this.present.includes(name)) return;
    this.present.push(name);
    const def = FIELD_BY_NAME.get(name)!;
    if (NUMERIC_KINDS.has(def.kind) || def.kind === 'date') this.num.set(name, new Float64Array(this.cap).fill(NaN));
    else if (def.kind === 'category' || def.kind === 'region') this.cat.set(name, { codes: new Int32Array(this.cap).fill(-1), dict: [], index: new Map() });
    else this.text.set(name, new Array<string>(this.n).fill(''));
  }

  /** Canonical fields with a column, in canonical order. */
  get fields(): string[] {
    return FIELDS.map((f) => f.name).filter((n) => this.present.includes(n));
  }

  /** Append one accepted row. */
  add(row: RowValues, file: number, line: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    for (const [name, col] of this.num) {
      const v = row[name];
      col[i] = typeof v === 'number' ? v : NaN;
    }
    for (const [name, col] of this.cat) {
      const v = row[name];
      if (v === null || v === undefined) col.codes[i] = -1;
      else {
        const s = String(v);
        let c = col.index.get(s);
        if (c === undefined) {
          c = col.dict.length;
          col.dict.push(s);
          col.index.set(s, c);
        }
        col.codes[i] = c;
      }
    }
    for (const [name, col] of this.text) col.push(row[name] === null || row[name] === undefined ? '' : String(row[name]));
    this.fileIdx[i] = file;
    this.lines[i] = line;
  }

  /** Number of rows so far. */
  get length(): number {
    return this.n;
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Float64Array | Int32Array | Uint16Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(this.cap);
      b.set(a);
      return b;
    };
    for (const [k, v] of this.num) this.num.set(k, g(v, Float64Array));
    for (const v of this.cat.values()) v.codes = g(v.codes, Int32Array);
    this.fileIdx = g(this.fileIdx, Uint16Array);
    this.lines = g(this.lines, Float64Array);
  }

  /** Freeze into a Dataset (arrays trimmed to length). */
  finish(shape: Dataset['shape']): Dataset {
    const n = this.n;
    return {
      length: n,
      present: this.fields,
      num: Object.fromEntries([...this.num].map(([k, v]) => [k, v.slice(0, n)])),
      cat: Object.fromEntries([...this.cat].map(([k, v]) => [k, { codes: v.codes.slice(0, n), dict: v.dict }])),
      text: Object.fromEntries(this.text),
      source: { file: this.fileIdx.slice(0, n), line: this.lines.slice(0, n) },
      shape,
    };
  }
}
