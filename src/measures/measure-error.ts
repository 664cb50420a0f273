/**
 * The error every measure throws for invalid input: a plain `Error` with a stable `code`
 * (`E_MEASURE_INPUT`), the measure's name and the problem. The measures know nothing of the
 * command line: the CLI turns this error into its exit status (3, bad options or
 * configuration), a library user catches it like any other error.
 *
 * @example
 * new MeasureError('gini', 'values must not be empty').message; // => 'gini: values must not be empty'
 */
export class MeasureError extends Error {
  /** Stable machine code of every measure input error. */
  readonly code = 'E_MEASURE_INPUT';
  /** Name of the public function that refused its input, e.g. `'gini'`. */
  readonly measure: string;
  /** What is wrong, naming the index or option. */
  readonly problem: string;

  /**
   * @param measure name of the public function, e.g. `'gini'`
   * @param problem what is wrong, in plain words, naming the index or option
   */
  constructor(measure: string, problem: string) {
    super(`${measure}: ${problem}`);
    this.name = 'MeasureError';
    this.measure = measure;
    this.problem = problem;
  }
}

/**
 * Build the error a measure throws for invalid input (internal helper of the measures).
 *
 * @param measure name of the public function, e.g. `'gini'`
 * @param problem what is wrong, naming the index or option
 * @returns the error, ready to `throw`
 * @throws never
 * @example
 * measureError('gini', 'values must be non-negative, got -3 at index 2').message;
 * // => 'gini: values must be non-negative, got -3 at index 2'
 */
export function measureError(measure: string, problem: string): MeasureError {
  return new MeasureError(measure, problem);
}

/**
 * True when `e` is a {@link MeasureError}.
 *
 * @param e anything caught
 * @returns whether it is a measure's input error
 * @example
 * isMeasureError(new MeasureError('gini', 'no values')); // => true
 */
export function isMeasureError(e: unknown): e is MeasureError {
  return e instanceof MeasureError;
}
