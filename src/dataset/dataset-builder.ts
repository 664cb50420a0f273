import { FIELDS, FIELD_BY_NAME, NUMERIC_KINDS } from './fields.js';
import type { Dataset } from './dataset.js';
import { StringDictionary } from './string-dictionary.js';

/** One converted row: numbers (NaN missing), categories and text (null missing). */
export type RowValues = Record<string, number | string | null>;

/** A dictionary-encoded column being built: codes per row (-1 = missing) and the distinct values in order of first use. */
interface CatBuild {
  codes: Growable<Int32Array>;
  dict: StringDictionary;
}

/** A text column being built, with the table that keeps one copy of each repeated value. */
interface TextBuild {
  values: string[];
  /** Value → its stored copy; null once interning stopped paying (mostly distinct values). */
  intern: Map<string, string> | null;
  lookups: number;
  hits: number;
}

/** Rows added to every column's capacity at a time. */
const STEP = 1 << 16;
/** Rows a column reserves address space for at first (more are moved once into a larger reservation). */
const FIRST_RESERVE = 1 << 27;

type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array;

/** ES2024 resizable ArrayBuffer (Node 20+); the project's TypeScript lib predates its types. */
interface ResizableBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableBuffer;

/**
 * A column that grows in place: a typed array over a resizable ArrayBuffer that reserves
 * address space for many rows and commits memory only as rows arrive. Growing never
 * copies, and the finished column is the same memory trimmed to its length, so the peak
 * holds the table once (a copy into exact-length arrays would hold it twice, and the
 * allocator keeps freed blocks in the process).
 */
class Growable<T extends Typed> {
  private buffer: ResizableBuffer;
  view: T;

  constructor(
    private readonly make: (b: ArrayBuffer, length: number) => T,
    private readonly bytes: number,
    private readonly fill: number,
    rows: number,
  ) {
    this.buffer = new ResizableArrayBuffer(0, { maxByteLength: Math.max(FIRST_RESERVE, rows * 2) * bytes });
    this.view = make(this.buffer, 0);
    this.resize(rows);
  }

  /**
   * Set the capacity to `rows`. New rows are not filled: every appended row writes every
   * column, and memory committed but never written is never faulted in (a fresh page costs
   * ~20 µs on this kind of virtual machine; PERFORMANCE.md, "Where the time goes").
   */
  resize(rows: number): void {
    const old = this.view.length;
    if (rows * this.bytes > this.buffer.maxByteLength) {
      const bigger = new ResizableArrayBuffer(0, {
        maxByteLength: Math.min(rows * 4, Math.floor(2 ** 32 / this.bytes)) * this.bytes,
      });
      bigger.resize(old * this.bytes);
      new Uint8Array(bigger).set(new Uint8Array(this.buffer, 0, old * this.bytes));
      this.buffer = bigger;
    }
    this.buffer.resize(rows * this.bytes);
    this.view = this.make(this.buffer, rows);
  }

  /** Set rows `from` to `to` to the fill value (NaN, -1 or 0): a loop, TypedArray fill costs ~20 ns a value in Node 20. */
  fillRange(from: number, to: number): void {
    if (this.fill === 0) return;
    const v = this.view;
    const f = this.fill;
    for (let i = from; i < to; i++) v[i] = f;
  }

  /**
   * The first `rows` values in a plain (fixed-length) typed array, releasing this column's
   * memory at once: loops read a view of a resizable buffer several times slower in Node
   * 20, and shrinking the buffer to nothing returns its pages, so the copy costs one
   * column of memory at a time, not the table.
   */
  /**
   * The first `rows` values as a fixed-length view of this column's own (resizable) buffer,
   * without a copy: for columns handed to another thread (transferred) and only copied
   * there, where a copy here would cost a second write of every value and the page faults
   * of fresh memory (docs/PERFORMANCE.md). The buffer is not shrunk: capacity never written
   * was never faulted in, and a shrink costs ~0.3 ms per column (a range worker of a
   * streamed 1M-row read would spend ~0.5 s on it). The column is spent afterwards.
   */
  inPlace(rows: number): T {
    const view = this.make(this.buffer, rows);
    this.view = this.make(new ArrayBuffer(0), 0);
    return view;
  }

  toPlain(rows: number): T {
    const plain = this.make(new ArrayBuffer(rows * this.bytes), rows);
    // as bytes: set() from a subarray of a resizable buffer goes value by value in Node 20 (~35 ns each)
    new Uint8Array(plain.buffer).set(new Uint8Array(this.buffer, 0, rows * this.bytes));
    this.buffer.resize(0);
    this.view = this.make(this.buffer, 0);
    return plain;
  }
}

