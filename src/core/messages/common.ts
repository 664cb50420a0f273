import { q } from './format.js';

/**
 * Messages every stage uses: a bad option or argument, an internal error, a quoted value.
 */

/** Generic "this option value is wrong" for CLI options. */
export const badOption = (option: string, value: unknown, expected: string): string =>
  `option ${option}: ${q(value)} is not valid; expected ${expected}.`;

/** An internal error, with a request to report it. */
export const internalError = (detail: string): string =>
  `internal error: ${detail}\nThis is a bug in soqa. Please report it with the command you ran and, if you can, the input file.`;

/** A value quoted for a message (`"2020-"`). */
export { q as quote };

/** Invalid argument to a library helper that is not a measure (e.g. credit-code helpers). */
export const invalidArgument = (fn: string, value: unknown, expected: string): string =>
  `${fn}: ${q(value)} is not valid; expected ${expected}.`;
