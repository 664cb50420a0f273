import type { Logger } from '../core/logger.js';
import type { Results } from '../results/results.js';
import type { Lang } from '../render/charts/labels.js';
import { countYears } from '../render/results-view.js';
import { serializeResultsParts } from '../results/build-results.js';
import type { CliIO } from '../cli/io.js';
import type { BulletinOption, OutputFormat } from '../cli/options.js';
import { resolveBulletinYears } from '../cli/pipeline/bulletin-years.js';
import { needsCharts, startRendererFromEnv } from '../cli/pipeline/chart-renderer-for.js';
import { abandonOutDir, commitOutDir, finalOutPath, outPath, prepareOutDir } from '../cli/output/prepare-out-dir.js';
import { writeAtomic } from '../cli/output/write-atomic.js';
import { writeResultTables } from '../cli/output/write-result-tables.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** The output folder. */
  outDir: string;
  formats: ReadonlySet<OutputFormat>;
  lang: Lang;
  /** Write into a folder soqa did not create. */
  force: boolean;
  /** The folder is the one the results were read from: its other files stay (an update). */
  carryOver?: boolean;
  /** Yearly bulletin years as given (default: those of `results.analyses.bulletin`). */
  bulletin?: BulletinOption;
  /** No notes or summary. */
  quiet: boolean;
  /** The path results.json was read from: not rewritten onto itself. */
  source?: string;
}

/**
 * Write what `soqa report` writes for a results object: results.json (with `json`), the
 * tables, report.md and report.html, and the charts, into a folder staged beside `outDir`
 * and swapped in whole.
 *
 * @param results the results (valid against schemas/results.schema.json)
 * @param options folder, formats, language, bulletin years
 * @param io where notes go
 * @param log where warnings go (a missing CJK font, a chart that failed)
 * @returns the final output folder (absolute)
 * @throws SoqaError E_BAD_OPTION (exit 3) for a bulletin year not in the results, the
 *   output folder's errors (exit 3)
 * @example
 * await writeReport(results, { outDir: 'out', formats: new Set(['md']), lang: 'en', force: false, quiet: true }, io, log);
 */
export async function writeReport(
  results: Results,
  options: WriteReportOptions,
  io: CliIO,
  log: Logger,
): Promise<string> {
  const { formats, lang, quiet } = options;
  // chart worker threads load vega while the folder is prepared
  const renderer = needsCharts(formats) ? startRendererFromEnv() : undefined;
  let outDir: string | undefined;
  try {
    const bulletin = resolveBulletinYears(options.bulletin, countYears(results));
    outDir = prepareOutDir(options.outDir, options.force, {
      carryOver: options.carryOver,
      note: (t) => quiet || io.stderr(t),
    });
    if (formats.has('json') && finalOutPath(outPath(outDir, 'results.json')) !== options.source)
      writeAtomic(outPath(outDir, 'results.json'), serializeResultsParts(results));
    writeResultTables(results, outDir);
    // vega, vega-lite and resvg take most of a second to load: only now
    const { renderOutputs } = await import('../cli/pipeline/render-outputs.js');
    await renderOutputs(results, outDir, { formats, lang, quiet, bulletin, renderer }, io, log);
    const final = commitOutDir(outDir);
    outDir = undefined;
    return finalOutPath(final);
  } finally {
    if (outDir) abandonOutDir(outDir);
    await renderer?.close();
  }
}
