import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisContext } from '../../../src/analyses/analysis-context.js';
import { spatialSection, type SpatialSection } from '../../../src/analyses/spatial/spatial-section.js';
import { sampleContext } from '../support/sample-context.js';
import { nonFinitePaths } from '../support/tiny-cube.js';

// End to end on the synthetic sample generator (src/sample), which is calibrated to seed 000:
// "centre agglomerates, periphery disperses", and the periphery leans to ecology and charity.
// These are properties the generator was built to have, not numbers copied from output.
describe('spatialSection on the generated sample', () => {
  let ctx: AnalysisContext;
  let s: SpatialSection;
  beforeAll(async () => {
    ctx = await sampleContext(2000);
    s = spatialSection(ctx);
  });

  it('the core share exceeds the core population share in every year', () => {
    expect(s.core.regions).toEqual(['150100', '150200', '150600']);
    expect(s.years.length).toBeGreaterThan(10);
    for (const r of s.series) expect(r.coreShare!).toBeGreaterThan(r.corePopShare!);
    expect(s.byYear.at(-1)!.verdict.en).toContain('organizations concentrate in the core ("centre agglomerates")');
  });

  it('the periphery over-represents ecology and charity in the last year', () => {
    expect(s.byYear.at(-1)!.fields!.literatureClaim.holds).toBe(true);
  });

  it('gives a full, finite profile for every year and type', () => {
    expect(nonFinitePaths(s)).toEqual([]);
    for (const y of s.byYear) {
      expect(y.all.theilT!.between + y.all.theilT!.within).toBeCloseTo(y.all.theilT!.total, 12);
      expect(y.all.moran!.permutation!.permutations).toBe(9999);
      expect(y.all.lorenz!.at(-1)).toMatchObject({ x: 1, y: 1 });
    }
  });
});
