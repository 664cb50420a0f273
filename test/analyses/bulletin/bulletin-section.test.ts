import { beforeAll, describe, expect, it } from 'vitest';
import { bulletinSection } from '../../../src/analyses/bulletin/bulletin-section.js';
import { runSupervision } from '../../../src/analyses/supervision/run-supervision.js';
import { sampleContext, type SampleContext } from '../support/sample-context.js';

type Counts = { asOf: number; flagged: number; high: number; medium: number; low: number };
type Warnings = {
  year: Counts;
  compare: Counts;
  newlyFlagged: number;
  noLongerFlagged: number;
  newBySeverity: Counts;
  byRule: { rule: string; year: number; compare: number; new: number }[];
  byRegion: { region: string; year: number; compare: number; new: number }[];
};

let ctx: SampleContext;
beforeAll(async () => {
  ctx = await sampleContext(1500, 20240601);
});

const supervisionAsOf = (year: number) =>
  runSupervision({ ...ctx, options: { ...ctx.options, extra: { supervision: { year } } } }) as {
    organizations: { flagged: number };
    warnings: { high: number; byRule: { rule: string; organizations: number }[] };
  };

describe('bulletin section (warnings of two years)', () => {
  it('agrees with the supervision section as of each year, and its differences add up', () => {
    const b = bulletinSection(ctx, { year: 2024, compare: 2022 });
    expect(b.year).toBe(2024);
    expect(b.compare).toBe(2022);
    const w = b.warnings as unknown as Warnings;
    const now = supervisionAsOf(2024);
    const before = supervisionAsOf(2022);
    expect(w.year).toMatchObject({ asOf: 2024, flagged: now.organizations.flagged, high: now.warnings.high });
    expect(w.compare).toMatchObject({ asOf: 2022, flagged: before.organizations.flagged });
    expect(w.year.flagged - w.compare.flagged).toBe(w.newlyFlagged - w.noLongerFlagged);
    expect(w.newBySeverity.high + w.newBySeverity.medium + w.newBySeverity.low).toBe(w.newlyFlagged);
    for (const r of w.byRule) {
      expect(r.year, r.rule).toBe(now.warnings.byRule.find((x) => x.rule === r.rule)!.organizations);
      expect(r.compare, r.rule).toBe(before.warnings.byRule.find((x) => x.rule === r.rule)!.organizations);
      expect(r.new).toBeLessThanOrEqual(r.year);
    }
    expect(w.byRegion.reduce((s, r) => s + r.year, 0)).toBe(w.year.flagged);
    expect(w.byRegion.reduce((s, r) => s + r.new, 0)).toBe(w.newlyFlagged);
    // organizations are counted, never named
    expect(JSON.stringify(b)).not.toMatch(/org_id|"name"/);
    // deterministic
    expect(JSON.stringify(bulletinSection(ctx, { year: 2024, compare: 2022 }))).toBe(JSON.stringify(b));
  });

  it('compares no warnings on an aggregated table, and says why', () => {
    const b = bulletinSection({ ...ctx, rows: { kind: 'aggregate' } }, { year: 2024, compare: 2023 });
    expect(b.warnings).toBeNull();
    expect(b.notes).toEqual([expect.objectContaining({ code: 'N_BULLETIN_NO_WARNINGS' })]);
  });
});
