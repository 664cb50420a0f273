import { expect } from 'vitest';
import { MeasureError } from '../../src/measures/measure-error.js';

/**
 * Assert that `fn` throws the measures' input error: a MeasureError (a plain Error, no
 * exit code: the measures know nothing of the CLI) with code `E_MEASURE_INPUT` and a message
 * matching `message`.
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
  expect(caught, 'expected a MeasureError to be thrown').toBeInstanceOf(MeasureError);
  const err = caught as MeasureError;
  expect(err.code).toBe('E_MEASURE_INPUT');
  expect(err).toBeInstanceOf(Error);
  if (typeof message === 'string') expect(err.message).toContain(message);
  else expect(err.message).toMatch(message);
}
