import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../../src/analyses/analysis-context.js';
import {
  COLLECT_FROM_ORGANIZATIONS,
  collectAfterAnalyses,
  collectGarbage,
} from '../../../src/cli/pipeline/collect-garbage.js';

/** A context whose rows report `organizations` organizations (nothing else is read). */
const withOrganizations = (organizations: number) =>
  ({ rows: { kind: 'rows', shape: 'registry', fields: [], rows: { organizations } } }) as unknown as Pick<
    AnalysisContext,
    'rows'
  >;

describe('collectGarbage', () => {
  it('runs a full collection, and leaves gc() unexposed to other contexts', () => {
    expect(collectGarbage()).toBe(true);
    expect(collectGarbage()).toBe(true); // the function taken the first time is kept
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('collectAfterAnalyses', () => {
  it('collects from 100,000 organizations on, not below, and not without organization rows', () => {
    expect(COLLECT_FROM_ORGANIZATIONS).toBe(100_000);
    expect(collectAfterAnalyses(withOrganizations(100_000))).toBe(true);
    expect(collectAfterAnalyses(withOrganizations(99_999))).toBe(false);
    expect(collectAfterAnalyses({ rows: { kind: 'aggregate' } })).toBe(false);
  });
});
