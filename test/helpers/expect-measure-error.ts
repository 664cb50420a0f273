import { expect } from 'vitest';
import { EXIT } from '../../src/core/exit-codes.js';
import { SoqaError } from '../../src/core/soqa-error.js';

/**
 * Assert that `fn` throws the measures' input error: a SoqaError with code
 * `E_MEASURE_INPUT`, exit code BAD_OPTIONS, and a message matching `message`.
 *
 * @param fn the call that should throw
 * @param message text or pattern the message must contain / match
 */
export function expectMeasureError(fn: () => unknown, message: string | RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a SoqaError to be thrown').toBeInstanceOf(SoqaError);
  const err = caught as SoqaError;
  expect(err.code).toBe('E_MEASURE_INPUT');
  expect(err.exitCode).toBe(EXIT.BAD_OPTIONS);
  if (typeof message === 'string') expect(err.message).toContain(message);
  else expect(err.message).toMatch(message);
}
