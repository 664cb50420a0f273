import type { ValidateFunction } from 'ajv';
import * as msg from '../core/messages/index.js';
import { SoqaError } from '../core/soqa-error.js';
import { schemaProblems } from '../ingest/schema-problems.js';
import { nullNonFinite } from '../results/null-non-finite.js';
import type { Results } from '../results/results.js';

/**
 * Check results this run made against schemas/results.schema.json before they are written:
 * a mismatch is a soqa bug, reported as an internal error naming the JSON paths (as `soqa
 * report` names them for a file it is given). Numbers that are not finite (NaN from an
 * empty ratio, say) are what results.json writes as null: when the results fail only
 * because of them, they become null in the results too (`nullNonFinite`), so that what the
 * run renders is what the file says, and the check passes where null is allowed.
 *
 * @param valid the compiled results schema
 * @param results the results
 * @param label what the results are, for the message (default `results.json`)
 * @throws SoqaError E_RESULTS_SCHEMA (an internal error) when the results do not match
 * @example
 * checkOwnResults(schemaValidator('results.schema.json'), results);
 */
export function checkOwnResults(valid: ValidateFunction, results: Results, label = 'results.json'): void {
  if (valid(results)) return;
  if (nullNonFinite(results) > 0 && valid(results)) return;
  const problems = schemaProblems(valid.errors ?? [], results, 3);
  throw new SoqaError(
    'E_RESULTS_SCHEMA',
    msg.internalError(`${label} does not match its schema: ${problems.join('; ')}`),
  );
}
