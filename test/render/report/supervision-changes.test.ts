/**
 * The report's supervision section, the aggregated-table statement, the data-quality
 * appendix's list of what missing columns disabled, and the yearly bulletin's "what
 * changed" section.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../../src/results/results.js';
import { buildReport } from '../../../src/render/report/build-report.js';
import { htmlFromDoc } from '../../../src/render/report/render-html.js';
import { markdownFromDoc, renderMarkdown } from '../../../src/render/report/render-markdown.js';
import { parseBulletinOptions, parseYearOption } from '../../../src/cli/options.js';
import { resolveBulletinYears } from '../../../src/cli/pipeline/bulletin-years.js';
import { clone, EVIL, evilResults, sampleResults } from './results-fixture.js';

let full: Results;
beforeAll(async () => {
  full = await sampleResults();
});

const md = (r: Results, lang: 'zh' | 'en' = 'en', bulletin?: { year: number; compare: number }) =>
  markdownFromDoc(buildReport(r, { lang, charts: new Map(), bulletin }));
const section = (text: string, head: RegExp): string => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => head.test(l));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
};
const sup = (r: Results) => r.analyses.supervision as Record<string, unknown>;

describe('supervision section', () => {
  it('shows counts by rule, grades and transparency by region and type, from the numbers', () => {
    const s = sup(full) as {
      organizations: { flagged: number; supervised: number };
      warnings: { byRule: { en: string; organizations: number }[] };
    };
    const en = section(md(full), /^## \d+\. Risk warnings and graded supervision/);
    expect(en).toContain(`${new Intl.NumberFormat('en-US').format(s.organizations.supervised)} were under supervision`);
    for (const r of s.warnings.byRule) expect(en).toContain(`| ${r.en} |`);
    for (const h of [
      '### Warnings by rule',
      '### Warnings, grades and transparency by region',
      '### Grades and transparency by type',
      'Grade rule:',
    ])
      expect(en).toContain(h);
    expect(en).not.toContain('### Flagged organizations');
    const zh = section(md(full, 'zh'), /^## .*风险预警与分级监管/);
    expect(zh).toContain('### 按规则的预警');
    expect(zh).toContain('等级规则：');
  });

  it('names no organization unless the section lists them, and then escapes every name', () => {
    // the default section has no organization list and no credit code
    const plain = section(md(full), /^## \d+\. Risk warnings/) + section(md(full, 'zh'), /^## .*风险预警与分级监管/);
    expect(plain).not.toMatch(/[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/);
    expect(plain).not.toContain('被预警的组织');
    const r = clone(full);
    const flagged = [
      {
        rank: 1,
        org_id: EVIL.backticks,
        name: EVIL.script,
        type: 'social_group',
        region: '150100',
        regionZh: '呼和浩特市',
        regionEn: 'Hohhot',
        current: true,
        grade: 'D',
        severity: 'high',
        warnings: [
          {
            rule: 'dormant',
            zh: '长期休眠',
            en: 'dormant',
            severity: 'high',
            text: { en: EVIL.newline, zh: EVIL.pipe },
          },
        ],
      },
      {
        rank: 2,
        org_id: '51150100MJ0000000X',
        name: EVIL.markdown,
        type: 'foundation',
        region: '150200',
        regionZh: '包头市',
        regionEn: 'Baotou',
        current: true,
        grade: 'C',
        severity: 'medium',
        warnings: [],
      },
    ];
    sup(r).flaggedOrganizations = flagged;
    const text = md(r);
    const part = section(text, /^## \d+\. Risk warnings/);
    expect(part).toContain('### Flagged organizations');
    expect(part).not.toContain('<script>');
    expect(part).toContain('\\<script\\>');
    expect(part.split('\n').some((l) => l.startsWith('line two'))).toBe(false);
    const html = htmlFromDoc(buildReport(r, { lang: 'zh', charts: new Map() }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('被预警的组织');
  });

  it('on an aggregated table: says so at the top, lists the skipped analyses, and the section explains', () => {
    const r = clone(full);
    r.provenance.shape = 'aggregate';
    r.analyses.supervision = {
      skipped: true,
      reason: 'aggregate-input',
      notes: [
        {
          code: 'N_AGGREGATE_INPUT',
          en: 'risk warnings: skipped (aggregated table).',
          zh: '风险预警：已跳过（汇总表）。',
        },
      ],
    };
    const en = md(r);
    const top = en.slice(0, en.indexOf('## 1.'));
    expect(top).toContain('The input is an aggregated table');
    expect(top).toContain('Analyses that need organization rows were skipped: Risk warnings and graded supervision.');
    expect(section(en, /^## \d+\. Risk warnings/)).toContain('without organization rows');
    const appendix = section(en, /^## Appendix A/);
    expect(appendix).toContain('### Aggregated-table input');
    expect(appendix).toMatch(/\| Risk warnings and graded supervision \| the whole section \| needs organization rows/);
    const zh = md(r, 'zh');
    expect(zh.slice(0, zh.indexOf('## 一'))).toContain('需要组织记录的分析已跳过：风险预警与分级监管');
  });
});

describe('data-quality appendix: what missing columns disabled', () => {
  it('lists indicators, tension indicators, supervision rules and staff parts with the columns they lacked', () => {
    const r = clone(full);
    const ind = r.analyses.indicators as Record<string, unknown>;
    ind.skipped = [{ id: 'volunteers_per_org', layer: 'output', reason: 'missing-columns', missing: ['volunteers'] }];
    const ten = r.analyses.tension as Record<string, unknown>;
    ten.skipped = [{ id: 'gdp', reason: 'missing-region-data', missing: ['gdp'], tensions: ['resource'] }];
    const s = sup(r) as { rules: { skipped: unknown[] } };
    s.rules.skipped = [{ rule: 'single_source', missing: ['rev_gov_purchase'] }];
    r.analyses.staff = {
      ...(r.analyses.staff as object),
      columns: { present: [], absent: ['cert_junior', 'staff_college'] },
      notes: [{ code: 'N_STAFF_SKIPPED', en: 'staff skipped', zh: '跳过' }],
    } as unknown as Results['analyses']['staff'];
    const appendix = section(md(r), /^## Appendix A/);
    const table = appendix.slice(appendix.indexOf('### What missing columns disabled'));
    expect(table).toContain('| Analysis | Not computed | Missing columns |');
    expect(table).toMatch(/\| Indicators and composite score \| indicator `volunteers_per_org`.* \| volunteers \|/);
    expect(table).toMatch(/\| Triple tension \| indicator `gdp` \(Resource tension\) \| gdp \(regions file\) \|/i);
    expect(table).toMatch(
      /\| Risk warnings and graded supervision \| rule `single_source` single-source dependence \| rev\\_gov\\_purchase \|/,
    );
    expect(table).toMatch(/\| Staff \| the whole section \| cert\\_junior, staff\\_college \|/);
  });

  it('says when nothing was left out', () => {
    const r = clone(full);
    (r.analyses.indicators as Record<string, unknown>).skipped = [];
    (r.analyses.tension as Record<string, unknown>).skipped = [];
    expect(section(md(r), /^## Appendix A/)).toContain('Nothing was left out for lack of a column.');
  });
});

describe('yearly bulletin: what changed', () => {
  const years = () => {
    const ys = full.counts.years;
    return { year: ys[ys.length - 1], compare: ys[ys.length - 2] };
  };

  it('adds the section after the key findings, built from the numbers of both years', () => {
    const y = years();
    const text = md(full, 'en', y);
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings[1]).toBe(`## 2. What changed: ${y.year} against ${y.compare}`);
    const part = section(text, /^## 2\. What changed/);
    const count = (year: number) => full.counts.byYear.find((c) => c.year === year)!.count;
    const nf = new Intl.NumberFormat('en-US');
    expect(part).toContain(`from ${nf.format(count(y.compare))} to ${nf.format(count(y.year))}`);
    expect(part).toContain('### Organizations by type');
    expect(part).toContain('### Composite ranks');
    expect(part).toMatch(/\*\*Tension:\*\* (of|none of the) \d+ region × tension pairs/);
    // no warnings comparison in this results file: it says how to get one
    expect(part).toContain(`soqa analyze --year ${y.year} --compare ${y.compare}`);
    const zh = md(full, 'zh', y);
    expect(zh.split('\n').filter((l) => l.startsWith('## '))[1]).toBe(
      `## 二、年度变化：${y.year}年与${y.compare}年相比`,
    );
    expect(md(full)).not.toContain('What changed');
  });

  it('shows the new warnings of analyses.bulletin, and takes its years by default', () => {
    const y = years();
    const r = clone(full);
    r.analyses.bulletin = {
      year: y.year,
      compare: y.compare,
      warnings: {
        year: { asOf: y.year, evaluated: 400, flagged: 9, high: 2, medium: 4, low: 3 },
        compare: { asOf: y.compare, evaluated: 380, flagged: 6, high: 1, medium: 3, low: 2 },
        newlyFlagged: 4,
        noLongerFlagged: 1,
        newBySeverity: { flagged: 4, high: 1, medium: 2, low: 1 },
        byRule: [
          {
            rule: 'dormant',
            zh: '长期休眠',
            en: 'dormant',
            severity: 'high',
            applied: true,
            year: 3,
            compare: 1,
            new: 2,
          },
        ],
        byRegion: [],
      },
      notes: [],
    };
    const part = section(md(r), /^## 2\. What changed/);
    expect(part).toContain(
      'flagged organizations went from 6 to 9: 4 newly flagged (1 high, 2 medium, 1 low), 1 no longer flagged.',
    );
    expect(part).toContain('| dormant | 1 | 3 | +2 | 2 |');
    // other years given: the stored comparison does not apply, the section says so
    const other = section(md(r, 'en', { year: y.year, compare: full.counts.years[0] }), /^## 2\. What changed/);
    expect(other).not.toContain('newly flagged');
  });

  it('is byte-identical when rendered twice', () => {
    const y = years();
    expect(renderMarkdown(full, { lang: 'zh' })).toBe(renderMarkdown(full, { lang: 'zh' }));
    expect(md(full, 'zh', y)).toBe(md(full, 'zh', y));
  });

  it('works on a results file with counts only', () => {
    const text = md(evilResults(), 'en', { year: 2024, compare: 2023 });
    const part = section(text, /^## 2\. What changed/);
    expect(part).toContain('organizations rose from 590 to 625');
    expect(part).not.toMatch(/could not be rendered/);
  });
});

describe('--year / --compare at the boundary', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return [(e as { code?: string }).code, (e as { exitCode?: number }).exitCode];
    }
    return null;
  };

  it('accepts years, refuses anything else with exit 3', () => {
    expect(parseYearOption('--year', '2024')).toBe(2024);
    expect(parseBulletinOptions(undefined, undefined)).toBeUndefined();
    expect(parseBulletinOptions('2024', '2023')).toEqual({ year: 2024, compare: 2023 });
    expect(parseBulletinOptions(undefined, '2020')).toEqual({ compare: 2020 });
    for (const [y, c] of [
      ['24', undefined],
      ['2024.5', undefined],
      ['1900', undefined],
      ['2024', '2024'],
      ['2023', '2024'],
      [undefined, 'last'],
    ]) {
      expect(
        code(() => parseBulletinOptions(y, c)),
        `${y} ${c}`,
      ).toEqual(['E_BAD_OPTION', 3]);
    }
  });

  it('resolves the defaults against the data and refuses years not in it', () => {
    expect(resolveBulletinYears(undefined, [2023, 2024])).toBeUndefined();
    expect(resolveBulletinYears({ year: 2024 }, [2024, 2022, 2023])).toEqual({ year: 2024, compare: 2023 });
    expect(resolveBulletinYears({ compare: 2022 }, [2022, 2023, 2024])).toEqual({ year: 2024, compare: 2022 });
    expect(resolveBulletinYears({ year: 2024, compare: 2012 }, [2012, 2021, 2024])).toEqual({
      year: 2024,
      compare: 2012,
    });
    for (const o of [{ year: 2025 }, { year: 2024, compare: 2019 }, { year: 2022 }, { compare: 2024 }]) {
      expect(
        code(() => resolveBulletinYears(o, [2022, 2023, 2024])),
        JSON.stringify(o),
      ).toEqual(['E_BAD_OPTION', 3]);
    }
  });
});
