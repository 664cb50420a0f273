import { resolve } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { ingestInput, type AnyIngestResult } from '../../ingest/ingest-input.js';
import type { InputKind } from '../../ingest/aggregate/detect-input-kind.js';
import { loadProfile, regionsPathFor } from '../../ingest/profile/load-profile.js';
import type { Profile } from '../../ingest/profile/profile.js';
import { loadRegions } from '../../ingest/regions/load-regions.js';
import type { RegionsFile } from '../../ingest/regions/regions.js';
import type { InputEncoding } from '../../ingest/decode/detect-encoding.js';
import type { CliIO } from '../io.js';
import { builtinSamplePath } from './builtin-sample.js';
import { progressReporter } from './progress.js';
import { SoqaError } from '../../core/soqa-error.js';
import { EXIT } from '../../core/exit-codes.js';
import { badOption } from '../../core/messages.js';
import type { ParallelOptions } from '../../ingest/parallel/ingest-parallel.js';
import type { ChunkSink } from '../../ingest/ingest-files.js';

/** Input options shared by every command that reads data. */
export interface InputOptions {
  profile: string;
  regions?: string;
  encoding?: InputEncoding;
  delimiter?: string;
  quiet: boolean;
  /** `--input-kind`: organization rows or an aggregated table (default: detect from the header). */
  inputKind?: InputKind;
  /** `--header-row`: the header's line instead of searching the first rows for it. */
  headerRow?: number;
  /** Hand organization rows over chunk by chunk instead of keeping them (see `StreamedRows`). */
  chunks?: ChunkSink;
}

/** What a command gets back: ingest result plus the configuration used. */
export interface LoadedInputs {
  /** Organization rows (`dataset` set), or an aggregated table (`dataset: null`, `cube` set). */
  ingest: AnyIngestResult;
  kind: InputKind;
  profile: Profile;
  /** The regions of the run: the regions file, or the pseudo-region of a table with only whole-area rows. */
  regions: RegionsFile;
  /** True when the built-in synthetic sample was read. */
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
  const regions = loadRegions(regionsPathFor(profile, opts.regions));
  const sample = builtinSamplePath();
  const paths = files.length ? files : [sample];
  const progress = progressReporter(io, opts.quiet);
  const { kind, ingest } = await ingestInput(paths, {
    profile,
    regions,
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    logger: log,
    onProgress: progress.update,
    inputKind: opts.inputKind,
    headerRow: opts.headerRow,
    parallel: parallelFromEnv(process.env.SOQA_THREADS),
    chunks: opts.chunks,
  });
  progress.done();
  return {
    ingest,
    kind,
    profile,
    regions: ingest.dataset === null ? ingest.regions : regions,
    synthetic: paths.length === 1 && resolve(paths[0]) === sample,
  };
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
      badOption('SOQA_THREADS (environment)', value, 'a whole number from 1 (read sequentially) to 64'),
      EXIT.BAD_OPTIONS,
    );
  const workers = Number(value);
  return workers === 1 ? undefined : { workers };
}
