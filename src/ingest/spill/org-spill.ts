import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CategoryColumn, Dataset, NumColumn } from '../../dataset/dataset.js';
import { StringDictionary } from '../../dataset/string-dictionary.js';
import { FIELD_BY_NAME, NUMERIC_KINDS } from '../../dataset/fields.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { OrgPart } from '../../dataset/org-rows.js';

/** One bucket of spilled rows: every row of its organizations, in input order. */
export type SpillPart = OrgPart;

/** Signals on which the spill files are removed before the process ends (Ctrl-C, kill, a closed terminal). */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Buckets the rows are spread over by organization (a bucket is read back whole). */
export const SPILL_BUCKETS = 64;

/** What a piece (one chunk's rows of one bucket) says about itself, before its bytes. */
interface PieceHead {
  n: number;
  /** Numeric columns and their bytes per value (4 or 8). */
  num: [string, 4 | 8][];
  /** Category columns and the chunk's dictionary of each. */
  cat: [string, string[]][];
  text: string[];
}

/**
 * Accepted rows written to temporary files, bucket by bucket by organization number, so that
 * an input far larger than memory can be read back one bucket (every row of 1/64 of the
 * organizations) at a time. A chunk's rows are sorted by bucket once, and each bucket's share
 * is appended to its file as one piece: a JSON head (row count, column types, the chunk's
 * category dictionaries), the numeric and code columns as raw bytes, the ids and names as
 * JSON. Files live in a fresh folder of the system's temporary folder (`TMPDIR`), readable
 * by the user only, and are removed by {@link close}, or when the process gets SIGINT,
 * SIGTERM or SIGHUP (then the signal ends it as before).
 *
 * @throws SoqaError E_SPILL (exit 3) when the files cannot be made, written or read (a full disk, no permission)
 * @example
 * const spill = new OrgSpill();
 * spill.append(chunk, orgs);
 * for (const part of spill.parts()) check(part.ds);
 * spill.close();
 */
export class OrgSpill {
  private readonly dir: string;
  private readonly fds: number[] = [];
  private readonly counts = new Float64Array(SPILL_BUCKETS);
  /** Per bucket, the numeric columns some piece stored in 8 bytes. */
  private readonly wide: Set<string>[] = Array.from({ length: SPILL_BUCKETS }, () => new Set());
  private rowsSoFar = 0;
  private present: string[] = [];
  private shape: Dataset['shape'] = 'panel';

