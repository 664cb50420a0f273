import { createLogger, type LogEntry } from '../core/logger.js';
import { SoqaError } from '../core/soqa-error.js';
import { loadFramework } from '../ingest/framework/load-framework.js';
import { loadRules } from '../ingest/rules/load-rules.js';
import type { InputKind } from '../ingest/aggregate/detect-input-kind.js';
import type { Results } from '../results/results.js';
import { runAnalysis } from './run-analysis.js';
import { rowsToFile, streamToFile, type InputRow, type TemporaryInput } from './input-file.js';
import type { Problem } from './problem-sink.js';
import {
  apiIO,
  checkFormats,
  checkLang,
  encodingOf,
  delimiterOf,
  bulletinOf,
  coreOf,
  permutationsOf,
  type Format,
} from './api-options.js';

/** Options of {@link analyze}: the options of `soqa analyze`, as values instead of strings. */
export interface AnalyzeOptions {
  /**
   * Input files (`.csv`, `.csv.gz`, `.xlsx`); several files are one dataset. Give at most one
   * of `files`, `stream` and `rows`; none of them reads the built-in synthetic sample.
   */
  files?: string | readonly string[];
  /** The bytes of one input (a CSV, gzip or workbook), e.g. `fs.createReadStream(…)` or an HTTP body. */
  stream?: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;
  /** Organization rows already in memory, one object per row keyed by column name (checked like a file's rows). */
  rows?: readonly InputRow[];
  /** The name of a `stream` or `rows` input, as results.json and rejects name it (default `stream.csv` / `rows.csv`). */
  name?: string;
  /** Input profile: built-in name or JSON file (default `default`). */
  profile?: string;
  /** Regions file: built-in name, JSON file or `auto` (default: the profile's). */
  regions?: string;
  /** Narrow a regions file of all China to one province: `440000`, `广东省` or `广东`. */
  within?: string;
  /** Core region codes (default: zone "core" of the regions file). */
  core?: readonly string[];
  /** Force the text encoding: `utf-8`, `gb18030` (`gbk`), `utf-16le`, `utf-16be` (default: detect). */
  encoding?: string;
  /** Force the delimiter: `,`, `tab`, `;`, `|` (default: detect). */
  delimiter?: string;
  /** Excel workbooks: the sheet, by name or number (default: the first with a recognisable table). */
  sheet?: string | number;
  /** Organization rows or an aggregated table (default: detect from the header). */
  inputKind?: InputKind;
  /** The header's line (default: the first row within the first 30 that maps the required columns). */
  headerRow?: number;
  /** Refuse an input larger than this many bytes once decompressed (default: no limit). */
  maxInputBytes?: number;
  /** Indicator framework: built-in name or JSON file (default `default`). */
  framework?: string;
  /** Warning rules: built-in name or JSON file (default `default`). */
  rules?: string;
  /** Yearly bulletin: the year reported on (default with `compare`: the last year of the data). */
  year?: number;
  /** Yearly bulletin: the earlier year compared with (default with `year`: the year before). */
  compare?: number;
  /** Stream the organization rows through temporary files (default `auto`: inputs of 64 MB or more). */
  streamRows?: 'auto' | 'always' | 'never';
  /** List the flagged organizations in `analyses.supervision` (default false: counts only). */
  listOrganizations?: boolean;
  /** Permutations of the Moran's I and LISA tests, 0 to 99,999 (default 9,999; fewer run faster on many regions and years). */
  permutations?: number;
  /**
   * Also write what `soqa analyze --out DIR` writes (results.json, rejects.csv, warnings.csv,
   * tables/, the report and charts chosen by `formats`). Default: write nothing.
   */
  outDir?: string;
  /** With `outDir`: what to write (default all: `json`, `md`, `html`, `png`, `svg`). */
  formats?: readonly Format[];
  /** With `outDir`: language of the report and charts (default `zh`). */
  lang?: 'zh' | 'en';
  /**
   * With `outDir`: also one report per region in `<outDir>/<code>/` (per prefecture or
   * league, comparing its counties, when the rows are placed in counties), each compared with
   * the whole input (`analyses.unit`), and index.md / index.html linking them.
   */
  each?: 'region';
  /** With `outDir`: write into an existing folder soqa did not create (default false). */
  force?: boolean;
  /** Receives every rejected row in input order; they are then not collected in `rejects`. */
  onReject?: (row: Problem) => void;
  /** Receives every warning row (10,000 per code at most); they are then not collected in `warnings`. */
  onWarning?: (row: Problem) => void;
  /** Receives every warning and note as it is logged (what the CLI prints on stderr). */
  onLog?: (entry: LogEntry) => void;
  /** Receives the number of rows read so far, now and then while reading. */
  onProgress?: (rowsRead: number) => void;
}

