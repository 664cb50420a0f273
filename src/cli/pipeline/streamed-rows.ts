import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { columnMinMax } from '../../cube/column-blocks.js';
import { CubeAccumulator } from '../../cube/cube-accumulator.js';
import type { Cube } from '../../cube/cube.js';
import { concatDatasets } from '../../dataset/concat-datasets.js';
import type { Dataset } from '../../dataset/dataset.js';
import type { ChunkSink } from '../../ingest/ingest-files.js';
import type { AnyIngestResult } from '../../ingest/ingest-input.js';
import { OrgSpill } from '../../ingest/spill/org-spill.js';
import type { AnalysisContext } from '../../analyses/analysis-context.js';
import { supervisionOptions, type SupervisionOptions } from '../../analyses/supervision/run-supervision.js';
import { regionResolver } from '../../domain/regions/region-resolver.js';
import { supervisionFromParts, type OrgPart } from '../../analyses/supervision/supervision-from-parts.js';
import { OrgFinder, type FoundOrganization } from '../../analyses/supervision/org-finder.js';
import { cleanId } from '../../ingest/values/clean-id.js';
import type { SupervisionModel } from '../../analyses/supervision/supervision-pass.js';

/** Rows per chunk when an input is streamed: 65,536 (about 16 MB of columns). */
export const STREAM_CHUNK_ROWS = 1 << 16;

/**
 * The accepted rows of a large annual panel, taken chunk by chunk instead of kept: each
 * chunk is summed into the cube at once (in input order, so the sums are those of all rows
 * at once) and spilled to temporary files by organization ({@link OrgSpill}); supervision
 * then reads the spill back a bucket at a time. Memory: the cube, ~100 bytes per
 * organization and ~30 bytes per organization-year for duplicate detection (the ingest's
 * ledger), plus one chunk and one bucket — not the rows.
 *
 * A registry list (one row per organization, no year) is not streamed: its cube needs the
 * latest year of all rows first, so its chunks are kept and joined ({@link settle}).
 *
 * @example
 * const streamed = new StreamedRows(governance);
 * const ingest = await ingestFiles(paths, { profile, regions, chunks: streamed.sink });
 * const cube = streamed.cube();
 */
export class StreamedRows {
  private acc: CubeAccumulator | null = null;
  private spill: OrgSpill | null = null;
  private readonly kept: Dataset[] = [];
  private organizations = 0;
  /** Rows taken so far (the next row's number in input order). */
  private taken = 0;
  /** The organization asked for ({@link found}), looked for in each chunk as it is taken. */
  private finder: OrgFinder | null;
  private first = Infinity;
  private last = -Infinity;

  /** Where the ingest hands its chunks. */
  readonly sink: ChunkSink;

  /**
   * @param governanceFields field-of-activity codes that count as core governance fields
   * @param options rows per chunk of a sequential read (default {@link STREAM_CHUNK_ROWS}), the
   *   folder for the spill folder (default: the system's temporary folder), `spill: false`
   *   for commands that need only the cube (the rows are then dropped, and there is no
   *   {@link supervision}), and `find`: an organization id or name to look for in the rows as
   *   they are taken (a portrait; see {@link found})
   */
  constructor(
    private readonly governanceFields: ReadonlySet<string>,
    private readonly options: { chunkRows?: number; spillParent?: string; spill?: boolean; find?: string } = {},
  ) {
    this.finder = this.newFinder();
    this.sink = {
      rows: options.chunkRows ?? STREAM_CHUNK_ROWS,
      onChunk: (chunk, orgs) => this.take(chunk, orgs),
      reset: () => this.reset(),
    };
  }

  /** True when rows were streamed (an annual panel); false when they were kept (a registry list, or no rows). */
  get streamed(): boolean {
    return this.acc !== null;
  }

  /**
   * Finish the ingest's side: a registry list's kept chunks become `ingest.dataset` (which the
   * ingest left with the fields and no rows).
   *
   * @param ingest the ingest result
   * @returns whether the rows were streamed (then `ingest.dataset` has no rows)
   */
  settle(ingest: AnyIngestResult): boolean {
    if (!this.streamed && ingest.dataset && this.kept.length)
      ingest.dataset = concatDatasets(this.kept.splice(0), ingest.dataset.present);
    return this.streamed;
  }

