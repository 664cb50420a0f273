import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { concatDatasets } from '../../dataset/concat-datasets.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { ChunkSink } from '../ingest-files.js';
import type { AnyIngestResult } from '../ingest-input.js';
import { OrgSpill } from '../spill/org-spill.js';
import { findInParts } from './find-in-rows.js';
import type { FoundOrganization } from './org-finder.js';
import { MemoryOrgRows } from './memory-org-rows.js';
import { yearRange, type OrgPart, type OrgRows } from '../../dataset/org-rows.js';

/** Rows per chunk when an input is streamed: 65,536 (about 16 MB of columns). */
export const STREAM_CHUNK_ROWS = 1 << 16;

/** Options of {@link SpilledOrgRows}. */
export interface SpilledOrgRowsOptions {
  /** Rows per chunk of a sequential read (default {@link STREAM_CHUNK_ROWS}). */
  chunkRows?: number;
  /** Where to make the spill folder (default: the system's temporary folder). */
  spillParent?: string;
  /** `false` for commands that need only the cube: the rows are dropped after {@link onChunk} (default true). */
  spill?: boolean;
  /** Called with each chunk of an annual panel, in input order (the CLI sums it into the cube). */
  onChunk?: (chunk: Dataset) => void;
  /** Called when every chunk taken is forgotten (the input is read again). */
  onReset?: () => void;
}

/**
 * The accepted rows of a large annual panel, taken chunk by chunk instead of kept: each
 * chunk goes to `onChunk` (the cube) and is spilled to temporary files by organization
 * ({@link OrgSpill}), which are read back a bucket at a time ({@link parts}). Memory: ~100
 * bytes per organization and ~30 bytes per organization-year for duplicate detection (the
 * ingest's ledger), plus one chunk and one bucket — not the rows.
 *
 * A registry list (one row per organization, no year) is not streamed: its cube needs the
 * latest year of all rows first, so its chunks are kept and joined ({@link settle}).
 *
 * @example
 * const spilled = new SpilledOrgRows({ onChunk: (c) => acc.add(c) });
 * const ingest = await ingestFiles(paths, { profile, regions, chunks: spilled.sink });
 * const rows = spilled.settle(ingest); // this, or the kept registry list in memory
 */
export class SpilledOrgRows implements OrgRows {
  private spill: OrgSpill | null = null;
  private readonly kept: Dataset[] = [];
  private count = 0;
  private first = Infinity;
  private last = -Infinity;
  private taken = false;
  private present: readonly string[] = [];

  /** Where the ingest hands its chunks. */
  readonly sink: ChunkSink;

  /** @param options chunk size, spill folder, whether to spill, and the chunk and reset hooks */
  constructor(private readonly options: SpilledOrgRowsOptions = {}) {
    this.sink = {
      rows: options.chunkRows ?? STREAM_CHUNK_ROWS,
      onChunk: (chunk, orgs) => this.take(chunk, orgs),
      reset: () => this.reset(),
    };
  }

  /** True when rows were streamed (an annual panel); false when they were kept (a registry list, or no rows). */
  get streamed(): boolean {
    return this.taken;
  }

  get shape(): Dataset['shape'] {
    return 'panel';
  }

  get fields(): readonly string[] {
    return this.present;
  }

  get organizations(): number {
    return this.count;
  }

  get years(): readonly [number, number] {
    return [this.first, this.last];
  }

  /**
   * Finish the ingest's side: a registry list's kept chunks become `ingest.dataset` (which the
   * ingest left with the fields and no rows), and its rows are in memory.
   *
   * @param ingest the ingest result
   * @returns these rows when they were streamed (`ingest.dataset` then has no rows), else the
   *   rows in memory (this is closed), or null for an aggregated table
   */
  settle(ingest: AnyIngestResult): OrgRows | null {
    if (this.streamed) {
      if (ingest.dataset) this.present = ingest.dataset.present;
      return this;
    }
    this.close();
    if (!ingest.dataset) return null;
    if (this.kept.length) ingest.dataset = concatDatasets(this.kept.splice(0), ingest.dataset.present);
    // the ingest rejected every registry row whose id an accepted row has
    return new MemoryOrgRows(ingest.dataset, { distinctIds: true });
  }

  parts(): Iterable<OrgPart> {
    return this.spilled().parts();
  }

  partOf(org: number): OrgPart {
    return this.spilled().bucketOf(org);
  }

  find(query: string, idQuery?: string): FoundOrganization {
    return findInParts(this.parts(), query, idQuery);
  }

  /** Remove the spill files (safe to call twice). */
  close(): void {
    this.spill?.close();
  }

  /** The spill, or an internal error when the rows were not spilled. */
  private spilled(): OrgSpill {
    if (!this.spill)
      throw new SoqaError('E_INTERNAL', msg.internalError('organization rows asked of rows streamed without a spill'));
    return this.spill;
  }

  /** Forget every chunk taken (the input is read again). */
  private reset(): void {
    this.spill?.close();
    this.spill = null;
    this.taken = false;
    this.kept.length = 0;
    this.count = 0;
    this.first = Infinity;
    this.last = -Infinity;
    this.options.onReset?.();
  }

  private take(chunk: Dataset, orgs: Int32Array): void {
    if (chunk.shape === 'registry') {
      this.kept.push(chunk);
      return;
    }
    this.taken = true;
    this.present = chunk.present;
    this.options.onChunk?.(chunk);
    if (this.options.spill !== false) (this.spill ??= new OrgSpill(this.options.spillParent)).append(chunk, orgs);
    for (let r = 0; r < orgs.length; r++) if (orgs[r] >= this.count) this.count = orgs[r] + 1;
    const [min, max] = yearRange(chunk.num.year);
    if (min < this.first) this.first = min;
    if (max > this.last) this.last = max;
  }
}