const f64 = (rows: number) =>
  new Growable<Float64Array | Float32Array>((b, n) => new Float64Array(b, 0, n), 8, NaN, rows);
const f32 = (rows: number) =>
  new Growable<Float64Array | Float32Array>((b, n) => new Float32Array(b, 0, n), 4, NaN, rows);
const i32 = (rows: number) => new Growable((b, n) => new Int32Array(b, 0, n), 4, -1, rows);
const u32 = (rows: number) => new Growable((b, n) => new Uint32Array(b, 0, n), 4, 0, rows);
const u16 = (rows: number) => new Growable((b, n) => new Uint16Array(b, 0, n), 2, 0, rows);

/**
 * True when `v` is NaN or a number that a Float32Array stores exactly (so reading it back gives `v`).
 *
 * @param v the number
 * @returns whether 4 bytes hold it
 * @example
 * fitsFloat32(0.5); // => true
 * fitsFloat32(0.1); // => false
 */
export function fitsFloat32(v: number): boolean {
  return Math.fround(v) === v || v !== v;
}

/**
 * Whether a numeric column of this field is 8 bytes from its first row: dates (yyyymmdd
 * is beyond a float's exact integers); the other numeric kinds start in 4 bytes and
 * widen on the first value that does not fit.
 *
 * @param name a canonical numeric or date field
 * @returns true for 8 bytes from the start
 * @example
 * numColumnStartsWide('registered'); // => true
 */
