import { EXIT } from '../../../core/exit-codes.js';
import { measureInput } from '../../../core/messages.js';
import { SoqaError } from '../../../core/soqa-error.js';

/**
 * Build the error every composite/coupling measure throws on bad input
 * (`E_MEASURE_INPUT`, exit code 3 "bad options"). Internal helper, not part of the barrel.
 *
 * @param measure name of the public function, e.g. `'entropyWeights'`
 * @param problem what is wrong, in plain words
 * @returns the error, for the caller to throw
 * @throws never
 * @example
 * measureError('entropyWeights', 'matrix has no rows').message; // => 'entropyWeights: matrix has no rows'
 */
export function measureError(measure: string, problem: string): SoqaError {
  return new SoqaError('E_MEASURE_INPUT', measureInput(measure, problem), EXIT.BAD_OPTIONS);
}