  /** Removes the files when the process is interrupted, then lets the signal end it as it would have. */
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.close();
    process.kill(process.pid, signal);
  };

  /** @param parent where to make the spill folder (default: the system's temporary folder) */
  constructor(parent = tmpdir()) {
    this.dir = spillIo(parent, () => mkdtempSync(join(parent, 'soqa-spill-')));
    for (const s of SIGNALS) process.once(s, this.onSignal);
  }

  /**
   * Spill a chunk of accepted rows (after the chunks before it in input order).
   *
   * @param chunk the rows
   * @param orgs each row's organization number
   */
  append(chunk: Dataset, orgs: Int32Array): void {
    this.present = chunk.present;
    this.shape = chunk.shape;
    const n = chunk.length;
    // rows sorted by bucket (stable): bucket b's rows are perm[start[b] .. start[b + 1])
    const start = new Uint32Array(SPILL_BUCKETS + 1);
    for (let r = 0; r < n; r++) start[(orgs[r] % SPILL_BUCKETS) + 1]++;
    for (let b = 0; b < SPILL_BUCKETS; b++) start[b + 1] += start[b];
    const next = start.slice(0, SPILL_BUCKETS);
    const perm = new Uint32Array(n);
    for (let r = 0; r < n; r++) perm[next[orgs[r] % SPILL_BUCKETS]++] = r;
    const numNames = Object.keys(chunk.num);
    const catNames = Object.keys(chunk.cat);
    const textNames = Object.keys(chunk.text);
    const rowNumbers = new Uint32Array(n);
    for (let k = 0; k < n; k++) rowNumbers[k] = perm[k] + this.rowsSoFar;
    const bytes: ArrayBufferView[] = [
      ...numNames.map((k) => {
        const col = chunk.num[k];
        return col instanceof Float64Array ? gatherF64(col, perm) : gatherF32(col, perm);
      }),
      ...catNames.map((k) => gatherI32(chunk.cat[k].codes, perm)),
      gatherI32(orgs, perm),
      rowNumbers,
      gatherU32(chunk.source.line, perm),
      gatherU16(chunk.source.file, perm),
    ];
    const head = (m: number): PieceHead => ({
      n: m,
      num: numNames.map((k) => [k, chunk.num[k] instanceof Float64Array ? 8 : 4]),
      cat: catNames.map((k) => [k, chunk.cat[k].dict]),
      text: textNames,
    });
    for (let b = 0; b < SPILL_BUCKETS; b++) {
      const a = start[b];
      const z = start[b + 1];
      if (a === z) continue;
      const h = Buffer.from(JSON.stringify(head(z - a)));
      const text = Buffer.from(
        JSON.stringify(textNames.map((k) => Array.from(perm.subarray(a, z), (r) => chunk.text[k][r]))),
      );
      const sizes = Uint32Array.of(h.length, text.length);
      const slices = bytes.map((col) => {
        const per = (col as Float64Array).BYTES_PER_ELEMENT;
        return new Uint8Array(col.buffer, col.byteOffset + a * per, (z - a) * per);
      });
      spillIo(this.dir, () => writevSync(this.fd(b), [new Uint8Array(sizes.buffer), h, ...slices, text]));
      for (const k of numNames) if (chunk.num[k] instanceof Float64Array) this.wide[b].add(k);
      this.counts[b] += z - a;
    }
    this.rowsSoFar += n;
  }

  /**
   * Read the buckets back one at a time (buckets without rows are skipped).
   *
   * @returns the parts, bucket by bucket
   */
  *parts(): Generator<SpillPart> {
    for (let b = 0; b < SPILL_BUCKETS; b++) if (this.counts[b] > 0) yield this.readBucket(b);
  }

  /**
   * The bucket holding every row of organization `org`.
   *
   * @param org the number of an organization whose rows were spilled
   * @returns the bucket's rows
   * @throws SoqaError E_INTERNAL when no row of that bucket was spilled, E_SPILL when it cannot be read
   */
  bucketOf(org: number): SpillPart {
    const b = org % SPILL_BUCKETS;
    if (!(org >= 0 && this.counts[b] > 0))
      throw new SoqaError('E_INTERNAL', msg.internalError(`organization ${org} has no spilled rows`));
    return this.readBucket(b);
  }

  /** Close and remove the spill files (safe to call twice). */
  close(): void {
    for (const s of SIGNALS) process.removeListener(s, this.onSignal);
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
    this.fds.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private fd(b: number): number {
    return (this.fds[b] ??= openSync(join(this.dir, `bucket-${b}`), 'a', 0o600));
  }

  /** One bucket's pieces joined into a dataset, its columns made once at the bucket's size. */
  private readBucket(b: number): SpillPart {
    const total = this.counts[b];
    const buf = spillIo(this.dir, () => readFileSync(join(this.dir, `bucket-${b}`)));
    const num: Record<string, NumColumn> = {};
    const cat: Record<string, CategoryColumn> = {};
    const dicts: Record<string, StringDictionary> = {};
    const text: Record<string, string[]> = {};
    const orgs = new Int32Array(total);
    const rows = new Uint32Array(total);
    const line = new Uint32Array(total);
    const file = new Uint16Array(total);
    /** Copy `m` values (of the column's element size) from the file at `at` into `col` from row `to`; returns the next position. */
    const copy = (
      col: Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array,
      to: number,
      at: number,
      m: number,
    ): number => {
      const per = col.BYTES_PER_ELEMENT;
      new Uint8Array(col.buffer, col.byteOffset + to * per, m * per).set(buf.subarray(at, at + m * per));
      return at + m * per;
    };
    let to = 0;
    for (let at = 0; at < buf.length;) {
      const headLen = buf.readUInt32LE(at);
      const textLen = buf.readUInt32LE(at + 4);
      at += 8;
      const h = JSON.parse(buf.toString('utf8', at, at + headLen)) as PieceHead;
      at += headLen;
      const m = h.n;
      for (const [k, per] of h.num) {
        num[k] ??= this.wide[b].has(k) ? new Float64Array(total).fill(NaN) : new Float32Array(total).fill(NaN);
        const col = num[k];
        if (per === col.BYTES_PER_ELEMENT) at = copy(col, to, at, m);
        else {
          // a 4-byte piece of a column other pieces needed 8 bytes for
          const piece = new Float32Array(m);
          at = copy(piece, 0, at, m);
          col.set(piece, to);
        }
      }
      for (const [k, dict] of h.cat) {
        cat[k] ??= { codes: new Int32Array(total).fill(-1), dict: [] };
        const d = (dicts[k] ??= new StringDictionary());
        const codes = cat[k].codes;
        at = copy(codes, to, at, m);
        const toBucket = Int32Array.from(dict, () => -1);
        for (let r = to; r < to + m; r++) {
          const c = codes[r];
          if (c >= 0) codes[r] = toBucket[c] >= 0 ? toBucket[c] : (toBucket[c] = d.code(dict[c]));
        }
      }
      at = copy(orgs, to, at, m);
      at = copy(rows, to, at, m);
      at = copy(line, to, at, m);
      at = copy(file, to, at, m);
      const strings = JSON.parse(buf.toString('utf8', at, at + textLen)) as string[][];
      at += textLen;
      h.text.forEach((k, j) => {
        const col = (text[k] ??= new Array<string>(total).fill(''));
        const s = strings[j];
        for (let r = 0; r < m; r++) col[to + r] = s[r];
      });
      to += m;
    }
    for (const k in cat) cat[k].dict = dicts[k].values;
    // a field no piece of this bucket had (a later file's): missing in every row, as in memory
    for (const f of this.present) {
      const kind = FIELD_BY_NAME.get(f)?.kind ?? 'text';
      if (NUMERIC_KINDS.has(kind) || kind === 'date') num[f] ??= new Float32Array(total).fill(NaN);
      else if (kind === 'category' || kind === 'region') cat[f] ??= { codes: new Int32Array(total).fill(-1), dict: [] };
      else text[f] ??= new Array<string>(total).fill('');
    }
    return {
      ds: { length: total, present: this.present, num, cat, text, source: { file, line }, shape: this.shape },
      orgs,
      rows,
    };
  }
}

// one function per element type, so that each loop reads and writes one kind of array (a
// loop shared by several kinds is several times slower in V8)
function gatherF64(col: Float64Array, perm: Uint32Array): Float64Array {
  const out = new Float64Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = col[perm[k]];
  return out;
}
function gatherF32(col: Float32Array, perm: Uint32Array): Float32Array {
  const out = new Float32Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = col[perm[k]];
  return out;
}
function gatherI32(col: Int32Array, perm: Uint32Array): Int32Array {
  const out = new Int32Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = col[perm[k]];
  return out;
}
function gatherU32(col: Uint32Array, perm: Uint32Array): Uint32Array {
  const out = new Uint32Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = col[perm[k]];
  return out;
}
function gatherU16(col: Uint16Array, perm: Uint32Array): Uint16Array {
  const out = new Uint16Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = col[perm[k]];
  return out;
}

/** Run a file operation on the spill; its failure (a full disk, no permission) as a SoqaError naming the folder. */
function spillIo<T>(dir: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new SoqaError('E_SPILL', msg.spillFailed(dir, err.code ? `${err.code}: ${err.message}` : String(e)));
  }
}
