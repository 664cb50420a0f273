import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import type { ExitCode } from './exit-codes.js';

/** Where in an input a problem sits; every field is optional. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: string;
  value?: string;
}

/**
 * The one error type soqa throws on purpose. It carries a stable machine code
 * (e.g. `E_MISSING_COLUMN`), the exit code the CLI should use, and where it happened.
 *
 * @example
 * throw new SoqaError('E_BAD_OPTION', 'option --years: "2020-" is not a range A-B');
 */
export class SoqaError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly location: ErrorLocation;

  /**
   * @param code stable error code of {@link ERROR_CODES}, which sets the exit code
   * @param message full user-facing text (build it with a function from `core/messages/`)
   * @param location file/line/column/value the message refers to (default none)
   */
  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'SoqaError';
    this.code = code;
    this.exitCode = ERROR_CODES[code];
    this.location = location;
  }
}

/** True when `e` is a {@link SoqaError}. */
export function isSoqaError(e: unknown): e is SoqaError {
  return e instanceof SoqaError;
}
