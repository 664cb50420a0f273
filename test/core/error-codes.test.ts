import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../src/core/error-codes.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { SoqaError } from '../../src/core/soqa-error.js';

// The exit statuses are those of README.md "Exit codes": 2 unusable input, 3 bad options or
// configuration, 4 internal error.
describe('the error-code registry', () => {
  it('gives each SoqaError the exit status of its code', () => {
    expect(new SoqaError('E_NO_ROWS', 'no usable row').exitCode).toBe(2);
    expect(new SoqaError('E_BAD_OPTION', 'bad --year').exitCode).toBe(3);
    expect(new SoqaError('E_INTERNAL', 'a bug').exitCode).toBe(4);
    expect(new SoqaError('E_MISSING_COLUMN', 'x', { file: 'a.csv' }).location).toEqual({ file: 'a.csv' });
  });

  it('holds only E_ codes with a documented error status (never 0 or 1)', () => {
    const statuses = new Set<number>([EXIT.UNUSABLE_INPUT, EXIT.BAD_OPTIONS, EXIT.INTERNAL]);
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^E_[A-Z0-9_]+$/);
      expect(statuses.has(status)).toBe(true);
    }
  });

  it('tells a known code from another string (codes that crossed a thread boundary)', () => {
    expect(isErrorCode('E_CONFIG_SCHEMA')).toBe(true);
    expect(isErrorCode('E_NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
