import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { concatDatasets } from '../../dataset/concat-datasets.js';
import type { Dataset } from '../../dataset/dataset.js';
import { takeRows } from '../../dataset/take-rows.js';

/** One bucket of spilled rows: every row of its organizations, in input order. */
export interface SpillPart {
  ds: Dataset;
  /** Each row's organization number. */
  orgs: Int32Array;
  /** Each row's number among all accepted rows (input order). */
  rows: Uint32Array;
}

/** Buckets the rows are spread over by organization (a bucket is read back whole). */
export const SPILL_BUCKETS = 64;

/**
 * Accepted rows written to temporary files, bucket by bucket by organization number, so that
 * an input far larger than memory can be read back one bucket (every row of 1/64 of the
 * organizations) at a time. Files live in a fresh folder of the system's temporary folder
 * (`TMPDIR`), readable by the user only, and are removed by {@link close}.
 *
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
  private rowsSoFar = 0;
  private present: string[] = [];

  /** @param parent where to make the spill folder (default: the system's temporary folder) */
  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'soqa-spill-'));
  }

  /** Rows spilled so far. */
  get rows(): number {
    return this.rowsSoFar;
  }

  /**
   * Spill a chunk of accepted rows (after the chunks before it in input order).
   *
   * @param chunk the rows
   * @param orgs each row's organization number
   */
  append(chunk: Dataset, orgs: Int32Array): void {
    this.present = chunk.present;
    const sizes = new Uint32Array(SPILL_BUCKETS);
    for (let r = 0; r < chunk.length; r++) sizes[orgs[r] % SPILL_BUCKETS]++;
    const lists = Array.from(sizes, (n) => new Uint32Array(n));
    const at = new Uint32Array(SPILL_BUCKETS);
    for (let r = 0; r < chunk.length; r++) {
      const b = orgs[r] % SPILL_BUCKETS;
      lists[b][at[b]++] = r;
    }
    for (let b = 0; b < SPILL_BUCKETS; b++) {
      const idx = lists[b];
      if (idx.length === 0) continue;
      const rows = new Uint32Array(idx.length);
      const bOrgs = new Int32Array(idx.length);
      for (let k = 0; k < idx.length; k++) {
        rows[k] = this.rowsSoFar + idx[k];
        bOrgs[k] = orgs[idx[k]];
      }
      const bytes = serialize({ ds: takeRows(chunk, idx), orgs: bOrgs, rows } satisfies SpillPart);
      const head = Buffer.alloc(4);
      head.writeUInt32LE(bytes.length);
      const fd = this.fd(b);
      writeSync(fd, head);
      writeSync(fd, bytes);
      this.counts[b] += idx.length;
    }
    this.rowsSoFar += chunk.length;
  }

  /**
   * Read the buckets back one at a time (buckets without rows are skipped).
   *
   * @returns the parts, bucket by bucket
   */
  *parts(): Generator<SpillPart> {
    for (let b = 0; b < SPILL_BUCKETS; b++) {
      if (this.counts[b] === 0) continue;
      const buf = readFileSync(join(this.dir, `bucket-${b}`));
      const pieces: SpillPart[] = [];
      for (let at = 0; at < buf.length; ) {
        const n = buf.readUInt32LE(at);
        pieces.push(deserialize(buf.subarray(at + 4, at + 4 + n)) as SpillPart);
        at += 4 + n;
      }
      const join32 = <T extends Int32Array | Uint32Array>(xs: T[], make: (n: number) => T): T => {
        const out = make(xs.reduce((s, x) => s + x.length, 0));
        let k = 0;
        for (const x of xs) {
          out.set(x as never, k);
          k += x.length;
        }
        return out;
      };
      yield {
        ds: concatDatasets(pieces.map((p) => p.ds), this.present),
        orgs: join32(pieces.map((p) => p.orgs), (n) => new Int32Array(n)),
        rows: join32(pieces.map((p) => p.rows), (n) => new Uint32Array(n)),
      };
    }
  }

  /** Close and remove the spill files (safe to call twice). */
  close(): void {
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
    this.fds.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private fd(b: number): number {
    return (this.fds[b] ??= openSync(join(this.dir, `bucket-${b}`), 'a', 0o600));
  }
}
