import { FIELDS, FIELD_BY_NAME, NUMERIC_KINDS } from './fields.js';
import type { Dataset } from './dataset.js';

/** One converted row: numbers (NaN missing), categories and text (null missing). */
export type RowValues = Record<string, number | string | null>;

/** A dictionary-encoded column being built: codes per row (-1 = missing), in chunks, and the distinct values in order of first use. */
interface CatBuild {
  chunks: Int32Array[];
  dict: string[];
  index: Map<string, number>;
}

/** A text column being built, with the table that keeps one copy of each repeated value. */
interface TextBuild {
  values: string[];
  /** Value → its stored copy; null once interning stopped paying (mostly distinct values). */
  intern: Map<string, string> | null;
  lookups: number;
  hits: number;
}

/** Rows per chunk of a column being built (columns grow by chunks, never by copying). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** Lookups after which a text column whose values hardly repeat stops interning them. */
const INTERN_PROBE = 1 << 16;

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 represents a
 * substring of 13 or more characters as a view into its parent string, so an id sliced
 * from a 64 KiB chunk of input would keep the whole chunk in memory for as long as the
 * dataset lives; concatenating and slicing again flattens it into a string of its own.
 */
export function detachString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Where one input header's fields live in a {@link DatasetBuilder}: a row is written into
 * `num`, `cat` and `text` (indexed by the builder's column slots, see
 * {@link DatasetBuilder.slotOf}) and appended with {@link DatasetBuilder.appendScratch}.
 * Slots of columns the input does not have keep NaN, null and ''.
 */
export interface RowScratch {
  num: Float64Array;
  cat: (string | null)[];
  text: string[];
}

/**
 * Accumulates accepted rows into growable typed columns and hands out a {@link Dataset}.
 * Text values (ids, names) are stored once per distinct value while they repeat (panels
 * repeat an organization's id and name every year) and never keep the input text they
 * were read from alive.
 *
 * @example
 * const b = new DatasetBuilder(['org_id', 'type', 'staff_fulltime']);
 * b.add({ org_id: 'X', type: 'foundation', staff_fulltime: 3 }, 0, 2);
 * b.finish('registry').num.staff_fulltime[0]; // => 3
 */
