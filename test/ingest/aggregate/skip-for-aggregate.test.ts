import { describe, expect, it } from 'vitest';
import { ANALYSES, skippedForAggregate } from '../../../src/analyses/run-analyses.js';

describe('analyses that need organization rows on an aggregated table', () => {
  it('get a section saying they were skipped because the input is aggregated', () => {
    const s = skippedForAggregate({
      name: 'supervision',
      needs: 'organizations',
      what: { en: 'the risk warnings', zh: '风险预警' },
      run: () => ({}),
    });
    expect(s).toEqual({
      skipped: true,
      reason: 'aggregate-input',
      notes: [
        {
          code: 'N_AGGREGATE_INPUT',
          en: 'the risk warnings: skipped, because this analysis needs organization rows and the input is an aggregated table (counts and totals by region, year and type).',
          zh: '风险预警：已跳过，该分析需要逐个组织的记录，而输入为汇总表（按地区、年份、类型的数量与合计）。',
        },
      ],
    });
  });

  it('the cube-level analyses read the cube only (they run on aggregated tables; see test/cli/aggregate-consistency.e2e.test.ts)', () => {
    for (const name of ['indicators', 'spatial', 'trends', 'staff'])
      expect(ANALYSES.find((a) => a.name === name)?.needs).toBeUndefined();
  });
});
