import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { AnalysisConfig, AnalysisContext } from '../../analyses/analysis-context.js';
import { createLogger, type Logger } from '../../core/logger.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { CubeAccumulator } from '../../cube/cube-accumulator.js';
import type { Cube } from '../../cube/cube.js';
import { inputCube } from './input-cube.js';
import { loadFieldsOfActivity } from '../../ingest/load-fields-of-activity.js';
import { loadChinaGazetteer } from '../../ingest/regions/load-china-gazetteer.js';
import { analysisConfig } from './analysis-config.js';
import type { AnyIngestResult } from '../../ingest/ingest-input.js';
import { rowsInput, type InputRows, type OrgRows } from '../../dataset/org-rows.js';
import { SpilledOrgRows } from '../../ingest/rows/spilled-org-rows.js';
import { MemoryOrgRows } from '../../ingest/rows/memory-org-rows.js';
import type { CliIO } from '../io.js';
import { loadInputs, type InputOptions, type LoadedInputs } from './load-inputs.js';
import { shouldStream, type StreamChoice } from './stream-choice.js';

/**
 * The top reject reasons of an ingest, with an example line and the fix each.
 *
 * @param ingest the ingest result
 * @returns the text
 */
export function digestOf(ingest: LoadedInputs['ingest']): string {
  return msg.rejectDigest(ingest.counts.read, ingest.counts.rejected, ingest.rejectCounts, ingest.rejects);
}

/**
 * What a command needs of the organization rows: `cube` (the cube only: the rows of an
 * annual panel are summed chunk by chunk and dropped), `supervision` (rows read organization
 * by organization: a large panel or standard input is streamed and spilled, as `soqa analyze
 * --stream auto` does) or `rows` (every row in memory).
 */
export type RowsNeeded = 'cube' | 'supervision' | 'rows';

/** Analysis options a command sets (validated at its boundary), and how it reads the rows. */
export interface CommandAnalysisOptions {
  seed?: number;
  /** `--core` codes, checked here against the regions file. */
  core?: string[];
  /** The raw `--core` text, for the error message. */
  coreRaw?: string;
  extra?: Record<string, Record<string, unknown>>;
  /** The framework and rules the command loaded (`--framework`, `--rules`; default: the built-in `default` files). */
  config?: Partial<AnalysisConfig>;
  /** What the command reads of the rows (default `rows`: all of them, in memory). */
  need?: RowsNeeded;
  /** `--stream` of `soqa analyze` (default `auto`); used when `need` is `supervision`. */
  stream?: StreamChoice;
  /** Called once the inputs are read, before any check of them (`soqa analyze` writes its rejects there). */
  onLoaded?: (inputs: LoadedInputs) => void;
  /** The error for an input without one accepted row (default: E_NO_ROWS, exit 2, with the top reject reasons). */
  noRowsError?: (ingest: AnyIngestResult) => SoqaError;
  /** Where warnings go (default: a logger that prints them to stderr unless `input.quiet`). */
  log?: Logger;
}

/** A context and what it was made from; `close` removes the temporary files of spilled rows. */
export interface LoadedContext {
  ctx: AnalysisContext;
  inputs: LoadedInputs;
  close: () => void;
}

/**
 * Read the inputs and build the analysis context a command runs on: ingest (warnings to
 * stderr unless quiet), cube, the organization rows the command needs (in memory, spilled
 * by organization, or summed and dropped: `ctx.rows`), fields of activity, options.
 *
 * @param files input paths (empty = built-in sample)
 * @param input validated input options
 * @param options seed, core regions, per-analysis options, framework and rules, what is needed of the rows
 * @param io CLI streams
 * @returns the context, the loaded inputs and `close` (the caller calls it when done with the rows)
 * @throws SoqaError E_NO_ROWS (exit 2) when no row is usable, E_BAD_OPTION (exit 3) for a
 *   `--core` code not in the regions file, and the ingest errors
 */
export async function loadAnalysisContext(
  files: string[],
  input: InputOptions,
  options: CommandAnalysisOptions,
  io: CliIO,
): Promise<LoadedContext> {
  const log =
    options.log ??
    createLogger((e) => {
      if (!input.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
    });
  const fieldsOfActivity = loadFieldsOfActivity();
  const governance = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const need = options.need ?? 'rows';
  let acc: CubeAccumulator | null = null;
  const stream =
    need === 'cube' || (need === 'supervision' && shouldStream(options.stream ?? 'auto', files))
      ? new SpilledOrgRows({
          spill: need === 'supervision',
          onChunk: (chunk) => (acc ??= new CubeAccumulator({ governanceFields: governance })).add(chunk),
          onReset: () => (acc = null),
        })
      : undefined;
  let inputs: LoadedInputs;
  let kept: OrgRows | null = null;
  try {
    inputs = await loadInputs(files, { ...input, chunks: stream?.sink }, io, log);
    // a registry list is not streamed: its chunks were kept and become the dataset
    // (the ingest rejected every registry row whose id an accepted row has: its ids are all different)
    kept = stream
      ? stream.settle(inputs.ingest)
      : inputs.ingest.dataset && new MemoryOrgRows(inputs.ingest.dataset, { distinctIds: true });
    options.onLoaded?.(inputs);
    checkInputs(inputs, options, log);
  } catch (e) {
    stream?.close();
    throw e;
  }
  const cube: Cube = acc ? (acc as CubeAccumulator).finish() : inputCube(inputs.ingest, governance);
  const ctx: AnalysisContext = {
    cube,
    rows: contextRows(kept, need, stream),
    regions: inputs.regions,
    fieldsOfActivity,
    gazetteer: loadChinaGazetteer,
    // configuration is read here, at the boundary, so that analyses never touch the filesystem
    options: {
      seed: options.seed ?? 1,
      core: options.core,
      config: analysisConfig(options.config),
      extra: options.extra ?? {},
    },
    log,
  };
  return { ctx, inputs, close: () => kept?.close() };
}

/** What the context gets of the rows: none (an aggregated table), the rows, or their shape and fields (summed and dropped). */
function contextRows(kept: OrgRows | null, need: RowsNeeded, stream: SpilledOrgRows | undefined): InputRows {
  if (kept === null) return { kind: 'aggregate' };
  if (need === 'cube' && kept === stream) return { kind: 'summed', shape: kept.shape, fields: kept.fields };
  return rowsInput(kept);
}

/**
 * The checks of the inputs before any analysis: `--core` codes in the regions file, at least
 * one accepted row, and a warning when most rows were rejected.
 */
function checkInputs(inputs: LoadedInputs, options: CommandAnalysisOptions, log: Logger): void {
  const { ingest, regions } = inputs;
  if (options.core) {
    const known = regions.regions.map((r) => r.code);
    const unknown = options.core.filter((c) => !known.includes(c));
    if (unknown.length)
      throw new SoqaError(
        'E_BAD_OPTION',
        msg.coreNotInRegions(options.coreRaw ?? options.core.join(','), unknown, known),
      );
  }
  if (ingest.counts.accepted === 0)
    throw (
      options.noRowsError?.(ingest) ??
      new SoqaError(
        'E_NO_ROWS',
        msg.noRowsForCommand(ingest.counts.read, ingest.counts.rejected) +
          (ingest.counts.rejected ? `\n${digestOf(ingest)}` : ''),
      )
    );
  if (ingest.counts.rejected * 2 > ingest.counts.read) log.warn('W_MOST_REJECTED', digestOf(ingest));
}
