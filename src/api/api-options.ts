/**
 * The library's options checked as the CLI checks its own: the same codes (`E_BAD_OPTION`,
 * exit code 3) and messages, with the option named as the CLI names it.
 */
import type { Logger } from '../core/logger.js';
import { SoqaError } from '../core/soqa-error.js';
import type { CliIO } from '../cli/io.js';
import {
  OUTPUT_FORMATS,
  parseBulletinOptions,
  parseCoreOption,
  parseDelimiterOption,
  parseEncodingOption,
  parseFormatOption,
  parseLangOption,
  parsePermutationsOption,
  type BulletinOption,
  type OutputFormat,
} from '../cli/options.js';
import type { InputEncoding } from '../ingest/decode/detect-encoding.js';

/** An output format: `json` (results.json), `md` (report.md), `html` (report.html), `png` and `svg` (charts/). */
export type Format = OutputFormat;

/**
 * The formats to write (default all of them).
 *
 * @param formats the list given
 * @returns the set
 * @throws SoqaError E_BAD_OPTION (exit 3) for an unknown format or an empty list
 * @example
 * checkFormats(['json', 'md']); // => Set { 'json', 'md' }
 */
export function checkFormats(formats: readonly string[] | undefined): Set<OutputFormat> {
  return parseFormatOption((formats ?? OUTPUT_FORMATS).join(','));
}

/**
 * The language (default zh).
 *
 * @param lang `zh` or `en`
 * @returns the language
 * @throws SoqaError E_BAD_OPTION (exit 3) otherwise
 * @example
 * checkLang(undefined); // => 'zh'
 */
export function checkLang(lang: string | undefined): 'zh' | 'en' {
  return lang === undefined ? 'zh' : parseLangOption(lang);
}

/**
 * A forced encoding, checked.
 *
 * @param value the encoding name, e.g. `gbk`
 * @returns the encoding, or undefined to detect it
 * @throws SoqaError E_BAD_OPTION (exit 3) for an unknown name
 */
export function encodingOf(value: string | undefined): InputEncoding | undefined {
  return parseEncodingOption(value);
}

/**
 * A forced delimiter, checked.
 *
 * @param value `,`, `tab`, `;` or `|`
 * @returns the delimiter, or undefined to detect it
 * @throws SoqaError E_BAD_OPTION (exit 3) otherwise
 */
export function delimiterOf(value: string | undefined): string | undefined {
  return parseDelimiterOption(value);
}

/**
 * The bulletin years as given, checked as `--year`/`--compare` are.
 *
 * @param year the year reported on
 * @param compare the earlier year
 * @returns the option, or undefined without either (no bulletin)
 * @throws SoqaError E_BAD_OPTION (exit 3) for a year that is not a whole number or `compare` not before `year`
 */
export function bulletinOf(year: number | undefined, compare: number | undefined): BulletinOption | undefined {
  const text = (v: number | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!Number.isInteger(v)) throw new SoqaError('E_BAD_OPTION', `option ${name}: ${String(v)} is not a year`);
    return String(v);
  };
  return parseBulletinOptions(text(year, '--year'), text(compare, '--compare'));
}

/**
 * Core region codes, checked as `--core` is (six-digit codes; whether they are regions of
 * the run is checked once the regions file is loaded).
 *
 * @param core the codes
 * @returns the codes, or undefined for the regions file's core
 * @throws SoqaError E_BAD_OPTION (exit 3)
 */
export function coreOf(core: readonly string[] | undefined): string[] | undefined {
  return core === undefined ? undefined : parseCoreOption(core.join(','));
}

/**
 * The permutations of the spatial tests, checked as `--permutations` is.
 *
 * @param permutations a whole number from 0 to 99,999
 * @returns the number, or undefined for the default (9,999)
 * @throws SoqaError E_BAD_OPTION (exit 3) otherwise
 */
export function permutationsOf(permutations: number | undefined): number | undefined {
  return parsePermutationsOption(permutations === undefined ? undefined : String(permutations));
}

/**
 * The streams the pipeline writes to, for a library call: nothing is printed; the notes the
 * CLI prints on stderr (which regions file was detected, where files were written) are
 * logged as `info` entries with code `I_NOTE`.
 *
 * @param log the call's logger
 * @returns the streams
 */
export function apiIO(log: Logger): CliIO {
  return {
    stdout: () => undefined,
    stderr: (text) => {
      const t = text.replace(/\s+$/, '');
      if (t) log.info('I_NOTE', t);
    },
    stderrIsTTY: false,
  };
}
