import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/render/report/build-report.js';
import { renderHtml } from '../../../src/render/report/render-html.js';
import { renderMarkdown } from '../../../src/render/report/render-markdown.js';
import { sectionTables } from '../../../src/results/section-tables.js';
import type { Results } from '../../../src/results/results.js';
import { EVIL, evilResults } from './results-fixture.js';

// The "beside the whole input" section of a unit's report (soqa analyze --each region), from a
// hand-built analyses.unit. Expected strings are written by hand from these numbers:
//   count 2,600 of total 6,250 → share 2600 / 6250 = 0.416 → "41.6%"; rank 2 of 12
//   population 2,000,000 → per 10,000 = 10000 × 2600 / 2000000 = 13 → "13.00"; rank 11 ("11th")
//   composite 0.4567 → "0.457" (three decimals); rank 3 ("3rd")
const UNIT = {
  code: '100002',
  zh: EVIL.pipe,
  en: EVIL.script,
  level: 'region',
  regions: 1,
  year: 2024,
  count: 2600,
  total: 6250,
  share: 0.416,
  rank: 2,
  of: 12,
  population: 2_000_000,
  per10k: 13,
  per10kRank: 11,
  composite: 0.4567,
  compositeRank: 3,
  spatialNote: null,
};

function withUnit(unit: Record<string, unknown> = UNIT): Results {
  const r = evilResults();
  r.analyses = { unit } as unknown as Results['analyses'];
  return r;
}

describe('the unit comparison section', () => {
  it('is the first numbered section of a unit report, in Markdown (zh)', () => {
    const md = renderMarkdown(withUnit(), { lang: 'zh' });
    const head = md.indexOf('## 一、与全部数据比较');
    expect(head).toBeGreaterThan(0);
    expect(md.indexOf('## 二、主要发现')).toBeGreaterThan(head);
    expect(md).toContain(
      '2024年，a\\|b有社会组织2,600个，占全部数据（6,250个）的41.6%，在12个地区中居第2位；每万人口13.00个，居第11位；综合得分0.457，居第3位。',
    );
    expect(md).toContain('| 项目 | a\\|b | 在12个地区中的排名 |');
    expect(md).toContain('| 社会组织数（2024年） | 2,600 | 2 |');
    expect(md).toContain('| 全部数据的社会组织数 | 6,250 | — |');
    expect(md).toContain('| 占全部数据 | 41.6% | 2 |');
    expect(md).toContain('| 每万人口社会组织数 | 13.00 | 11 |');
    expect(md).toContain('| 综合得分 | 0.457 | 3 |');
  });

  it('in English, with ordinals, and the unit name escaped in HTML', () => {
    const md = renderMarkdown(withUnit(), { lang: 'en' });
    expect(md).toContain('## 1. Beside the whole input');
    expect(md).toContain(
      'In 2024 \\<script\\>alert(1)\\</script\\> had 2,600 of the 6,250 organizations of the whole input (41.6%), 2nd of 12 regions by count; 13.00 per 10,000 residents, 11th; composite score 0.457, 3rd.',
    );
    expect(md).toContain('| Share of the whole input | 41.6% | 2 |');
    const html = renderHtml(withUnit(), { lang: 'en' });
    expect(html).not.toContain(EVIL.script);
    expect(html).toContain('In 2024 &lt;script&gt;alert(1)&lt;/script&gt; had 2,600 of the 6,250 organizations');
    expect(html).toContain('id="unit"');
    expect(html).toContain('<th class="r" scope="col">Rank among 12 regions</th>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</th>');
  });

  it('leaves out the density and composite of a unit without them (a prefecture of counties)', () => {
    const parent = { ...UNIT, level: 'parent', population: null, per10k: null, per10kRank: null };
    const doc = buildReport(withUnit({ ...parent, composite: null, compositeRank: null }), { lang: 'en' });
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'unit');
    const [p, table] = doc.blocks.slice(i + 1, i + 3);
    expect(p).toEqual({
      kind: 'para',
      inlines: [
        `In 2024 ${EVIL.script} had 2,600 of the 6,250 organizations of the whole input (41.6%), 2nd of 12 regions by count.`,
      ],
    });
    expect(table.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      'Organizations, 2024',
      'Organizations of the whole input',
      'Share of the whole input',
    ]);
  });

  it('is absent from an ordinary report (no analyses.unit)', () => {
    expect(renderMarkdown(evilResults(), { lang: 'zh' })).not.toContain('与全部数据比较');
    expect(renderHtml(evilResults(), { lang: 'en' })).not.toContain('id="unit"');
    expect(buildReport(evilResults(), { lang: 'zh' }).blocks.some((b) => b.kind === 'heading' && b.id === 'unit')).toBe(
      false,
    );
  });
});

describe('tables/unit-comparison.csv', () => {
  it('is one row of the unit, only when analyses.unit is present', () => {
    expect(sectionTables(evilResults()).map((t) => t.file)).not.toContain('unit-comparison.csv');
    const t = sectionTables(withUnit()).find((x) => x.file === 'unit-comparison.csv');
    expect(t?.rows).toEqual([
      {
        year: 2024,
        region: '100002',
        region_zh: EVIL.pipe,
        region_en: EVIL.script,
        level: 'region',
        regions: 1,
        count: 2600,
        total: 6250,
        share: 0.416,
        rank: 2,
        of: 12,
        population: 2_000_000,
        per_10k: 13,
        per_10k_rank: 11,
        composite: 0.4567,
        composite_rank: 3,
      },
    ]);
  });
});
