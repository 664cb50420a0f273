import { statSync } from 'node:fs';
import { WHOLE_AREA_TOKENS } from '../../ingest/aggregate/aggregate-columns.js';
import { normalizeText } from '../../domain/normalize-text.js';
import { SYNTHETIC_MARKER_COLUMN } from '../../sample/synthetic-marker.js';
import { resolve } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { ingestInput, type AnyIngestResult } from '../../ingest/ingest-input.js';
import type { InputKind } from '../../ingest/aggregate/detect-input-kind.js';
import {
  builtInRegionsIds,
  loadProfile,
  regionsAreDetected,
  regionsPathFor,
} from '../../ingest/profile/load-profile.js';
import { chooseRegions } from '../../ingest/regions/detect-regions.js';
import { sampleRegionCells } from '../../ingest/regions/sample-region-cells.js';
import { withinProvince } from '../../ingest/regions/within-regions.js';
import type { Profile } from '../../ingest/profile/profile.js';
import { loadRegions } from '../../ingest/regions/load-regions.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import type { InputEncoding } from '../../ingest/decode/detect-encoding.js';
import type { CliIO } from '../io.js';
import { builtinSamplePath } from './builtin-sample.js';
import { progressReporter } from './progress.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import * as text from '../output/cli-text.js';
import type { ParallelOptions } from '../../ingest/parallel/ingest-parallel.js';
import type { ChunkSink } from '../../ingest/ingest-files.js';

/** Input options shared by every command that reads data. */
export interface InputOptions {
  profile: string;
  regions?: string;
  /** `--within`: narrow the regions file to one province (code or name). */
  within?: string;
  encoding?: InputEncoding;
  delimiter?: string;
  /** `--sheet`: the sheet of an Excel workbook (default: the first with a recognisable table). */
  sheet?: string;
  quiet: boolean;
  /** Language of the messages on stderr (`--lang`; default zh). */
  lang?: msg.Lang;
  /** `--input-kind`: organization rows or an aggregated table (default: detect from the header). */
  inputKind?: InputKind;
  /** `--header-row`: the header's line instead of searching the first rows for it. */
  headerRow?: number;
  /** Hand organization rows over chunk by chunk instead of keeping them (see `SpilledOrgRows`). */
  chunks?: ChunkSink;
  /** `--max-input-bytes`: refuse an input larger than this once decompressed. */
  maxInputBytes?: number;
  /** Write the rejected rows past the first 10,000 to a temporary file (`rejectSpill`) instead of only counting them (default true). */
  spillRejects?: boolean;
  /** Receives the rows read so far, now and then (default: the progress line on a terminal's stderr). */
  onProgress?: (rows: number) => void;
  /** Called once when a large input's ranges are handed to worker threads (see `ParallelOptions.onReading`). */
  onReading?: () => void;
}

/** What a command gets back: ingest result plus the configuration used. */
export interface LoadedInputs {
  /** Organization rows (`dataset` set), or an aggregated table (`dataset: null`, `cube` set). */
  ingest: AnyIngestResult;
  kind: InputKind;
  profile: Profile;
  /** The regions of the run: the regions file, or the pseudo-region of a table with only whole-area rows. */
  regions: RegionsFile;
  /** True when the built-in synthetic sample was read, or files written by `soqa sample` (marker column). */
  synthetic: boolean;
}

/**
 * Resolve profile and regions, read the inputs (the built-in sample when none are given) as
 * organization rows or as an aggregated table (`--input-kind`, else detected from the header).
 *
 * @param files input paths (empty = built-in sample)
 * @param opts validated input options
 * @param io CLI streams (progress)
 * @param log logger for warnings
 * @returns ingest result and configuration
 * @throws SoqaError from profile, regions or ingest
 */
