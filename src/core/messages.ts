/**
 * Every user-facing message soqa prints lives here (errors, warnings, notes), so that the
 * wording stays consistent, says what is wrong and how to fix it, and can be reviewed in
 * one place. Each function returns the full text; callers attach a code and an exit code.
 */

const q = (v: unknown): string => JSON.stringify(String(v));

/** Invalid argument to a pure measure function (library API). */
export const measureInput = (measure: string, problem: string): string =>
  `${measure}: ${problem}`;

/** Generic "this option value is wrong" for CLI options. */
export const badOption = (option: string, value: unknown, expected: string): string =>
  `option ${option}: ${q(value)} is not valid; expected ${expected}.`;

/** An internal error, with a request to report it. */
export const internalError = (detail: string): string =>
  `internal error: ${detail}\nThis is a bug in soqa. Please report it with the command you ran and, if you can, the input file.`;

export { q as quote };
