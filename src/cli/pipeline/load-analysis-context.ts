import { loadFramework } from '../../ingest/framework/load-framework.js';
import { loadRules } from '../../ingest/rules/load-rules.js';
import { paintLevel } from '../output/paint.js';
import type { AnalysisContext } from '../../analyses/analysis-context.js';
import { createLogger } from '../../core/logger.js';
import { EXIT } from '../../core/exit-codes.js';
import * as msg from '../../core/messages.js';
import { SoqaError } from '../../core/soqa-error.js';
import { inputCube } from './input-cube.js';
import { loadFieldsOfActivity } from '../../ingest/load-fields-of-activity.js';
import type { CliIO } from '../io.js';
import { loadInputs, type InputOptions, type LoadedInputs } from './load-inputs.js';

/** Analysis options a command sets (validated at its boundary). */
export interface CommandAnalysisOptions {
  seed?: number;
  /** `--core` codes, checked here against the regions file. */
  core?: string[];
  /** The raw `--core` text, for the error message. */
  coreRaw?: string;
  extra?: Record<string, Record<string, unknown>>;
}

/**
 * Read the inputs and build the analysis context a single-analysis command runs on:
 * ingest (warnings to stderr unless quiet), cube, fields of activity, options.
 *
 * @param files input paths (empty = built-in sample)
 * @param input validated input options
 * @param options seed, core regions, per-analysis options
 * @param io CLI streams
 * @returns the context and the loaded inputs
 * @throws SoqaError E_NO_ROWS (exit 2) when no row is usable, E_BAD_OPTION (exit 3) for a
 *   `--core` code not in the regions file, and the ingest errors
 */
export async function loadAnalysisContext(files: string[], input: InputOptions, options: CommandAnalysisOptions, io: CliIO): Promise<{ ctx: AnalysisContext; inputs: LoadedInputs }> {
  const log = createLogger((e) => {
    if (!input.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${e.message}\n`);
  });
  const inputs = await loadInputs(files, input, io, log);
  const { ingest, regions } = inputs;
  if (options.core) {
    const known = regions.regions.map((r) => r.code);
    const unknown = options.core.filter((c) => !known.includes(c));
    if (unknown.length) throw new SoqaError('E_BAD_OPTION', msg.coreNotInRegions(options.coreRaw ?? options.core.join(','), unknown, known), EXIT.BAD_OPTIONS);
  }
  if (ingest.counts.accepted === 0) throw new SoqaError('E_NO_ROWS', msg.noRowsForCommand(ingest.counts.read, ingest.counts.rejected), EXIT.UNUSABLE_INPUT);
  const fieldsOfActivity = loadFieldsOfActivity();
  const governance = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const cube = inputCube(ingest, governance);
  const ctx: AnalysisContext = {
    cube,
    dataset: ingest.dataset,
    regions,
    fieldsOfActivity,
    // configuration is read here, at the boundary, so that analyses never touch the filesystem
    options: { seed: options.seed ?? 1, core: options.core, config: { framework: loadFramework('default'), rules: loadRules('default') }, extra: options.extra ?? {} },
    log,
  };
  return { ctx, inputs };
}
