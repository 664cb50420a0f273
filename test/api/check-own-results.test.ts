import { describe, expect, it } from 'vitest';
import { checkOwnResults } from '../../src/api/check-own-results.js';
import { schemaValidator } from '../../src/ingest/read-json-config.js';
import type { Results } from '../../src/results/results.js';

describe('checkOwnResults', () => {
  it('throws an internal error naming the JSON path when results made by the run do not match the schema', () => {
    // schemas/results.schema.json requires `soqa`, `notice`, `provenance`, … at the top level: an object
    // holding only `schemaVersion` lacks them
    const bad = { schemaVersion: 'one' } as unknown as Results;
    let err: unknown;
    try {
      checkOwnResults(schemaValidator('results.schema.json'), bad, 'results.json of 150100');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_RESULTS_SCHEMA' });
    expect(String((err as Error).message)).toMatch(
      /results\.json of 150100 does not match its schema: \(the top level\): the property "soqa" is missing/,
    );
  });
});
