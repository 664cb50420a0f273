import { EXIT } from '../../../core/exit-codes.js';
import { measureInput } from '../../../core/messages.js';
import { SoqaError } from '../../../core/soqa-error.js';

/**
 * Build the error every measure throws for invalid input (internal helper, not re-exported
 * from the barrel): code `E_MEASURE_INPUT`, exit code {@link EXIT.BAD_OPTIONS}.
 *
 * @param measure name of the measure, e.g. `'gini'`
 * @param problem what is wrong, naming the index or option
 * @returns the error, ready to `throw`
 * @throws never
 * @example
 * measureError('gini', 'values must be non-negative, got -3 at index 2').message;
 * // => 'gini: values must be non-negative, got -3 at index 2'
 */
export function measureError(measure: string, problem: string): SoqaError {
  return new SoqaError('E_MEASURE_INPUT', measureInput(measure, problem), EXIT.BAD_OPTIONS);
}