export async function loadInputs(files: string[], opts: InputOptions, io: CliIO, log: Logger): Promise<LoadedInputs> {
  const profile = loadProfile(opts.profile);
  const sample = builtinSamplePath();
  const paths = files.length ? files : [sample];
  const regions = await chooseRegionsFile(files, profile, opts, io);
  const progress = progressReporter(io, opts.quiet);
  const { kind, ingest } = await ingestInput(paths, {
    profile,
    regions,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    sheet: opts.sheet,
    logger: log,
    onProgress: opts.onProgress ?? progress.update,
    inputKind: opts.inputKind,
    headerRow: opts.headerRow,
    parallel: withOnReading(parallelFromEnv(process.env.SOQA_THREADS), opts.onReading),
    chunks: opts.chunks,
    maxInputBytes: opts.maxInputBytes,
    spillRejects: opts.spillRejects,
  });
  progress.done();
  return {
    ingest,
    kind,
    profile,
    regions: ingest.dataset === null ? ingest.regions : regions,
    synthetic:
      (paths.length === 1 && resolve(paths[0]) === sample) ||
      ('sources' in ingest &&
        ingest.sources.length > 0 &&
        ingest.sources.every((s) => s.header.ignored.includes(SYNTHETIC_MARKER_COLUMN))),
  };
}

/**
 * The regions file of a run: `--regions` or the profile's file; when neither names one
 * (`auto`) and an input file is given, the smallest built-in file that places 95% of the
 * first input's first rows (named on stderr and recorded in `detected`), else
 * inner-mongolia. `--within` then narrows it to one province.
 */
async function chooseRegionsFile(
  files: string[],
  profile: Profile,
  opts: InputOptions,
  io: CliIO,
): Promise<RegionsFile> {
  let regions: RegionsFile | null = null;
  if (regionsAreDetected(profile, opts.regions) && files.length && files[0] !== '-') {
    const cells = await sampleRegionCells(files[0], profile, {
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      sheet: opts.sheet,
      maxInputBytes: opts.maxInputBytes,
    });
    const loaded = new Map<string, RegionsFile>();
    const candidates = builtInRegionsIds().map((id) => {
      const path = regionsPathFor(profile, id);
      const load = () => loaded.get(id) ?? loaded.set(id, loadRegions(path)).get(id)!;
      return { id, size: statSync(path).size, load };
    });
    const choice = cells.size ? chooseRegions(cells, candidates) : null;
    if (choice) {
      regions = { ...loaded.get(choice.id)!, detected: choice };
      if (choice.within && !opts.within) regions = withinProvince(regions, choice.within);
      if (!opts.quiet) io.stderr(`${text.regionsDetected(opts.lang ?? 'zh', choice)}\n`);
    } else if (cells.size && !opts.quiet && !onlyWholeArea(cells))
      io.stderr(
        `${text.regionsNotDetected(
          opts.lang ?? 'zh',
          candidates.map((f) => f.id),
        )}\n`,
      );
  }
  regions ??= loadRegions(regionsPathFor(profile, opts.regions));
  return opts.within ? withinProvince(regions, opts.within) : regions;
}

/** A sample whose rows all name the whole area (全区, 合计…): nothing to detect, nothing to say. */
function onlyWholeArea(cells: Map<string, number>): boolean {
  return [...cells.keys()].every((k) =>
    WHOLE_AREA_TOKENS.has(normalizeText(k.slice(k.indexOf('\t') + 1)).toLowerCase()),
  );
}

/**
 * The parallel-ingest setting from the environment: `SOQA_THREADS` unset or empty = as
 * many worker threads as cores (at most 4) for a large single input; `1` = read
 * sequentially; `2`–`64` = that many worker threads.
 *
 * @param value the variable's value
 * @returns the ingest's `parallel` option, or undefined to read sequentially
 * @throws SoqaError E_BAD_OPTION (exit 3) for anything else
 * @example
 * parallelFromEnv('1'); // => undefined
 */
export function parallelFromEnv(value: string | undefined): ParallelOptions | undefined {
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption('SOQA_THREADS (environment)', value, 'a whole number from 1 (read sequentially) to 64'),
    );
  const workers = Number(value);
  return workers === 1 ? undefined : { workers };
}

/** The parallel options with `onReading` added, when the input may be read in parallel at all. */
function withOnReading(parallel: ParallelOptions | undefined, onReading?: () => void): ParallelOptions | undefined {
  return parallel && onReading ? { ...parallel, onReading } : parallel;
}
