import { describe, expect, it } from 'vitest';
import { computeSampleResults } from '../render/report/results-fixture.js';
import { sampleCsv } from '../analyses/support/sample-context.js';
import { sharedSample } from './shared-samples.js';

// The samples the global setup computes once per run must be exactly what a test file would
// compute itself: the same CSV text, and the same results object after the v8 round trip.
describe('shared samples of the global setup', () => {
  it('the 2000-organization CSV is the generated one', () => {
    const csv = sharedSample('csv2000');
    expect(csv).not.toBeNull();
    expect(csv).toBe(sampleCsv(2000, 20240601));
  });

  it('the 400-organization results equal a fresh computation', async () => {
    const shared = sharedSample('results400');
    expect(shared).not.toBeNull();
    expect(shared).toStrictEqual(await computeSampleResults(400));
  });
});
