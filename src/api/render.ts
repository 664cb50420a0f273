import { createLogger, type LogEntry } from '../core/logger.js';
import { SoqaError } from '../core/soqa-error.js';
import { schemaValidator } from '../ingest/read-json-config.js';
import { schemaProblems } from '../ingest/schema-problems.js';
import type { Results } from '../results/results.js';
import { apiIO, bulletinOf, checkFormats, checkLang, type Format } from './api-options.js';
import { writeReport } from './write-report.js';

/** Options of {@link render}. */
export interface RenderOptions {
  /** The output folder (created; staged beside and swapped in whole). */
  outDir: string;
  /** What to write (default as `soqa report`: `md`, `html`, `png`, `svg`; `json` also writes results.json). */
  formats?: readonly Format[];
  /** Language of the report and charts (default `zh`). */
  lang?: 'zh' | 'en';
  /** Yearly bulletin: the year reported on (default: the bulletin years of the results, if any). */
  year?: number;
  /** Yearly bulletin: the earlier year compared with. */
  compare?: number;
  /** Write into an existing folder soqa did not create (default false). */
  force?: boolean;
  /** Receives every warning and note (a missing CJK font, a chart that failed, what was written). */
  onLog?: (entry: LogEntry) => void;
}

/** What {@link render} returns. */
export interface RenderOutput {
  /** The output folder (absolute). */
  outDir: string;
  /** The warnings and notes logged. */
  log: LogEntry[];
}

/**
 * Write what `soqa report` writes for a results object: report.md, report.html, the charts
 * (`charts/<name>.vl.json`, `.svg`, `.png`), the tables (`tables/*.csv`) and, with `json`,
 * results.json. Nothing is printed; warnings go to `onLog`.
 *
 * @param results results from {@link analyze} (or a results.json read with `JSON.parse`)
 * @param options folder, formats (default md, html, png, svg), language (default zh), bulletin years
 * @returns the folder written and the log
 * @throws SoqaError E_RESULTS_INVALID (exit code 2, as `soqa report`) when `results` does not match
 *   schemas/results.schema.json, E_BAD_OPTION (3) for an unknown format or a bulletin year
 *   not in the results, E_OUT_NOT_SOQA (3) for a folder holding other files without `force`
 * @example
 * import { analyze, render } from 'soqa';
 * const { results } = await analyze({ files: ['registry.csv'] });
 * await render(results, { outDir: 'reports/registry', formats: ['md', 'html'], lang: 'en' });
 */
export async function render(results: Results, options: RenderOptions): Promise<RenderOutput> {
  const formats = checkFormats(options.formats ?? ['md', 'html', 'png', 'svg']);
  const lang = checkLang(options.lang);
  const bulletin = bulletinOf(options.year, options.compare);
  const valid = schemaValidator('results.schema.json');
  if (!valid(results))
    throw new SoqaError(
      'E_RESULTS_INVALID',
      `render(): the results do not match schemas/results.schema.json:\n${schemaProblems(valid.errors ?? [], results)
        .map((p) => `  - ${p}`)
        .join('\n')}\nPass the results of analyze(), or a results.json it wrote, unchanged.`,
    );
  const log = createLogger(options.onLog);
  const outDir = await writeReport(
    results,
    { outDir: options.outDir, formats, lang, force: !!options.force, bulletin, quiet: false },
    apiIO(log),
    log,
  );
  return { outDir, log: [...log.entries] };
}
