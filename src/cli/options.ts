import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import type { InputEncoding } from '../ingest/decode/detect-encoding.js';

const ENCODINGS: Record<string, InputEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

/**
 * Validate `--encoding`.
 *
 * @param value option value (undefined = detect)
 * @returns the decoder name
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseEncodingOption('GBK'); // => 'gb18030'
 */
export function parseEncodingOption(value: string | undefined): InputEncoding | undefined {
  if (value === undefined) return undefined;
  const e = ENCODINGS[value.toLowerCase()];
  if (!e)
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption('--encoding', value, 'utf-8, gb18030 (gbk), utf-16le or utf-16be'),
    );
  return e;
}

/**
 * Validate `--delimiter` (`,`, `tab`, `;`, `|`).
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseDelimiterOption('tab'); // => '\t'
 */
export function parseDelimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (![',', '\t', ';', '|'].includes(d))
    throw new SoqaError('E_BAD_OPTION', msg.badOption('--delimiter', value, 'one of , tab ; |'));
  return d;
}

/**
 * Validate a positive integer option.
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseIntOption('--orgs', '1000', 1); // => 1000
 */
export function parseIntOption(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, `a whole number from ${min} to ${max}`));
  return n;
}

/** Text of `--permutations` (analyze and spatial). */
export const PERMUTATIONS_HELP =
  "permutations of the Moran's I and local Moran (LISA) tests, 0 to 99999 (default 9999; fewer run faster on many regions and years, with coarser pseudo p-values; 0: no permutation test)";

/**
 * Validate `--permutations`: a whole number from 0 to 99,999.
 *
 * @param value its text, or undefined when not given
 * @returns the permutations, or undefined (the analysis's default, 9,999)
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parsePermutationsOption('999'); // => 999
 */
export function parsePermutationsOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseIntOption('--permutations', value, 0, 99_999);
}

/**
 * Validate a size in bytes: a whole number, optionally with K, M, G or T (powers of 1024;
 * `KB`, `KiB` alike).
 *
 * @param name the option, for the message
 * @param value its text
 * @returns the bytes, or undefined when the option was not given
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseByteSizeOption('--max-input-bytes', '2G'); // => 2147483648
 */
export function parseByteSizeOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*(?:([KMGT])(?:i?B)?)?\s*$/i.exec(value);
  const n = m ? Number(m[1]) * 1024 ** ' KMGT'.indexOf((m[2] ?? ' ').toUpperCase()) : NaN;
  if (!m || !Number.isSafeInteger(n) || n < 1)
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, 'a size in bytes such as 500000000, 500M or 4G'));
  return n;
}

/**
 * Validate a year range `A-B`.
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseYearRange('--years', '2008-2024'); // => [2008, 2024]
 */
export function parseYearRange(name: string, value: string): [number, number] {
  const m = /^(\d{4})\s*[-–:]\s*(\d{4})$/.exec(value.trim());
  if (!m || Number(m[1]) > Number(m[2]))
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, 'a year range A-B such as 2008-2024'));
  return [Number(m[1]), Number(m[2])];
}

/**
 * Validate `--core`: a comma-separated list of 6-digit region codes (duplicates dropped).
 * Whether the codes are in the regions file is checked once the file is loaded.
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseCoreOption('150100, 150200,150600'); // => ['150100', '150200', '150600']
 */
export function parseCoreOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split(',').map((s) => s.trim());
  if (codes.length === 0 || codes.some((c) => !/^\d{6}$/.test(c)))
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption('--core', value, 'comma-separated 6-digit region codes such as 150100,150200,150600'),
    );
  return [...new Set(codes)];
}

/**
 * Validate an option that takes one of a fixed set of words.
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseChoiceOption('--by', 'field', ['type', 'field'] as const); // => 'field'
 */
export function parseChoiceOption<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(choices as readonly string[]).includes(v))
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, `one of ${choices.join(', ')}`));
  return v as T;
}

/** Output formats of `--format`: results.json, report.md, report.html, chart PNG, chart SVG. */
export type OutputFormat = 'json' | 'md' | 'html' | 'png' | 'svg';

/** Every output format, in the order `--format` lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'md', 'html', 'png', 'svg'];

/**
 * Validate `--format`: a comma-separated list of json, md, html, png, svg (case and spaces
 * ignored; `markdown` = md).
 *
 * @param value option value
 * @param allowed formats the command accepts (default: all)
 * @returns the set of formats
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * [...parseFormatOption('json, HTML')]; // => ['json', 'html']
 */
export function parseFormatOption(value: string, allowed: readonly OutputFormat[] = OUTPUT_FORMATS): Set<OutputFormat> {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '')
    .map((s) => (s === 'markdown' ? 'md' : s));
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (items.length === 0 || bad.length > 0)
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption('--format', value, `a comma-separated list of ${allowed.join(', ')}`),
    );
  return new Set(items as OutputFormat[]);
}

/**
 * Validate `--lang` (`zh` or `en`; `zh-CN`, `cn`, `chinese`, `en-US`, `english` accepted).
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseLangOption('EN'); // => 'en'
 */
export function parseLangOption(value: string): 'zh' | 'en' {
  const v = value.trim().toLowerCase();
  if (['zh', 'zh-cn', 'zh-hans', 'cn', 'chinese'].includes(v)) return 'zh';
  if (['en', 'en-us', 'en-gb', 'english'].includes(v)) return 'en';
  throw new SoqaError('E_BAD_OPTION', msg.badOption('--lang', value, 'zh or en'));
}

/**
 * Validate a calendar-year option (`--year`, `--compare`): four digits, 1949–2035 (the
 * years soqa accepts in data).
 *
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseYearOption('--year', '2024'); // => 2024
 */
export function parseYearOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 1949 || n > 2035)
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, 'a year from 1949 to 2035 such as 2024'));
  return n;
}

/** The yearly-bulletin options as given (either may be missing; resolved against the data later). */
export interface BulletinOption {
  year?: number;
  compare?: number;
}

/**
 * Validate `--year` and `--compare` of the yearly bulletin: each a year, and `--compare`
 * earlier than `--year` when both are given. Whether the years are in the data is checked
 * once the data (or results.json) is read (`resolveBulletinYears`).
 *
 * @returns the options, or undefined when neither is given (no bulletin)
 * @throws SoqaError E_BAD_OPTION (exit 3)
 * @example
 * parseBulletinOptions('2024', '2023'); // => { year: 2024, compare: 2023 }
 */
export function parseBulletinOptions(
  year: string | undefined,
  compare: string | undefined,
): BulletinOption | undefined {
  const y = parseYearOption('--year', year);
  const c = parseYearOption('--compare', compare);
  if (y === undefined && c === undefined) return undefined;
  if (y !== undefined && c !== undefined && c >= y)
    throw new SoqaError('E_BAD_OPTION', msg.bulletinCompareNotBefore(c, y));
  return { ...(y !== undefined ? { year: y } : {}), ...(c !== undefined ? { compare: c } : {}) };
}
