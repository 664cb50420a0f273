import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { AnalysisConfig, AnalysisContext } from '../../analyses/analysis-context.js';
import { createLogger } from '../../core/logger.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { inputCube } from './input-cube.js';
import { loadFieldsOfActivity } from '../../ingest/load-fields-of-activity.js';
import { loadChinaGazetteer } from '../../ingest/regions/load-china-gazetteer.js';
import { analysisConfig } from './analysis-config.js';
import type { CliIO } from '../io.js';
import { loadInputs, type InputOptions, type LoadedInputs } from './load-inputs.js';
import { shouldStream } from './stream-choice.js';
import { StreamedRows } from './streamed-rows.js';

/**
 * The top reject reasons of an ingest, with an example line and the fix each.
 *
 * @param ingest the ingest result
 * @returns the text
 */
export function digestOf(ingest: LoadedInputs['ingest']): string {
  return msg.rejectDigest(ingest.counts.read, ingest.counts.rejected, ingest.rejectCounts, ingest.rejects);
}

/** Analysis options a command sets (validated at its boundary). */
export interface CommandAnalysisOptions {
  seed?: number;
  /** `--core` codes, checked here against the regions file. */
  core?: string[];
  /** The raw `--core` text, for the error message. */
  coreRaw?: string;
  extra?: Record<string, Record<string, unknown>>;
  /** The framework and rules the command loaded (`--framework`, `--rules`; default: the built-in `default` files). */
  config?: Partial<AnalysisConfig>;
  /** An organization id or name to look for in streamed rows as they are read (`soqa portrait`; `StreamedRows.found`). */
  find?: string;
}

/**
 * What a command needs of the organization rows: `cube` (the cube only: the rows of an
 * annual panel are summed chunk by chunk and dropped), `supervision` (the risk warnings: a
 * large panel or standard input is streamed and spilled, as `soqa analyze --stream auto`
 * does) or `rows` (every row in memory).
 */
export type RowsNeeded = 'cube' | 'supervision' | 'rows';

/**
 * Read the inputs and build the analysis context a single-analysis command runs on:
 * ingest (warnings to stderr unless quiet), cube, fields of activity, options.
 *
 * @param files input paths (empty = built-in sample)
 * @param input validated input options
 * @param options seed, core regions, per-analysis options, framework and rules
 * @param io CLI streams
 * @param need what the command reads of the rows (default `rows`: all of them, in memory)
 * @returns the context, the loaded inputs, and the streamed rows when they were streamed
 *   (`ctx.dataset` then has no rows; the caller closes them)
 * @throws SoqaError E_NO_ROWS (exit 2) when no row is usable, E_BAD_OPTION (exit 3) for a
 *   `--core` code not in the regions file, and the ingest errors
 */
export async function loadAnalysisContext(
  files: string[],
  input: InputOptions,
  options: CommandAnalysisOptions,
  io: CliIO,
  need: RowsNeeded = 'rows',
): Promise<{ ctx: AnalysisContext; inputs: LoadedInputs; streamed?: StreamedRows }> {
  const log = createLogger((e) => {
    if (!input.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
  });
  const fieldsOfActivity = loadFieldsOfActivity();
  const governance = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const stream =
    need === 'cube' || (need === 'supervision' && shouldStream('auto', files))
      ? new StreamedRows(governance, { spill: need === 'supervision', find: options.find })
      : undefined;
  let inputs: LoadedInputs;
  try {
    inputs = await loadInputs(files, { ...input, chunks: stream?.sink }, io, log);
  } catch (e) {
    stream?.close();
    throw e;
  }
  const { ingest, regions } = inputs;
  // a registry list is not streamed: its chunks were kept and become the dataset
  const streamed = stream?.settle(ingest) ? stream : undefined;
  if (stream && !streamed) stream.close();
  if (options.core) {
    const known = regions.regions.map((r) => r.code);
    const unknown = options.core.filter((c) => !known.includes(c));
    if (unknown.length)
      throw new SoqaError(
        'E_BAD_OPTION',
        msg.coreNotInRegions(options.coreRaw ?? options.core.join(','), unknown, known),
      );
  }
  if (ingest.counts.accepted === 0) {
    streamed?.close();
    throw new SoqaError(
      'E_NO_ROWS',
      msg.noRowsForCommand(ingest.counts.read, ingest.counts.rejected) +
        (ingest.counts.rejected ? `\n${digestOf(ingest)}` : ''),
    );
  }
  if (ingest.counts.rejected * 2 > ingest.counts.read) log.warn('W_MOST_REJECTED', digestOf(ingest));
  const cube = streamed ? streamed.cube() : inputCube(ingest, governance);
  const ctx: AnalysisContext = {
    cube,
    dataset: ingest.dataset,
    regions,
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
  return { ctx, inputs, streamed };
}
