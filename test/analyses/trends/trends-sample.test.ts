import { beforeAll, describe, expect, it } from 'vitest';
import { trendsSection, type TrendsSection } from '../../../src/analyses/trends/trends-section.js';
import { sampleContext } from '../support/sample-context.js';

// End to end on the synthetic sample generator (src/sample), calibrated to seed 000: "the
// social-group share keeps falling, the private-non-enterprise share keeps rising".
describe('trendsSection on the generated sample', () => {
  let s: TrendsSection;
  beforeAll(async () => {
    s = trendsSection(await sampleContext(2000));
  });

  it('the social-group share trend is negative (Mann–Kendall)', () => {
    const t = s.byType.social_group.share.test!;
    expect(t.z).toBeLessThan(0);
    expect(t.significant).toBe(true);
    expect(t.slope).toBeLessThan(0);
  });

  it('the private-non-enterprise share trend is positive', () => {
    const t = s.byType.private_non_enterprise.share.test!;
    expect(t.z).toBeGreaterThan(0);
    expect(t.significant).toBe(true);
  });

  it('a panel gets no survivorship caveat', () => {
    expect(s.notes.map((n) => n.code)).not.toContain('N_SURVIVORSHIP');
  });
});
