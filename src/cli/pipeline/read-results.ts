/**
 * Read and check a results.json for re-rendering.
 */
import { readFileSync } from 'node:fs';
import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import { schemaValidator } from '../../ingest/read-json-config.js';
import { schemaProblems } from '../../ingest/schema-problems.js';
import type { Results } from '../../results/results.js';

/**
 * Read a results.json written by `soqa analyze` and validate it against
 * schemas/results.schema.json before anything is rendered from it.
 *
 * @param path the file
 * @returns the results
 * @throws SoqaError `E_RESULTS_READ` (missing or unreadable), `E_RESULTS_JSON` (not JSON),
 *   `E_RESULTS_INVALID` (does not match the schema, down to the inside of every analysis
 *   section; the first problems are listed by JSON path with what was expected), all
 *   exit code 2 (unusable input)
 * @example
 * const results = readResultsFile('reports/sample/results.json');
 */
export function readResultsFile(path: string): Results {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SoqaError(
      'E_RESULTS_READ',
      msg.resultsUnreadable(
        path,
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message,
      ),
      { file: path },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SoqaError('E_RESULTS_JSON', msg.resultsNotJson(path, (e as Error).message), {
      file: path,
    });
  }
  const validate = schemaValidator('results.schema.json');
  if (!validate(data)) {
    const problems = schemaProblems(validate.errors ?? [], data);
    throw new SoqaError('E_RESULTS_INVALID', msg.resultsInvalid(path, problems), { file: path });
  }
  return data as Results;
}
