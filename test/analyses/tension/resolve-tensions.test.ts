import { describe, expect, it } from 'vitest';
import { resolveTensions as resolveWith } from '../../../src/analyses/tension/resolve-tensions.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';
import type { Framework } from '../../../src/domain/framework/framework.js';
import { checkFramework, loadFramework } from '../../../src/ingest/framework/load-framework.js';

/** Resolve with the built-in default framework as the fallback (what the CLI passes). */
const resolveTensions = (fw: Framework) => resolveWith(fw, loadFramework('default'));

const ids = (fw: Framework, t: string, k: 0 | 1) =>
  resolveTensions(fw)
    .tensions.find((x) => x.id === t)!
    .subsystems[k].indicators.map((i) => i.id);

/** A copy of the default framework with its tension block replaced. */
function withTension(tension: unknown): Framework {
  const fw = structuredClone(loadFramework('default'));
  delete fw.path;
  return { ...fw, tension: tension as Record<string, unknown> };
}

function problemOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isSoqaError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

const label = { zh: '甲', en: 'a' };

describe('resolveTensions: the default framework (config/framework/default.json)', () => {
  const fw = loadFramework('default');

  it('three tensions, α = 0.5, and the subsystem lists of the issue', () => {
    const r = resolveTensions(fw);
    expect(r.fromDefault).toBe(false);
    expect(r.tensions.map((t) => [t.id, t.alpha])).toEqual([
      ['structural', 0.5],
      ['adaptive', 0.5],
      ['resource', 0.5],
    ]);
    expect(ids(fw, 'structural', 0)).toEqual([
      'beneficiaries_per_10k',
      'activities_per_org',
      'gov_project_share',
      'governance_field_share',
      'fund_use_ratio',
    ]);
    expect(ids(fw, 'structural', 1)).toEqual([
      'orgs_per_10k',
      'fulltime_staff_per_org',
      'certified_per_10k',
      'revenue_per_org',
      'rated_share',
    ]);
    expect(ids(fw, 'adaptive', 0)).toEqual([
      'disclosure_online_share',
      'certified_share',
      'rated_share',
      'party_coverage',
    ]);
    expect(ids(fw, 'adaptive', 1)).toEqual([
      'social_group_share',
      'fulltime_staffed_share',
      'young_manager_share',
      'college_share',
    ]);
    expect(ids(fw, 'resource', 0)).toEqual(['urban_rate', 'schooling_years', 'gdp_per_capita']);
    expect(ids(fw, 'resource', 1)).toEqual([
      'gov_purchase_per_resident',
      'revenue_per_org',
      'net_assets_per_org',
      'revenue_diversification',
      'employment_per_10k',
    ]);
  });

  it('directions: higher = more modern; the social-group share is the one negative indicator', () => {
    const all = resolveTensions(fw).tensions.flatMap((t) => t.subsystems.flatMap((s) => s.indicators));
    expect(all.filter((i) => i.direction === -1).map((i) => i.id)).toEqual(['social_group_share']);
    expect(all.find((i) => i.id === 'social_group_share')).toMatchObject({
      source: 'tension',
      compute: { kind: 'type_share', types: ['social_group'] },
    });
    expect(all.find((i) => i.id === 'rated_share')).toMatchObject({ source: 'framework', layer: 'function' });
  });

  it('the resource tension decomposes revenue, government purchase and staff by Theil', () => {
    expect(
      resolveTensions(fw)
        .tensions.find((t) => t.id === 'resource')!
        .theil.map((r) => r.fields),
    ).toEqual([['rev_total'], ['rev_gov_purchase'], ['staff_fulltime', 'staff_parttime']]);
  });
});

describe('resolveTensions: overrides and defaults', () => {
  it('a framework without a "tension" block gets the default tensions', () => {
    const fw = structuredClone(loadFramework('default'));
    delete fw.tension;
    const r = resolveTensions(fw);
    expect(r.fromDefault).toBe(true);
    expect(r.tensions).toHaveLength(3);
  });

  it('a reference overrides direction and weight; the tension α beats the block α', () => {
    const fw = withTension({
      alpha: 0.4,
      tensions: [
        {
          id: 't',
          label,
          alpha: 0.7,
          u1: { id: 'a', label, indicators: [{ id: 'orgs_per_10k', direction: -1, weight: 3 }] },
          u2: { id: 'b', label, indicators: ['party_coverage'] },
        },
        {
          id: 'u',
          label,
          u1: { id: 'a', label, indicators: ['orgs_per_10k'] },
          u2: { id: 'b', label, indicators: ['party_coverage'] },
        },
      ],
    });
    const [t, u] = resolveTensions(checkFramework(fw)).tensions;
    expect(t.alpha).toBe(0.7);
    expect(u.alpha).toBe(0.4);
    expect(t.subsystems[0].indicators[0]).toMatchObject({ id: 'orgs_per_10k', direction: -1, weight: 3 });
    expect(u.subsystems[0].indicators[0]).toMatchObject({ id: 'orgs_per_10k', direction: 1 });
  });
});

describe('resolveTensions: consistency errors (exit 3, with JSON pointers)', () => {
  const sub = (indicators: unknown[]) => ({ id: 's', label, indicators });

  it('an unknown indicator id', () => {
    const p = problemOf(() =>
      resolveTensions(withTension({ tensions: [{ id: 't', label, u1: sub(['nope']), u2: sub(['orgs_per_10k']) }] })),
    );
    expect(p.code).toBe('E_FRAMEWORK_INVALID');
    expect(p.message).toContain('/tension/tensions/0/u1/indicators/0');
  });

  it('an indicator in both subsystems of one tension', () => {
    const p = problemOf(() =>
      resolveTensions(
        withTension({ tensions: [{ id: 't', label, u1: sub(['orgs_per_10k']), u2: sub(['orgs_per_10k']) }] }),
      ),
    );
    expect(p.message).toContain('in both u1 and u2');
  });

  it('a tension-only indicator that reuses a framework id, and a Theil field soqa does not know', () => {
    const p = problemOf(() =>
      resolveTensions(
        withTension({
          indicators: [
            {
              id: 'orgs_per_10k',
              label,
              direction: 1,
              unit: 'u',
              rationale: 'r',
              compute: { kind: 'type_share', types: ['foundation'] },
            },
          ],
          tensions: [
            {
              id: 't',
              label,
              u1: sub(['orgs_per_10k']),
              u2: sub(['party_coverage']),
              theil: [{ id: 'x', label, fields: ['no_such_field'] }],
            },
          ],
        }),
      ),
    );
    expect(p.message).toContain('/tension/indicators/0/id');
    expect(p.message).toContain('/tension/tensions/0/theil/0/fields/0');
  });

  it('the schema rejects an unknown tension-only attribute and a block without tensions', () => {
    const bad = withTension({
      indicators: [
        {
          id: 'x',
          label,
          direction: 1,
          unit: 'u',
          rationale: 'r',
          compute: { kind: 'region_attribute', attribute: 'rainfall' },
        },
      ],
      tensions: [],
    });
    expect(problemOf(() => checkFramework(bad)).code).toBe('E_CONFIG_SCHEMA');
  });
});
