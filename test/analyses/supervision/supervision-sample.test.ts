import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { runAnalyses } from '../../../src/analyses/run-analyses.js';
import { runSupervision, supervisionModel } from '../../../src/analyses/supervision/run-supervision.js';
import type { SupervisionModel } from '../../../src/analyses/supervision/supervision-pass.js';
import { PLANTED_RULES, sampleManifest, type SampleManifest } from '../../../src/sample/index.js';
import { sampleContext, type SampleContext } from '../support/sample-context.js';

// A generated sample (the built-in generator, orgs 2000, seed 20240601, Inner Mongolia regions)
// ingested through the real pipeline; what was planted comes from sampleManifest with the same
// options (data/sample/README.md: a base round(8 × (2000/18000)^¼) = round(4.62) = 5, plus
// 8, 7, …, 0 for the rules in their order: 13, 12, …, 5 organizations, 81 in all).
const PLANTED_COUNT = (k: number): number => 5 + 8 - k;
const regions = JSON.parse(readFileSync(resolve('data/regions/inner-mongolia.json'), 'utf8'));
let ctx: SampleContext;
let manifest: SampleManifest;
let model: SupervisionModel;
beforeAll(async () => {
  ctx = await sampleContext(2000, 20240601);
  manifest = sampleManifest({ orgs: 2000, seed: 20240601, regions });
  model = supervisionModel(ctx);
});

describe('supervision on a generated sample (orgs 2000)', () => {
  it('finds exactly the planted organizations for every rule, and nothing else under that rule', () => {
    const ids = ctx.dataset!.text.org_id;
    const found = new Map<string, string[]>(PLANTED_RULES.map((r) => [r.id, []]));
    for (const f of model.flagged) for (const w of f.warnings) found.get(w.rule)!.push(ids[model.lastRow[f.org]]);
    for (const [k, rule] of PLANTED_RULES.entries()) {
      expect(manifest.planted[rule.id].length, rule.id).toBe(PLANTED_COUNT(k));
      expect([...found.get(rule.id)!].sort(), rule.id).toEqual([...manifest.planted[rule.id]].sort());
    }
    // each planted organization trips its own rule only (data/sample/README.md)
    for (const f of model.flagged) expect(f.warnings.length).toBe(1);
  });

  it('checks every organization of the panel and grades those supervised in 2024', () => {
    expect(model.asOf).toBe(2024);
    expect(model.evaluated).toBe(manifest.organizations);
    let supervised = 0;
    for (let o = 0; o < model.count; o++) supervised += model.inScope[o];
    // rows in the last year = organizations reporting in 2024 (the sample has no organization
    // that stops reporting without deregistering)
    expect(supervised).toBe(manifest.rowsByYear['2024']);
    expect(supervised).toBe(2000);
  });

  it('results section: counts per rule, grades and transparency, without organization ids or names', () => {
    const s = runSupervision(ctx);
    for (const [k, rule] of PLANTED_RULES.entries())
      expect(s.warnings.byRule.find((r) => r.rule === rule.id)!.organizations, rule.id).toBe(PLANTED_COUNT(k));
    expect(s.organizations.flagged).toBe(81); // 13 + 12 + … + 5, one rule per planted organization
    expect(s.grades.distribution.organizations).toBe(2000);
    // the high-severity rules: dormant (the first, 13) and deregistered_reporting (the last, 5)
    expect(s.grades.distribution.D).toBe(18);
    expect(s.grades.table.reduce((a, r) => a + r.organizations, 0)).toBe(2000);
    expect(s.transparency.byRegion.reduce((a, r) => a + r.organizations, 0)).toBe(2000);
    const text = JSON.stringify(s);
    for (const id of new Set(ctx.dataset!.text.org_id)) expect(text.includes(id)).toBe(false);
    for (const name of new Set(ctx.dataset!.text.name)) expect(text.includes(name)).toBe(false);
    expect(s.notes.map((n) => n.code)).toContain('N_SUPERVISION_ORGANIZATIONS_HIDDEN');
  });

  it('lists the flagged organizations, ranked high first, only with listOrganizations', () => {
    const s = runSupervision({
      ...ctx,
      options: { ...ctx.options, extra: { supervision: { listOrganizations: true } } },
    });
    if (!('flaggedOrganizations' in s)) throw new Error('no list');
    const listed = s.flaggedOrganizations;
    expect(listed.map((o) => o.org_id).sort()).toEqual(PLANTED_RULES.flatMap((r) => manifest.planted[r.id]).sort());
    expect(listed.slice(0, 10).every((o) => o.severity === 'high')).toBe(true);
    expect(listed.map((o) => o.rank)).toEqual(listed.map((_, k) => k + 1));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runSupervision(ctx))).toBe(JSON.stringify(runSupervision(ctx)));
  });

  it('is registered with soqa analyze and skipped with a note on aggregated tables', () => {
    expect(Object.keys(runAnalyses(ctx, ['supervision']))).toEqual(['supervision']);
    const skipped = runAnalyses({ ...ctx, rows: { kind: 'aggregate' } }, ['supervision']).supervision;
    expect(skipped).toMatchObject({ skipped: true, reason: 'aggregate-input' });
  });
});