export function numColumnStartsWide(name: string): boolean {
  return FIELD_BY_NAME.get(name)?.kind === 'date';
}

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
  private cap = 0;
  private readonly numNames: string[] = [];
  /** Numeric columns: 4-byte floats while every value fits exactly, 8-byte from the first value that does not (see {@link widen}). */
  private numCols: Growable<Float64Array | Float32Array>[] = [];
  /** 1 for a numeric column stored in 8 bytes. */
  private wide = new Uint8Array(0);
  private readonly catNames: string[] = [];
  private readonly catCols: CatBuild[] = [];
  private readonly textNames: string[] = [];
  private readonly textCols: TextBuild[] = [];
  private readonly fileIdx = u16(0);
  private readonly lines = u32(0);
  /** The columns' current arrays (replaced when they grow). */
  private numViews: (Float64Array | Float32Array)[] = [];
  private catViews: Int32Array[] = [];

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
    if (NUMERIC_KINDS.has(def.kind) || def.kind === 'date') {
      this.numNames.push(name);
      // dates (yyyymmdd) are beyond a float's exact integers; the other kinds usually fit
      const isWide = numColumnStartsWide(name);
      const col = isWide ? f64(this.cap) : f32(this.cap);
      col.fillRange(0, this.n);
      this.numCols.push(col);
      const wide = new Uint8Array(this.numCols.length);
      wide.set(this.wide);
      wide[this.numCols.length - 1] = isWide ? 1 : 0;
      this.wide = wide;
    } else if (def.kind === 'category' || def.kind === 'region') {
      this.catNames.push(name);
      const codes = i32(this.cap);
      codes.fillRange(0, this.n);
      this.catCols.push({ codes, dict: new StringDictionary() });
    } else {
      this.textNames.push(name);
      this.textCols.push({ values: new Array<string>(this.n).fill(''), intern: new Map(), lookups: 0, hits: 0 });
    }
    this.views();
  }

  private views(): void {
    this.numViews = this.numCols.map((c) => c.view);
    this.catViews = this.catCols.map((c) => c.codes.view);
  }

  /**
   * Move numeric column `s` to 8-byte storage, keeping its values: called before writing
   * the first value that a 4-byte float would change, so every column reads back exactly
   * what was written.
   */
  private widen(s: number): void {
    const old = this.numCols[s];
    const col = f64(this.cap);
    col.view.set(old.view.subarray(0, this.n));
    this.numCols[s] = col;
    this.wide[s] = 1;
    this.views();
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
    return {
      num: new Float64Array(this.numCols.length).fill(NaN),
      cat: new Array<string | null>(this.catCols.length).fill(null),
      text: new Array<string>(this.textCols.length).fill(''),
    };
  }

  /**
   * Make room for `rows` rows in every column at once (a reader that can tell how many rows
   * are coming: one resize instead of one per STEP rows).
   *
   * @param rows the rows expected in all
   */
  reserve(rows: number): void {
    if (rows <= this.cap) return;
    this.cap = rows;
    for (const c of this.numCols) c.resize(this.cap);
    for (const c of this.catCols) c.codes.resize(this.cap);
    this.fileIdx.resize(this.cap);
    this.lines.resize(this.cap);
    this.views();
  }

  /** Room for STEP more rows in every column. */
  private grow(): void {
    this.cap += STEP;
    for (const c of this.numCols) c.resize(this.cap);
    for (const c of this.catCols) c.codes.resize(this.cap);
    this.fileIdx.resize(this.cap);
    this.lines.resize(this.cap);
    this.views();
  }

  /** Append one accepted row. */
  add(row: RowValues, file: number, line: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    for (let s = 0; s < this.numViews.length; s++) {
      const x = row[this.numNames[s]];
      const v = typeof x === 'number' ? x : NaN;
      if (this.wide[s] === 0 && !fitsFloat32(v)) this.widen(s);
      this.numViews[s][i] = v;
    }
    for (let s = 0; s < this.catViews.length; s++) {
      const v = row[this.catNames[s]];
      this.catViews[s][i] = v === null || v === undefined ? -1 : this.catCode(s, String(v));
    }
    for (let s = 0; s < this.textCols.length; s++) {
      const v = row[this.textNames[s]];
      this.pushText(s, v === null || v === undefined ? '' : String(v));
    }
    this.fileIdx.view[i] = file;
    this.lines.view[i] = line;
  }

  /**
   * Append one accepted row held in a {@link RowScratch} laid out like this builder's
   * columns (same result as {@link add} with the same values).
   */
  appendScratch(row: RowScratch, file: number, line: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    const num = row.num;
    const wide = this.wide;
    for (let s = 0; s < num.length; s++) {
      const v = num[s];
      if (wide[s] === 0 && Math.fround(v) !== v && v === v) this.widen(s);
      this.numViews[s][i] = v;
    }
    // columns added after the scratch row was made are missing in it
    for (let s = num.length; s < this.numViews.length; s++) this.numViews[s][i] = NaN;
    const cat = row.cat;
    for (let s = 0; s < cat.length; s++) {
      const v = cat[s];
      this.catViews[s][i] = v === null ? -1 : this.catCode(s, v);
    }
    for (let s = cat.length; s < this.catViews.length; s++) this.catViews[s][i] = -1;
    const text = row.text;
    for (let s = 0; s < text.length; s++) this.pushText(s, text[s]);
    for (let s = text.length; s < this.textCols.length; s++) this.pushText(s, '');
    this.fileIdx.view[i] = file;
    this.lines.view[i] = line;
  }

  private catCode(slot: number, s: string): number {
    return this.catCols[slot].dict.code(s, detachString);
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

  /**
   * Hand over the rows added so far as a dataset (as {@link finish} does) and start again
   * empty, with the same columns in the same slots: for reading an input chunk by chunk.
   *
   * @param shape panel or registry
   * @returns the rows so far
   */
  flush(shape: Dataset['shape']): Dataset {
    const ds = this.finish(shape);
    this.n = 0;
    this.cap = 0;
    this.numCols = this.numNames.map((name) => (numColumnStartsWide(name) ? f64(0) : f32(0)));
    this.wide = Uint8Array.from(this.numNames, (name) => (numColumnStartsWide(name) ? 1 : 0));
    for (const c of this.catCols) c.dict = new StringDictionary();
    for (const t of this.textCols) {
      t.values = [];
      t.intern = new Map();
      t.lookups = 0;
      t.hits = 0;
    }
    this.views();
    return ds;
  }

  /**
   * Freeze into a Dataset: every column moved, one at a time, into a plain array of the row
   * count; the builder is spent afterwards.
   *
   * @param shape panel or registry
   * @param options `inPlace`: give each column as a fixed-length view of the buffer it grew
   *   in, without copying (default false): for a range worker's output, transferred to the
   *   main thread and copied there once (`mergeColumns`); loops over plain arrays are the
   *   ones the analyses should read
   * @returns the dataset
   */
  finish(shape: Dataset['shape'], options: { inPlace?: boolean } = {}): Dataset {
    const n = this.n;
    const trim = <T extends Typed>(g: Growable<T>): T => (options.inPlace ? g.inPlace(n) : g.toPlain(n));
    return {
      length: n,
      present: this.fields,
      num: Object.fromEntries(this.numNames.map((k, s) => [k, trim(this.numCols[s])])),
      cat: Object.fromEntries(
        this.catNames.map((k, s) => [k, { codes: trim(this.catCols[s].codes), dict: this.catCols[s].dict.values }]),
      ),
      text: Object.fromEntries(this.textNames.map((k, s) => [k, this.textCols[s].values])),
      source: { file: trim(this.fileIdx), line: trim(this.lines) },
      shape,
    };
  }
}