export class DatasetBuilder {
  private n = 0;
  private readonly numNames: string[] = [];
  /** Per numeric column, its chunks of CHUNK rows (the last one being filled). */
  private readonly numChunks: Float64Array[][] = [];
  private readonly catNames: string[] = [];
  private readonly catCols: CatBuild[] = [];
  private readonly textNames: string[] = [];
  private readonly textCols: TextBuild[] = [];
  private readonly fileChunks: Uint16Array[] = [];
  private readonly lineChunks: Float64Array[] = [];
  /** The chunks rows are being written to now (the last of each list). */
  private numTail: Float64Array[] = [];
  private catTail: Int32Array[] = [];
  private fileTail = new Uint16Array(0);
  private lineTail = new Float64Array(0);

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
    const chunks = this.fileChunks.length;
    if (NUMERIC_KINDS.has(def.kind) || def.kind === 'date') {
      this.numNames.push(name);
      this.numChunks.push(Array.from({ length: chunks }, () => new Float64Array(CHUNK).fill(NaN)));
      this.numTail = this.numChunks.map((c) => c[c.length - 1]);
    } else if (def.kind === 'category' || def.kind === 'region') {
      this.catNames.push(name);
      this.catCols.push({ chunks: Array.from({ length: chunks }, () => new Int32Array(CHUNK).fill(-1)), dict: [], index: new Map() });
      this.catTail = this.catCols.map((c) => c.chunks[c.chunks.length - 1]);
    } else {
      this.textNames.push(name);
      this.textCols.push({ values: new Array<string>(this.n).fill(''), intern: new Map(), lookups: 0, hits: 0 });
    }
  }

  /** Canonical fields with a column, in canonical order. */
  get fields(): string[] {
    return FIELDS.map((f) => f.name).filter((n) => this.present.includes(n));
  }

  /**
   * The slot of a field's column: its index among the numeric (dates included), category
   * (and region) or text columns, by kind; -1 when the builder has no such column.
   */
  slotOf(name: string): number {
    const def = FIELD_BY_NAME.get(name);
    if (!def) return -1;
    if (NUMERIC_KINDS.has(def.kind) || def.kind === 'date') return this.numNames.indexOf(name);
    if (def.kind === 'category' || def.kind === 'region') return this.catNames.indexOf(name);
    return this.textNames.indexOf(name);
  }

  /** An empty row in the builder's current column layout (all missing). */
  scratch(): RowScratch {
    return { num: new Float64Array(this.numChunks.length).fill(NaN), cat: new Array<string | null>(this.catCols.length).fill(null), text: new Array<string>(this.textCols.length).fill('') };
  }

  /** Start the next chunk of every column. */
  private addChunk(): void {
    this.numTail = this.numChunks.map((c) => {
      const a = new Float64Array(CHUNK).fill(NaN);
      c.push(a);
      return a;
    });
    this.catTail = this.catCols.map((c) => {
      const a = new Int32Array(CHUNK).fill(-1);
      c.chunks.push(a);
      return a;
    });
    this.fileChunks.push((this.fileTail = new Uint16Array(CHUNK)));
    this.lineChunks.push((this.lineTail = new Float64Array(CHUNK)));
  }

  /** Append one accepted row. */
  add(row: RowValues, file: number, line: number): void {
    if ((this.n & CHUNK_MASK) === 0) this.addChunk();
    const i = this.n++ & CHUNK_MASK;
    for (let s = 0; s < this.numTail.length; s++) {
      const v = row[this.numNames[s]];
      this.numTail[s][i] = typeof v === 'number' ? v : NaN;
    }
    for (let s = 0; s < this.catTail.length; s++) {
      const v = row[this.catNames[s]];
      this.catTail[s][i] = v === null || v === undefined ? -1 : this.catCode(s, String(v));
    }
    for (let s = 0; s < this.textCols.length; s++) {
      const v = row[this.textNames[s]];
      this.pushText(s, v === null || v === undefined ? '' : String(v));
    }
    this.fileTail[i] = file;
    this.lineTail[i] = line;
  }

  /**
   * Append one accepted row held in a {@link RowScratch} laid out like this builder's
   * columns (same result as {@link add} with the same values).
   */
  appendScratch(row: RowScratch, file: number, line: number): void {
    if ((this.n & CHUNK_MASK) === 0) this.addChunk();
    const i = this.n++ & CHUNK_MASK;
    const num = row.num;
    const numTail = this.numTail;
    for (let s = 0; s < num.length; s++) numTail[s][i] = num[s];
    const cat = row.cat;
    for (let s = 0; s < cat.length; s++) {
      const v = cat[s];
      this.catTail[s][i] = v === null ? -1 : this.catCode(s, v);
    }
    const text = row.text;
    for (let s = 0; s < text.length; s++) this.pushText(s, text[s]);
    this.fileTail[i] = file;
    this.lineTail[i] = line;
  }

  /** Text of an added row (text slot from {@link slotOf}). */
  textAt(slot: number, row: number): string {
    return this.textCols[slot].values[row];
  }

  /** Number of an added row (numeric slot from {@link slotOf}; NaN = missing). */
  numAt(slot: number, row: number): number {
    return this.numChunks[slot][row >>> CHUNK_BITS][row & CHUNK_MASK];
  }

  /** Input file index and physical line of an added row. */
  sourceOf(row: number): { file: number; line: number } {
    return { file: this.fileChunks[row >>> CHUNK_BITS][row & CHUNK_MASK], line: this.lineChunks[row >>> CHUNK_BITS][row & CHUNK_MASK] };
  }

  private catCode(slot: number, s: string): number {
    const col = this.catCols[slot];
    let c = col.index.get(s);
    if (c === undefined) {
      c = col.dict.length;
      s = detachString(s);
      col.dict.push(s);
      col.index.set(s, c);
    }
    return c;
  }

  private pushText(slot: number, s: string): void {
    const col = this.textCols[slot];
    const intern = col.intern;
    if (s.length === 0) {
      col.values.push('');
      return;
    }
    if (intern === null) {
      col.values.push(detachString(s));
      return;
    }
    col.lookups++;
    let kept = intern.get(s);
    if (kept === undefined) {
      kept = detachString(s);
      intern.set(kept, kept);
    } else col.hits++;
    col.values.push(kept);
    // values that hardly repeat (a registry list: one row per organization) cost a table
    // entry each and save nothing
    if (col.lookups === INTERN_PROBE && col.hits * 4 < col.lookups) col.intern = null;
  }

  /** Number of rows so far. */
  get length(): number {
    return this.n;
  }

  /** Freeze into a Dataset (one exact-length array per column); the builder is spent afterwards. */
  finish(shape: Dataset['shape']): Dataset {
    const n = this.n;
    // join column by column, letting go of each column's chunks at once so that the peak
    // holds the table once plus one column, not twice
    const join = <T extends Float64Array | Int32Array | Uint16Array>(chunks: T[], out: T): T => {
      for (let c = 0; c < chunks.length; c++) {
        const from = c * CHUNK;
        out.set(chunks[c].subarray(0, Math.min(CHUNK, n - from)), from);
      }
      chunks.length = 0;
      return out;
    };
    const num = this.numNames.map((k, s) => [k, join(this.numChunks[s], new Float64Array(n))] as const);
    const cat = this.catNames.map((k, s) => [k, { codes: join(this.catCols[s].chunks, new Int32Array(n)), dict: this.catCols[s].dict }] as const);
    this.numTail = [];
    this.catTail = [];
    return {
      length: n,
      present: this.fields,
      num: Object.fromEntries(num),
      cat: Object.fromEntries(cat),
      text: Object.fromEntries(this.textNames.map((k, s) => [k, this.textCols[s].values])),
      source: { file: join(this.fileChunks, new Uint16Array(n)), line: join(this.lineChunks, new Float64Array(n)) },
      shape,
    };
  }
}