/** What {@link analyze} returns. */
export interface AnalyzeOutput {
  /** Everything computed: the content of results.json (schemas/results.schema.json, docs/RESULTS.md). */
  results: Results;
  /** Every rejected row with file, line and reason (empty when `onReject` took them). */
  rejects: Problem[];
  /** Rows accepted with a warning, up to 10,000 per code (empty when `onWarning` took them). */
  warnings: Problem[];
  /** The warnings and notes logged during the run (what the CLI prints on stderr). */
  log: LogEntry[];
  /** True when any row was rejected or warned about (`soqa analyze --strict` exits 1 then). */
  findings: boolean;
  /** The output folder written (absolute), when `outDir` was given. */
  outDir?: string;
}

/**
 * Run soqa's whole analysis pipeline, as `soqa analyze` does: read and check the input, build
 * the cube, run every analysis (counts, indicators, spatial concentration, trends, staff,
 * tension, risk warnings, and the yearly bulletin with `year`/`compare`). Nothing is printed
 * and the process is never ended: warnings go to `onLog`, and errors are thrown.
 *
 * @param options input (files, a stream, rows in memory; none = the built-in sample) and
 *   the options of `soqa analyze`
 * @returns the results (results.json's content), the rejected and warned rows, the log
 * @throws SoqaError with the CLI's code and exit code: `E_NO_ROWS`, `E_MISSING_COLUMN`,
 *   `E_INPUT_READ`… (exitCode 2, unusable input), `E_BAD_OPTION`, `E_UNKNOWN_PROFILE`…
 *   (exitCode 3, bad options or configuration)
 * @example
 * import { analyze } from 'soqa';
 * const { results, rejects } = await analyze({ files: ['registry.csv'], year: 2024, compare: 2023 });
 * console.log(results.provenance.rows, rejects.length);
 * @example
 * // rows already in memory, rejects streamed to a callback
 * const { results } = await analyze({ rows, onReject: (r) => console.error(r.line, r.reason) });
 */
export async function analyze(options: AnalyzeOptions = {}): Promise<AnalyzeOutput> {
  const rejects: Problem[] = [];
  const warnings: Problem[] = [];
  const log = createLogger(options.onLog);
  const formats = checkFormats(options.formats);
  const lang = checkLang(options.lang);
  let temporary: TemporaryInput | undefined;
  try {
    const files = await inputFiles(options, (t) => (temporary = t));
    const { results, outDir, findings } = await runAnalysis(
      {
        files,
        input: {
          profile: options.profile ?? 'default',
          regions: options.regions,
          within: options.within,
          encoding: encodingOf(options.encoding),
          delimiter: delimiterOf(options.delimiter),
          sheet: options.sheet === undefined ? undefined : String(options.sheet),
          quiet: false,
          inputKind: options.inputKind,
          headerRow: options.headerRow,
          maxInputBytes: options.maxInputBytes,
          onProgress: options.onProgress,
        },
        framework: loadFramework(options.framework ?? 'default'),
        rules: loadRules(options.rules ?? 'default'),
        core: coreOf(options.core),
        bulletin: bulletinOf(options.year, options.compare),
        stream: options.streamRows ?? 'auto',
        listOrganizations: options.listOrganizations ?? false,
        permutations: permutationsOf(options.permutations),
        out: options.outDir === undefined ? undefined : { dir: options.outDir, force: !!options.force, formats, lang },
        each: options.each,
      },
      {
        io: apiIO(log),
        log,
        problems: {
          reject: options.onReject ?? ((r) => rejects.push(r)),
          warning: options.onWarning ?? ((r) => warnings.push(r)),
        },
      },
    );
    return { results, rejects, warnings, log: [...log.entries], findings, ...(outDir ? { outDir } : {}) };
  } finally {
    (temporary as TemporaryInput | undefined)?.remove();
  }
}

/** The paths to read: the files, or a temporary file holding the stream or the rows. */
async function inputFiles(options: AnalyzeOptions, keep: (t: TemporaryInput) => void): Promise<string[]> {
  const given = [options.files, options.stream, options.rows].filter((x) => x !== undefined).length;
  if (given > 1)
    throw new SoqaError(
      'E_BAD_OPTION',
      'analyze(): give at most one of files, stream and rows (none reads the built-in sample)',
    );
  if (options.stream) {
    const t = await streamToFile(options.stream, options.name ?? 'stream.csv');
    keep(t);
    return [t.path];
  }
  if (options.rows) {
    const t = await rowsToFile(options.rows, options.name ?? 'rows.csv');
    keep(t);
    return [t.path];
  }
  const files = typeof options.files === 'string' ? [options.files] : [...(options.files ?? [])];
  if (files.includes('-'))
    throw new SoqaError(
      'E_BAD_OPTION',
      'analyze(): "-" (standard input) is for the command line; pass process.stdin as `stream`',
    );
  return files;
}
