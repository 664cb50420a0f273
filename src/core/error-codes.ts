import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * Every error code soqa throws, with the exit status it ends a run with (README "Exit
 * codes"): a {@link SoqaError} takes its status from here, so one code means one status
 * wherever it is thrown. 2: the input cannot be used; 3: an option, a configuration file or
 * an output folder is wrong; 4: a bug in soqa.
 */
export const ERROR_CODES = {
  // ---- input (exit 2) ----
  E_AGGREGATE_LAYOUT: EXIT.UNUSABLE_INPUT,
  E_BAD_HEADER: EXIT.UNUSABLE_INPUT,
  E_BINARY_INPUT: EXIT.UNUSABLE_INPUT,
  E_DUPLICATE_COLUMN: EXIT.UNUSABLE_INPUT,
  E_EMPTY_INPUT: EXIT.UNUSABLE_INPUT,
  E_HEADER_ROW: EXIT.UNUSABLE_INPUT,
  E_INPUT_IS_DIR: EXIT.UNUSABLE_INPUT,
  E_INPUT_READ: EXIT.UNUSABLE_INPUT,
  E_INPUT_TOO_LARGE: EXIT.UNUSABLE_INPUT,
  E_MISSING_COLUMN: EXIT.UNUSABLE_INPUT,
  E_MIXED_SHAPES: EXIT.UNUSABLE_INPUT,
  E_NEEDS_ORGANIZATIONS: EXIT.UNUSABLE_INPUT,
  E_NO_FONT: EXIT.UNUSABLE_INPUT,
  E_NO_ROWS: EXIT.UNUSABLE_INPUT,
  E_RESULTS_INVALID: EXIT.UNUSABLE_INPUT,
  E_RESULTS_JSON: EXIT.UNUSABLE_INPUT,
  E_RESULTS_READ: EXIT.UNUSABLE_INPUT,
  E_SHEET_NOT_FOUND: EXIT.UNUSABLE_INPUT,
  E_TOO_MANY_COLUMNS: EXIT.UNUSABLE_INPUT,
  E_UNIT_MISMATCH: EXIT.UNUSABLE_INPUT,
  E_XLSX_BAD_CELL: EXIT.UNUSABLE_INPUT,
  E_XLSX_CORRUPT: EXIT.UNUSABLE_INPUT,
  E_XLSX_NOT_WORKBOOK: EXIT.UNUSABLE_INPUT,
  E_XLSX_TOO_LARGE: EXIT.UNUSABLE_INPUT,
  E_XLS_UNSUPPORTED: EXIT.UNUSABLE_INPUT,
  // ---- options, configuration and output folder (exit 3) ----
  E_BAD_ARGUMENT: EXIT.BAD_OPTIONS,
  E_BAD_OPTION: EXIT.BAD_OPTIONS,
  E_BAD_REGIONS: EXIT.BAD_OPTIONS,
  E_CONFIG_JSON: EXIT.BAD_OPTIONS,
  E_CONFIG_READ: EXIT.BAD_OPTIONS,
  E_CONFIG_SCHEMA: EXIT.BAD_OPTIONS,
  E_FONT_NOT_FOUND: EXIT.BAD_OPTIONS,
  E_FRAMEWORK_INVALID: EXIT.BAD_OPTIONS,
  /** A measure refused its input (`MeasureError` of src/measures, mapped by the CLI). */
  E_MEASURE_INPUT: EXIT.BAD_OPTIONS,
  E_ORG_NOT_FOUND: EXIT.BAD_OPTIONS,
  E_OUT_LOCKED: EXIT.BAD_OPTIONS,
  E_OUT_NOT_DIR: EXIT.BAD_OPTIONS,
  E_OUT_NOT_SOQA: EXIT.BAD_OPTIONS,
  E_REGIONS_INVALID: EXIT.BAD_OPTIONS,
  E_RULES_INVALID: EXIT.BAD_OPTIONS,
  E_SPILL: EXIT.BAD_OPTIONS,
  E_UNKNOWN_FRAMEWORK: EXIT.BAD_OPTIONS,
  E_UNKNOWN_PROFILE: EXIT.BAD_OPTIONS,
  E_UNKNOWN_REGIONS: EXIT.BAD_OPTIONS,
  E_UNKNOWN_RULES: EXIT.BAD_OPTIONS,
  // ---- bugs (exit 4) ----
  E_CHART_INPUT: EXIT.INTERNAL,
  E_INTERNAL: EXIT.INTERNAL,
  E_OUT_ESCAPE: EXIT.INTERNAL,
  E_RESULTS_SCHEMA: EXIT.INTERNAL,
} as const satisfies Record<`E_${string}`, ExitCode>;

/** One error code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * True when a string is a known error code (a code that crossed a thread boundary as text).
 *
 * @param code the candidate
 * @returns whether it is in {@link ERROR_CODES}
 * @example
 * isErrorCode('E_NO_ROWS'); // => true
 */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
