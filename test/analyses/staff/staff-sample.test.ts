import { beforeAll, describe, expect, it } from 'vitest';
import { staffSection, type StaffSection } from '../../../src/analyses/staff/staff-section.js';
import { sampleContext } from '../support/sample-context.js';
import { nonFinitePaths } from '../support/tiny-cube.js';

// End to end on the synthetic sample generator (src/sample), which plants an
// intermediate-dominant certificate pocket in Ordos (Ejin Horo Banner lies there, seed 004).
describe('staffSection on the generated sample', () => {
  let s: StaffSection;
  beforeAll(async () => {
    s = staffSection(await sampleContext(2000));
  });

  it('checks the seed claim for the last year and classifies every region', () => {
    expect(s.skipped).toBe(false);
    expect(typeof s.claim!.holds).toBe('boolean');
    const last = s.byYear.at(-1)!;
    expect(last.verdict!.en).toMatch(/claim (holds|does not hold)/);
    expect(last.byRegion.find((r) => r.region === '150600')!.pyramid!.dominant).toBe('intermediate-dominant');
    expect(nonFinitePaths(s)).toEqual([]);
  });
});
