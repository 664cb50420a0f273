import { describe, expect, it } from 'vitest';
import { classifyPyramid, SENIOR_SCARCE_THRESHOLD } from '../../../src/analyses/staff/qualification-pyramid.js';

describe('classifyPyramid', () => {
  it('classifies Ejin Horo Banner (seed 004: 667 junior, 778 intermediate, 2 senior) as intermediate-dominant and senior-scarce', () => {
    // Source: seed 004_e9f4583733504340.txt as summarised in shared DOMAIN.md. 778 > 667 > 2, so the
    // intermediate level is the largest; senior share 2/1447 = 0.14% < 5%. The seed's "junior-dominant,
    // senior-scarce" claim therefore does not hold for it.
    expect(classifyPyramid(667, 778, 2)).toEqual({
      dominant: 'intermediate-dominant',
      seniorScarce: true,
      shape: 'diamond',
      claimHolds: false,
    });
  });

  it('confirms the claim for a junior-dominant, senior-scarce structure', () => {
    // 600 > 300 > 20; senior share 20/920 = 2.2%
    expect(classifyPyramid(600, 300, 20)).toEqual({
      dominant: 'junior-dominant',
      seniorScarce: true,
      shape: 'pyramid',
      claimHolds: true,
    });
  });

  it('uses a strict 5% threshold for senior-scarce', () => {
    expect(SENIOR_SCARCE_THRESHOLD).toBe(0.05);
    // 5/100 = 5%: not under 5%
    expect(classifyPyramid(50, 45, 5)).toMatchObject({
      dominant: 'junior-dominant',
      seniorScarce: false,
      claimHolds: false,
    });
    // 4/99 = 4.04%
    expect(classifyPyramid(50, 45, 4)!.seniorScarce).toBe(true);
  });

  it('handles ties, inverted and irregular structures, and nobody certified', () => {
    expect(classifyPyramid(10, 10, 1)).toMatchObject({ dominant: 'tied', claimHolds: false, shape: 'pyramid' });
    expect(classifyPyramid(1, 2, 3)).toEqual({
      dominant: 'senior-dominant',
      seniorScarce: false,
      shape: 'inverted',
      claimHolds: false,
    });
    // junior ≥ mid but mid < senior, and mid is not the largest: irregular
    expect(classifyPyramid(5, 1, 3)!.shape).toBe('irregular');
    expect(classifyPyramid(0, 0, 0)).toBeNull();
  });
});
