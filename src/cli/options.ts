import { SoqaError } from '../core/soqa-error.js';
import { EXIT } from '../core/exit-codes.js';
import * as msg from '../core/messages.js';
import type { InputEncoding } from '../ingest/decode/detect-encoding.js';

const ENCODINGS: Record<string, InputEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030',
  'utf-16le': 'utf-16le', 'utf16le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf16be': 'utf-16be',
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
  if (!e) throw new SoqaError('E_BAD_OPTION', msg.badOption('--encoding', value, 'utf-8, gb18030 (gbk), utf-16le or utf-16be'), EXIT.BAD_OPTIONS);
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
  if (![',', '\t', ';', '|'].includes(d)) throw new SoqaError('E_BAD_OPTION', msg.badOption('--delimiter', value, 'one of , tab ; |'), EXIT.BAD_OPTIONS);
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
    throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, `a whole number from ${min} to ${max}`), EXIT.BAD_OPTIONS);
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
  if (!m || Number(m[1]) > Number(m[2])) throw new SoqaError('E_BAD_OPTION', msg.badOption(name, value, 'a year range A-B such as 2008-2024'), EXIT.BAD_OPTIONS);
  return [Number(m[1]), Number(m[2])];
}
