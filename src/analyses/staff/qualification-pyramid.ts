/** Senior holders under this share of all certified make a structure "senior-scarce". */
export const SENIOR_SCARCE_THRESHOLD = 0.05;

/** Which certificate level holds the most people. */
export type DominantLevel = 'junior-dominant' | 'intermediate-dominant' | 'senior-dominant' | 'tied';

/** Shape of the three levels. */
export type PyramidShape = 'pyramid' | 'inverted' | 'diamond' | 'irregular';

/** Classification of a junior / intermediate / senior structure (rule: {@link classifyPyramid}). */
export interface PyramidClass {
  dominant: DominantLevel;
  seniorScarce: boolean;
  shape: PyramidShape;
  /** Fu (2025)'s claim "junior-dominant, senior-scarce" (初级为主、高级稀缺): both parts hold. */
  claimHolds: boolean;
}

/**
 * Classify a qualification structure. Rule (stated in the staff section's output):
 * dominant level = the level with the most holders ("tied" when the two largest levels are
 * equal); senior-scarce = senior holders / all certified < `threshold` (default 5%);
 * shape = "pyramid" when junior ≥ intermediate ≥ senior, "inverted" when senior ≥
 * intermediate ≥ junior, "diamond" when intermediate exceeds both, otherwise "irregular".
 *
 * @param junior certified junior social workers (助理社会工作师)
 * @param mid certified intermediate social workers (社会工作师)
 * @param senior certified senior social workers (高级社会工作师)
 * @param threshold senior share below which the structure is senior-scarce
 * @returns the class, or null when nobody is certified
 * @example
 * // Ejin Horo Banner (the Ejin Horo Banner case report (2024 figures)): 667 junior, 778 intermediate, 2 senior
 * classifyPyramid(667, 778, 2); // => { dominant: 'intermediate-dominant', seniorScarce: true, shape: 'diamond', claimHolds: false }
 */
export function classifyPyramid(
  junior: number,
  mid: number,
  senior: number,
  threshold = SENIOR_SCARCE_THRESHOLD,
): PyramidClass | null {
  const total = junior + mid + senior;
  if (!(total > 0)) return null;
  const levels: [DominantLevel, number][] = [
    ['junior-dominant', junior],
    ['intermediate-dominant', mid],
    ['senior-dominant', senior],
  ];
  const sorted = [...levels].sort((a, b) => b[1] - a[1]);
  const dominant: DominantLevel = sorted[0][1] === sorted[1][1] ? 'tied' : sorted[0][0];
  const seniorScarce = senior / total < threshold;
  const shape: PyramidShape =
    junior >= mid && mid >= senior
      ? 'pyramid'
      : senior >= mid && mid >= junior
        ? 'inverted'
        : mid > junior && mid > senior
          ? 'diamond'
          : 'irregular';
  return { dominant, seniorScarce, shape, claimHolds: dominant === 'junior-dominant' && seniorScarce };
}
