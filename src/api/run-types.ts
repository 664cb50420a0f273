import type { Framework } from '../domain/framework/framework.js';
import type { RulesFile } from '../domain/rules/rules.js';
import type { Results } from '../results/results.js';
import type { Lang } from '../render/charts/labels.js';
import type { CliIO } from '../cli/io.js';
import type { Logger } from '../core/logger.js';
import type { BulletinOption, OutputFormat } from '../cli/options.js';
import type { InputOptions } from '../cli/pipeline/load-inputs.js';
import type { StreamChoice } from '../cli/pipeline/stream-choice.js';
import type { ProblemSink } from './problem-sink.js';
import type { AnalysisContext } from '../analyses/analysis-context.js';
import type { EachChoice } from './report-units.js';

/** What the pipeline is asked to do, every option already validated. */
export interface RunAnalysisOptions {
  /** Input paths (`-` for standard input); empty = the built-in sample. */
  files: string[];
  /** Profile, regions, encoding, delimiter, sheet, input kind, header row, size limit, quiet. */
  input: InputOptions;
  framework: Framework;
  rules: RulesFile;
  /** Core region codes (default: zone "core" of the regions file); checked against the regions file. */
  core?: string[];
  /** Yearly bulletin: `--year`/`--compare` as given (resolved against the data's years). */
  bulletin?: BulletinOption;
  /** When to stream the organization rows (`--stream`). */
  stream: StreamChoice;
  /** List the flagged organizations in analyses.supervision. */
  listOrganizations: boolean;
  /** Permutations of the Moran's I and LISA tests (default 9,999; `--permutations`). */
  permutations?: number;
  /** Where to write; undefined = compute only, write nothing. */
  out?: RunOutput;
  /** `--each region`: also one report per region (or per prefecture of county rows) and an index page; needs `out`. */
  each?: EachChoice;
}

/** Where and what a run writes. */
export interface RunOutput {
  /** The output folder (default `reports/<input name>/`). */
  dir?: string;
  /** Write into a folder soqa did not create. */
  force: boolean;
  formats: ReadonlySet<OutputFormat>;
  lang: Lang;
}

/** Where the pipeline reports to. */
export interface RunEnv {
  /** Progress and notes (stderr in the CLI; a callback or nothing in the library). */
  io: CliIO;
  /** Warnings logged while reading and analysing. */
  log: Logger;
  /**
   * Called once the results are complete, after results.json and the tables are written and
   * before the report is rendered (the CLI prints its summary here).
   */
  onResults?: (results: Results, outDir: string | undefined) => void;
  /**
   * Called once the analyses are done, before the results are built and written (the CLI
   * collects the garbage of a large input's analyses here, see `collectAfterAnalyses`).
   */
  onAnalysed?: (context: AnalysisContext) => void;
  /** Where the rejected rows and the warnings go as well (default: only to rejects.csv and warnings.csv, when writing). */
  problems?: ProblemSink;
}

/** What a run gives back. */
export interface RunAnalysisOutput {
  results: Results;
  /** The final output folder (absolute), when the run wrote one. */
  outDir?: string;
  /** True when any row was rejected or accepted with a warning (`--strict` exits 1 then). */
  findings: boolean;
}
