import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/framework.js';
import { checkFramework } from '../../../src/ingest/framework/load-framework.js';
import { buildPanel } from '../../../src/analyses/indicators/build-panel.js';
import { missingColumns } from '../../../src/analyses/indicators/missing-columns.js';
import { runIndicators } from '../../../src/analyses/indicators/run-indicators.js';
import { contextOf, ind, tinyCube, tinyRegions } from './tiny-cube.js';

// tinyCube() measures staff_fulltime, cert_junior, party_org and the five revenue sources only.
const young = ind('young', 'composition', { kind: 'share_of_orgs', field: 'manager_young' });
const college = ind('college', 'composition', {
  kind: 'ratio_of_sums',
  numerator: ['staff_college', 'cert_junior'],
  denominator: ['staff_fulltime', 'staff_parttime'],
});
const density = ind('density', 'composition', { kind: 'per_population', numerator: 'count' });
const party = ind('party', 'function', { kind: 'share_of_orgs', field: 'party_org' });

describe('indicators whose columns are absent', () => {
  it('missingColumns names each absent column once, derived fields with their source column', () => {
    expect(missingColumns(young, tinyCube().measures)).toEqual([{ field: 'manager_young', from: ['manager_age'] }]);
    expect(missingColumns(college, tinyCube().measures)).toEqual([
      { field: 'staff_college' },
      { field: 'staff_parttime' },
    ]);
    expect(missingColumns(density, [])).toEqual([]);
  });

  it('are skipped with a note naming the columns; the rest still run', () => {
    const panel = buildPanel(tinyCube(), tinyRegions(), [young, density, college, party]);
    expect(panel.indicators.map((i) => i.id)).toEqual(['density', 'party']);
    expect(panel.skipped).toEqual([
      { id: 'young', layer: 'composition', reason: 'missing-columns', missing: ['manager_young'] },
      { id: 'college', layer: 'composition', reason: 'missing-columns', missing: ['staff_college', 'staff_parttime'] },
    ]);
    expect(panel.notes.map((n) => n.code)).toEqual(['W_INDICATOR_MISSING_COLUMNS', 'W_INDICATOR_MISSING_COLUMNS']);
    expect(panel.notes[0].message).toContain('manager_young (derived from manager_age)');
    expect(panel.notes[1].message).toContain('staff_college, staff_parttime');
  });

  it('are reported by the analysis, logged as warnings, and the scores still come out', () => {
    const ctx = contextOf(
      tinyCube(),
      tinyRegions(),
      { framework: framework([young, density, college, party]) },
      { runs: 0 },
    );
    const s = runIndicators(ctx);
    expect(s.framework).toMatchObject({ indicators: 4, used: 2 });
    expect(s.skipped.map((k) => k.id)).toEqual(['young', 'college']);
    expect(ctx.log.entries.filter((e) => e.code === 'W_INDICATOR_MISSING_COLUMNS')).toHaveLength(2);
    // region-years A 2023, A 2024, B 2024 all have a composite
    expect(s.scores.filter((x) => x.region !== 'total').every((x) => typeof x.composite === 'number')).toBe(true);
  });

  it('an indicator with no value in any region-year is skipped as no-data', () => {
    // cert_junior is measured but its growth needs two consecutive years with a positive total:
    // A 2023 has n = 0 for cert_junior, so growth is missing everywhere
    const g = ind('cert_growth', 'output', { kind: 'growth', of: 'cert_junior' });
    const panel = buildPanel(tinyCube(), tinyRegions(), [density, g]);
    expect(panel.indicators.map((i) => i.id)).toEqual(['density']);
    expect(panel.skipped).toEqual([{ id: 'cert_growth', layer: 'output', reason: 'no-data', missing: [] }]);
  });

  it('with no usable indicator at all, the section has notes and no scores rather than failing', () => {
    const ctx = contextOf(tinyCube(), tinyRegions(), { framework: framework([young, college]) }, { runs: 0 });
    const s = runIndicators(ctx);
    expect(s.indicators).toEqual([]);
    expect(s.notes.map((n) => n.code)).toContain('W_NO_INDICATORS');
    expect(s.scores.every((x) => x.composite === null)).toBe(true);
  });
});

/** A framework of the given indicators, checked as the CLI checks a --framework file. */
function framework(indicators: ReturnType<typeof ind>[]): Framework {
  return checkFramework({
    id: 'test',
    layers: [
      { id: 'composition', label: { zh: '构成要素', en: 'composition' }, rationale: 'seed 000' },
      { id: 'function', label: { zh: '功能创新与发挥', en: 'function' }, rationale: 'seed 000' },
      { id: 'output', label: { zh: '服务产出与社会贡献', en: 'output' }, rationale: 'seed 000' },
    ],
    indicators,
  });
}
