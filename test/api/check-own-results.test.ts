import { Ajv } from 'ajv';
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

describe('checkOwnResults and numbers that are not finite', () => {
  // a two-property schema compiled with ajv, as the results schema is: `share` may be null, `count` may not
  const valid = new Ajv().compile({
    type: 'object',
    properties: { share: { type: ['number', 'null'] }, count: { type: 'number' } },
    required: ['share', 'count'],
  });

  it('passes results whose NaN stand where the schema allows null, turning them into null as results.json writes them', () => {
    const r = { share: NaN, count: 3 } as unknown as Results;
    expect(() => checkOwnResults(valid, r)).not.toThrow();
    // JSON.stringify({ share: NaN }) is '{"share":null}': the results now say the same
    expect(r).toEqual({ share: null, count: 3 });
  });

  it('still refuses a NaN where the schema wants a number', () => {
    const r = { share: 0.5, count: NaN } as unknown as Results;
    expect(() => checkOwnResults(valid, r)).toThrow(/count/);
  });
});