  /**
   * The cube of the streamed rows.
   *
   * @returns the cube
   */
  cube(): Cube {
    return this.acc!.finish();
  }

  /**
   * The supervision models as of some years, read from the spill bucket by bucket.
   *
   * @param ctx the analysis context (regions, fields of activity, rules and framework options)
   * @param asOfYears the as-of years (default: the panel's last year)
   * @param config the rules and framework (default: the context's)
   * @param detailFor organization numbers whose indicator details to keep (portraits; default none)
   * @returns the models, one per year
   * @throws SoqaError E_BAD_OPTION (exit 3) for a year outside the panel's years
   */
  supervision(
    ctx: AnalysisContext,
    asOfYears: (number | undefined)[],
    config: Pick<SupervisionOptions, 'rules' | 'framework'> = supervisionOptions(ctx),
    detailFor?: ReadonlySet<number>,
  ): SupervisionModel[] {
    const spill = this.spilled();
    const opts = config;
    const years = asOfYears.map((y) => y ?? this.last);
    for (const y of years)
      if (y < this.first || y > this.last)
        throw new SoqaError('E_BAD_OPTION', msg.yearNotInData(y, [this.first, this.last]));
    const governance = new Set(ctx.fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
    return supervisionFromParts(
      () => spill.parts(),
      { organizations: this.organizations, years: [this.first, this.last] },
      regionResolver(ctx.regions, ctx.gazetteer),
      opts.rules,
      opts.framework,
      governance,
      years,
      detailFor,
    );
  }

  /**
   * The organization asked for with `options.find`, looked for in every chunk as it was taken
   * ({@link OrgFinder}: the same answer as over all rows at once).
   *
   * @returns the id and organization number, or suggestions
   * @throws SoqaError E_INTERNAL when no organization was asked for
   */
  found(): FoundOrganization {
    if (!this.finder)
      throw new SoqaError('E_INTERNAL', msg.internalError('an organization found without one asked for'));
    return this.finder.result();
  }

  /**
   * Every row of the organizations in organization `org`'s spill bucket (all of its rows among them).
   *
   * @param org an organization number
   * @returns the bucket's rows
   */
  organizationPart(org: number): OrgPart {
    return this.spilled().bucketOf(org);
  }

  /** The spill, or an internal error when the rows were not spilled. */
  private spilled(): OrgSpill {
    if (!this.spill)
      throw new SoqaError('E_INTERNAL', msg.internalError('organization rows asked of rows streamed without a spill'));
    return this.spill;
  }

  /** Remove the spill files (safe to call twice). */
  close(): void {
    this.spill?.close();
  }

  /** A finder of the organization asked for, or null when none was. */
  private newFinder(): OrgFinder | null {
    const { find } = this.options;
    return find === undefined ? null : new OrgFinder(find, cleanId(find).value);
  }

  /** Forget every chunk taken (the input is read again). */
  private reset(): void {
    this.spill?.close();
    this.spill = null;
    this.acc = null;
    this.kept.length = 0;
    this.organizations = 0;
    this.taken = 0;
    this.finder = this.newFinder();
    this.first = Infinity;
    this.last = -Infinity;
  }

  private take(chunk: Dataset, orgs: Int32Array): void {
    if (chunk.shape === 'registry') {
      this.kept.push(chunk);
      return;
    }
    this.acc ??= new CubeAccumulator({ governanceFields: this.governanceFields });
    this.acc.add(chunk);
    if (this.options.spill !== false) (this.spill ??= new OrgSpill(this.options.spillParent)).append(chunk, orgs);
    const first = this.taken;
    this.finder?.add(
      chunk,
      (i) => first + i,
      (i) => orgs[i],
    );
    this.taken += chunk.length;
    for (let r = 0; r < orgs.length; r++) if (orgs[r] >= this.organizations) this.organizations = orgs[r] + 1;
    const { min, max } = columnMinMax(chunk.num.year);
    if (min < this.first) this.first = min;
    if (max > this.last) this.last = max;
  }
}
