import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import type { CellProblem } from '../convert-row.js';
import { MAX_COLUMNS, MAX_FIELD_CHARS, MAX_RECORD_CHARS, type CsvProblem } from './csv-record-parser.js';

/** The parser limits a reader was given (defaults when left out). */
export interface CsvLimits {
  /** Longest field, in decoded characters (default 1 MiB). */
  maxFieldChars?: number;
  /** Most fields in the header or any record (default 10,000). */
  maxColumns?: number;
  /** Longest record, in characters (default 16 MiB). */
  maxRecordChars?: number;
}

/**
 * The limits of `o` alone, to hand to a parser or a worker.
 *
 * @param o options that may hold limits
 * @returns just the limits
 * @example
 * csvLimits({ maxColumns: 50, delimiter: ';' }); // => { maxFieldChars: undefined, maxColumns: 50, maxRecordChars: undefined }
 */
export function csvLimits(o: CsvLimits): CsvLimits {
  return { maxFieldChars: o.maxFieldChars, maxColumns: o.maxColumns, maxRecordChars: o.maxRecordChars };
}

/** Control characters that plain CSV text never holds (tab, CR and LF excepted). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The row reject for a stretch of input the CSV parser could not make a record of.
 *
 * @param problem what the parser reported
 * @param limits the limits the parser was given (defaults: 1 MiB field, 10,000 fields, 16 MiB record)
 * @param headerFields fields of the file's header (for a row with too many fields)
 * @returns the problem, with code R_UNTERMINATED_QUOTE, R_FIELD_TOO_LONG, R_FIELD_COUNT or R_RECORD_TOO_LONG
 * @example
 * csvProblemReject({ kind: 'field-too-long', line: 9, excerpt: 'x' }, {}, 5).code; // => 'R_FIELD_TOO_LONG'
 */
export function csvProblemReject(problem: CsvProblem, limits: CsvLimits, headerFields: number): CellProblem {
  const base = { column: '', value: problem.excerpt };
  switch (problem.kind) {
    case 'unterminated-quote':
      return {
        ...base,
        code: 'R_UNTERMINATED_QUOTE',
        reason: 'has a quote that is never closed; the row was skipped and reading resumed on the next line',
      };
    case 'field-too-long':
      return {
        ...base,
        code: 'R_FIELD_TOO_LONG',
        reason: `has a field longer than ${limits.maxFieldChars ?? MAX_FIELD_CHARS} characters`,
      };
    case 'too-many-fields':
      return {
        ...base,
        code: 'R_FIELD_COUNT',
        reason: `has more than ${limits.maxColumns ?? MAX_COLUMNS} fields, the header has ${headerFields}; the rest of the line was skipped`,
      };
    case 'record-too-long':
      return {
        ...base,
        code: 'R_RECORD_TOO_LONG',
        reason: `is longer than ${limits.maxRecordChars ?? MAX_RECORD_CHARS} characters; the row was skipped and reading resumed on the next line`,
      };
  }
}

/**
 * The error for a header row the parser could not make a record of: binary input when its
 * first characters are control characters (a run of NUL bytes, `/dev/zero`), a header
 * wider than the column limit, else a header that cannot be read.
 *
 * @param problem what the parser reported for the first record
 * @param file the input's name
 * @param encoding the encoding it was read with
 * @param limits the limits the parser was given
 * @returns the error to throw (exit 2): E_BINARY_INPUT, E_TOO_MANY_COLUMNS or E_BAD_HEADER
 * @example
 * headerProblemError({ kind: 'field-too-long', line: 1, excerpt: '\0\0' }, 'zeros.csv', 'utf-8', {}).code; // => 'E_BINARY_INPUT'
 */
export function headerProblemError(problem: CsvProblem, file: string, encoding: string, limits: CsvLimits): SoqaError {
  const where = { file, line: problem.line };
  if (CONTROL.test(problem.excerpt)) return new SoqaError('E_BINARY_INPUT', msg.binaryInput(file, encoding), where);
  if (problem.kind === 'too-many-fields')
    return new SoqaError(
      'E_TOO_MANY_COLUMNS',
      msg.tooManyColumns(file, problem.line, limits.maxColumns ?? MAX_COLUMNS),
      where,
    );
  return new SoqaError('E_BAD_HEADER', msg.badHeader(file, problem.line, problem.kind), where);
}
