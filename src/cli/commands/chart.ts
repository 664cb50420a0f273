import { escapeMessage } from '../output/escape-control.js';
import { paintLevel } from '../output/paint.js';
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { createLogger } from '../../core/logger.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { CHART_NAMES } from '../../render/charts/chart-registry.js';
import type { CliIO } from '../io.js';
import { parseFormatOption } from '../options.js';
import { abandonOutDir, commitOutDir, prepareOutDir } from '../output/prepare-out-dir.js';
import { readResultsFile } from '../pipeline/read-results.js';
import { startRendererFromEnv } from '../pipeline/chart-renderer-for.js';
import { langFrom, langOption } from '../lang-option.js';
// renderOutputs is imported when the command runs: vega, vega-lite and resvg take most of a second to load

/** Raw commander options of `soqa chart`. */
interface ChartRaw {
  only?: string;
  out?: string;
  lang?: string;
  format: string;
  force: boolean;
  quiet: boolean;
}

/**
 * Validate `--only`: comma-separated chart names of the registry.
 *
 * @param value option value (undefined: every chart)
 * @returns the names, or undefined for all
 * @throws SoqaError E_BAD_OPTION (exit 3) naming the known charts
 */
function parseOnly(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !CHART_NAMES.includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new SoqaError('E_BAD_OPTION', msg.unknownChart(unknown.length ? unknown : [value], CHART_NAMES));
  return names;
}

/**
 * Register `soqa chart RESULTS.json [--only name,…]`: draw charts from a results file
 * (`charts/<name>.vl.json`, `.svg`, `.png`) without recomputing. Exit 2 when none of the
 * charts asked for has data in the results.
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the command's exit code
 */
export function registerChart(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  program
    .command('chart')
    .description('draw charts from a results.json (Vega-Lite spec, SVG and PNG) without recomputing')
    .argument('<results>', 'a results.json written by soqa analyze')
    .option('--only <names>', `charts to draw, comma-separated: ${CHART_NAMES.join(', ')} (default: all with data)`)
    .option('-o, --out <dir>', 'output folder; charts go to <dir>/charts (default: the folder of the results file)')
    .addOption(langOption('the charts'))
    .option('--format <list>', 'chart formats, comma-separated: svg, png', 'svg,png')
    .option('--force', 'write into an existing folder that soqa did not create', false)
    .option('-q, --quiet', 'no summary or warnings on stderr', false)
    .action(async (file: string, raw: ChartRaw) => setExit(await chart(file, raw, io)));
}

async function chart(file: string, raw: ChartRaw, io: CliIO): Promise<ExitCode> {
  const only = parseOnly(raw.only);
  const formats = parseFormatOption(raw.format, ['svg', 'png']);
  const lang = langFrom(raw.lang);
  // chart worker threads load vega while the results file is read and checked
  const renderer = startRendererFromEnv();
  let outDir: string | undefined;
  try {
    const results = readResultsFile(file);
    const target = raw.out ?? dirname(resolve(file));
    // next to the results it reads, chart updates the folder: its other files stay
    outDir = prepareOutDir(target, raw.force, {
      carryOver: resolve(target) === dirname(resolve(file)),
      note: (t) => raw.quiet || io.stderr(t),
    });
    const log = createLogger((e) => {
      if (!raw.quiet && e.level !== 'info') io.stderr(`${paintLevel(e.level)}: ${escapeMessage(e.message)}\n`);
    });
    const { renderOutputs } = await import('../pipeline/render-outputs.js');
    const out = await renderOutputs(results, outDir, { formats, lang, only, quiet: raw.quiet, renderer }, io, log);
    commitOutDir(outDir);
    return out.charts.length === 0 ? EXIT.UNUSABLE_INPUT : EXIT.OK;
  } finally {
    if (outDir) abandonOutDir(outDir);
    await renderer.close();
  }
}
