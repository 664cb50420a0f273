import type { Command } from 'commander';
import {
  parseByteSizeOption,
  parseChoiceOption,
  parseDelimiterOption,
  parseEncodingOption,
  parseIntOption,
} from '../options.js';
import { INPUT_KINDS } from '../../ingest/aggregate/detect-input-kind.js';
import type { InputOptions } from './load-inputs.js';
import { langFrom } from '../lang-option.js';

/** Help of `--max-input-bytes` (every command that reads input has it). */
export const MAX_INPUT_BYTES_HELP =
  'refuse an input larger than this once decompressed, e.g. 4G (default: no limit; a guard against gzip bombs)';

/** Raw commander values of the input options shared by the analysis commands. */
export interface InputRaw {
  profile: string;
  regions?: string;
  within?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  quiet: boolean;
  inputKind?: string;
  headerRow?: string;
  maxInputBytes?: string;
  /** `--lang` (every reading command has it). */
  lang?: string;
}

/**
 * Add the input options `soqa analyze` has (files, profile, regions, encoding, delimiter,
 * quiet) to a command.
 *
 * @param cmd the command
 * @returns the same command
 * @example
 * withInputOptions(program.command('staff')).option('--json', 'print JSON', false);
 */
export function withInputOptions(cmd: Command): Command {
  return withReadOptions(
    cmd.argument(
      '[files...]',
      'input files (.csv, .csv.gz, .xlsx; - for stdin; default: the built-in synthetic sample); several files are one dataset',
    ),
  ).option('-q, --quiet', 'no progress or warnings on stderr', false);
}

/**
 * Add the options of how the input is read (profile, regions, within, encoding, delimiter,
 * sheet, input kind, header row, size limit) to a command: {@link withInputOptions} without
 * the files argument and `--quiet`, for a command whose help words those its own way.
 *
 * @param cmd the command
 * @returns the same command
 * @example
 * withReadOptions(program.command('analyze').argument('[files...]')).option('-q, --quiet', 'quiet', false);
 */
export function withReadOptions(cmd: Command): Command {
  return cmd
    .option('-p, --profile <name|path>', 'input profile: built-in name or JSON file', 'default')
    .option(
      '--regions <name|path>',
      'regions file (default: the profile\'s; "auto": the smallest built-in file that places 95% of the rows)',
    )
    .option(
      '--within <province>',
      'narrow a regions file of all China (china-prefectures, china-counties) to one province: 440000, 广东省 or 广东',
    )
    .option('--encoding <name>', 'force the text encoding: utf-8, gb18030 (gbk), utf-16le, utf-16be (default: detect)')
    .option('--delimiter <char>', 'force the delimiter: , tab ; | (default: detect)')
    .option(
      '--sheet <name|n>',
      'Excel workbooks: the sheet to read, by name or number (default: the first sheet with a recognisable table)',
    )
    .option(
      '--input-kind <kind>',
      `what the input holds: ${INPUT_KINDS.join(' or ')} (an aggregated region × year × type table; default: detect from the header)`,
    )
    .option(
      '--header-row <line>',
      'the line of the header row (default: the first row within the first 30 that maps the required columns; titles and unit lines above it are skipped)',
    )
    .option('--max-input-bytes <size>', MAX_INPUT_BYTES_HELP);
}

/**
 * Validate the shared input options.
 *
 * @param raw commander values
 * @returns options for `loadInputs`
 * @throws SoqaError E_BAD_OPTION (exit 3)
 */
export function inputOptionsFrom(raw: InputRaw): InputOptions {
  return {
    profile: raw.profile,
    regions: raw.regions,
    within: raw.within,
    encoding: parseEncodingOption(raw.encoding),
    delimiter: parseDelimiterOption(raw.delimiter),
    sheet: raw.sheet,
    quiet: raw.quiet,
    lang: langFrom(raw.lang),
    inputKind: parseChoiceOption('--input-kind', raw.inputKind, INPUT_KINDS),
    ...(raw.headerRow === undefined ? {} : { headerRow: parseIntOption('--header-row', raw.headerRow, 1) }),
    maxInputBytes: parseByteSizeOption('--max-input-bytes', raw.maxInputBytes),
  };
}
