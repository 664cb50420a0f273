import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/error-codes.js';
import type { Results } from '../../../src/results/results.js';
import { buildReport } from '../../../src/render/report/build-report.js';
import { renderHtml } from '../../../src/render/report/render-html.js';
import { renderMarkdown } from '../../../src/render/report/render-markdown.js';
import { CHARTS } from '../../../src/render/charts/chart-registry.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { clone, evilResults, sampleResults } from './results-fixture.js';
import { runMain } from '../../helpers/run-command.js';

/** Pipes not escaped by a backslash (a pipe after an even number of backslashes). */
const unescapedPipes = (line: string): number => {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let k = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) k++;
    if (k % 2 === 0) n++;
  }
  return n;
};

/** Every GFM table in `md` keeps the column count of its header in every row. */
function expectTablesIntact(md: string): void {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| (:---|---:)/.test(lines[i])) continue;
    const cols = unescapedPipes(lines[i - 1]);
    for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++)
      expect(unescapedPipes(lines[j]), lines[j]).toBe(cols);
  }
}

const SECTION_FAILED = /本节无法从结果文件生成|could not be rendered from the results file/;

let full: Results;
beforeAll(async () => {
  full = await sampleResults();
});

describe('report from a full results file', () => {
  it('starts with the synthetic-data notice in the chosen language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const md = renderMarkdown(full, { lang });
      expect(md.split('\n')[0]).toContain(full.notice![lang].slice(0, 20));
      expect(md.split('\n')[0].startsWith('> **')).toBe(true);
      const html = renderHtml(full, { lang });
      const body = html.slice(html.indexOf('<body>') + '<body>'.length).trimStart();
      expect(body.startsWith('<p class="notice"')).toBe(true);
      expect(body.indexOf('notice')).toBeLessThan(body.indexOf('<h1'));
    }
  });

  it('has no synthetic notice when notice is null', () => {
    const r = clone(full);
    r.notice = null;
    expect(renderMarkdown(r, { lang: 'zh' }).startsWith('# ')).toBe(true);
    expect(renderHtml(r, { lang: 'zh' })).not.toContain('class="notice"');
  });

  it('puts the key findings first, then every section and the appendices, none failing', () => {
    const md = renderMarkdown(full, { lang: 'zh' });
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings[0]).toBe('## 一、主要发现');
    for (const h of [
      '构成要素',
      '功能创新与发挥',
      '服务产出与社会贡献',
      '综合评价与排名',
      '空间集聚',
      '类型结构',
      '人才队伍',
      '三重张力',
      '附录A',
      '附录B',
      '附录C',
    ]) {
      expect(
        headings.some((x) => x.includes(h)),
        h,
      ).toBe(true);
    }
    expect(md).not.toMatch(SECTION_FAILED);
    expect(md).not.toContain('本次运行没有计算这一部分');
    const en = renderMarkdown(full, { lang: 'en' });
    expect(en.split('\n').filter((l) => l.startsWith('## '))[0]).toBe('## 1. Key findings');
    expect(en).not.toMatch(SECTION_FAILED);
  });

  it('writes findings from the numbers (the counts of the last year appear in the key findings)', () => {
    const last = full.counts.byYear.at(-1)!;
    const md = renderMarkdown(full, { lang: 'en' });
    const findings = md.slice(md.indexOf('## 1.'), md.indexOf('## 2.'));
    expect(findings).toContain(`${new Intl.NumberFormat('en-US').format(last.count)} organizations in ${last.year}`);
    const zh = renderMarkdown(full, { lang: 'zh' });
    expect(zh).toContain(`${last.year}年共有社会组织${new Intl.NumberFormat('zh-CN').format(last.count)}家`);
  });

  it('prints one college share for the whole area in the indicator table and the staff section (issue 22 §7)', () => {
    const staff = (
      full.analyses as {
        staff: { byYear: { year: number; all: { organizations: number; education: { reporting: number } } }[] };
      }
    ).staff;
    const last = staff.byYear.at(-1)!;
    // the sample leaves some education cells blank, so the old "all organizations' staff" denominator would differ
    expect(last.all.education.reporting).toBeLessThan(last.all.organizations);
    const md = renderMarkdown(full, { lang: 'zh' });
    const cells = (line: string | undefined): string[] => (line ?? '').split('|').map((c) => c.trim());
    // composition-layer table: the last column is 全区<last year>, a ratio to 3 decimals
    const indicatorRow = cells(md.split('\n').find((l) => l.startsWith('| 大专及以上学历人员占比 | 比值')));
    const ratio = Number(indicatorRow.at(-2));
    // staff table by region: the 全区 row's last column is the college share in per cent to 1 decimal
    const staffPart = md.slice(md.indexOf('## 八、人才队伍'));
    const staffRow = cells(staffPart.split('\n').find((l) => l.startsWith('| 全区 |')));
    const pct = Number(staffRow.at(-2)!.replace('%', ''));
    expect(Number.isFinite(ratio) && Number.isFinite(pct)).toBe(true);
    expect(pct).toBeCloseTo(ratio * 100, 1);
    expect(staffPart).toContain(
      `大专及以上占比基于报告了学历与专兼职人数的${new Intl.NumberFormat('zh-CN').format(last.all.education.reporting)}家`,
    );
  });

  it('says ties in the rule counts as ties', () => {
    const withCounts = (counts: number[]): Results => {
      const r = clone(full);
      const w = (r.analyses.supervision as { warnings: { byRule: { organizations: number }[] } }).warnings;
      w.byRule.forEach((x, k) => (x.organizations = counts[k] ?? 0));
      return r;
    };
    const nine = (n: number) => Array.from({ length: 9 }, () => n);
    const findings = (r: Results, lang: 'zh' | 'en') => {
      const md = renderMarkdown(r, { lang });
      return md.slice(md.indexOf(lang === 'zh' ? '## 一、' : '## 1.'), md.indexOf(lang === 'zh' ? '## 二、' : '## 2.'));
    };
    expect(findings(withCounts(nine(8)), 'zh')).toContain('9条规则被预警的组织数相同，均为8个（并列）');
    expect(findings(withCounts(nine(3)), 'en')).toContain(
      'all 9 rules flag the same number of organizations, 3 each (a tie)',
    );
    const tied = findings(withCounts([5, 7, 7, 1, 0, 0, 0, 0, 0]), 'en');
    expect(tied).toContain('(tied, 7 each)');
    expect(tied).not.toContain('dormant');
    const ranked = findings(withCounts([16, 15, 14, 13, 12, 11, 10, 9, 8]), 'zh');
    expect(ranked).toContain('最多的是长期休眠（16个），其次是年报缺失（15个）');
  });

  it('accounts for every row: read = accepted + rejected, with the SHA-256 of the input', () => {
    const md = renderMarkdown(full, { lang: 'en' });
    const p = full.provenance;
    const f = (n: number) => new Intl.NumberFormat('en-US').format(n);
    expect(md).toContain(
      `rows read ${f(p.rows.read)} = accepted ${f(p.rows.accepted)} + rejected ${f(p.rows.rejected)}`,
    );
    expect(md).toContain(p.inputs[0].sha256);
  });

  it('keeps every Markdown table rectangular', () => {
    expectTablesIntact(renderMarkdown(full, { lang: 'zh' }));
    expectTablesIntact(renderMarkdown(full, { lang: 'en' }));
  });

  it('is byte-identical when rendered twice', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(renderMarkdown(full, { lang, charts: { lorenz: 'charts/lorenz.svg' } })).toBe(
        renderMarkdown(full, { lang, charts: { lorenz: 'charts/lorenz.svg' } }),
      );
      expect(renderHtml(full, { lang, charts: { lorenz: '<svg width="10"></svg>' } })).toBe(
        renderHtml(full, { lang, charts: { lorenz: '<svg width="10"></svg>' } }),
      );
    }
  });

  it('links the chart images it is given, numbered in order', () => {
    const md = renderMarkdown(full, {
      lang: 'zh',
      charts: { lorenz: 'charts/lorenz.svg', 'type-mix-area': 'charts/type-mix-area.png' },
    });
    const images = md.split('\n').filter((l) => l.startsWith('!['));
    expect(images).toHaveLength(2);
    expect(images[0]).toMatch(/^!\[图1　.*\]\(<charts\/lorenz\.svg>\)$/);
    expect(images[1]).toMatch(/^!\[图2　.*\]\(<charts\/type-mix-area\.png>\)$/);
  });

  it('HTML is self-contained: no script, no URL, no external resource', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><clipPath id="clip1"/><g clip-path="url(#clip1)"><text>呼和浩特市</text></g></svg>';
    for (const lang of ['zh', 'en'] as const) {
      const html = renderHtml(full, { lang, charts: { lorenz: svg, 'region-density': svg } });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:\/\//);
      // links only to the report's own sections (the table of contents)
      expect(html).not.toMatch(/\s(src|action|srcset)=|\shref="(?!#[a-z][a-z0-9-]*")/i);
      expect(html).toContain('<nav class="toc"');
      expect(html).not.toMatch(/@import|<link|<iframe|<object|<embed/i);
      expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1].startsWith('#'))).toBe(true);
      expect(html).toContain(`default-src 'none'`);
      expect(html).toContain('@media print');
      expect(html).toContain('size: A4');
      expect(html).toContain('name="viewport"');
      // two charts with the same clip id get distinct ids
      expect(html).toContain('id="lorenz-clip1"');
      expect(html).toContain('id="region-density-clip1"');
    }
  });
});

describe('report without analyses', () => {
  it('says for each analysis section that it was not computed, and still draws from the counts', () => {
    const r = clone(full);
    r.analyses = {};
    const md = renderMarkdown(r, { lang: 'zh' });
    expect(md).not.toMatch(SECTION_FAILED);
    for (const name of ['indicators', 'spatial', 'trends', 'staff', 'tension'])
      expect(md).toContain(`analyses.${name}`);
    const doc = buildReport(r, { lang: 'zh' });
    const figures = doc.blocks.filter((b) => b.kind === 'figure').map((b) => (b as { chart: string }).chart);
    expect(figures).toEqual(expect.arrayContaining(['region-density', 'zone-shares', 'type-mix-area', 'share-lines']));
    expect(figures).not.toContain('lorenz');
    const en = renderMarkdown(r, { lang: 'en' });
    expect(en).toContain('Not computed in this run');
  });

  it('refuses at load a results.json whose sections have the wrong shape (E_RESULTS_INVALID, exit 2)', async () => {
    // a results.json from elsewhere may hold anything: soqa report checks it against the schema
    // once, when it loads it, and names each wrong value; the renderers then trust the types
    const r = clone(full);
    const a = r.analyses as unknown as Record<string, Record<string, unknown>>;
    a.spatial.byYear = 'nonsense';
    (a.staff.byYear as Record<string, unknown>[])[0].all = 7;
    delete a.trends.mostVolatile;
    a.indicators.scores = {};
    (a.tension.tensions as Record<string, unknown>[])[0].units = 'x';
    a.tension.colour = 'red';
    const dir = mkdtempSync(join(tmpdir(), 'soqa-bad-shape-'));
    try {
      const file = join(dir, 'results.json');
      writeFileSync(file, JSON.stringify(r));
      const run = await runMain(['report', file, '--format', 'md', '--out', join(dir, 'out'), '-q']);
      expect(run.status).toBe(ERROR_CODES.E_RESULTS_INVALID);
      expect(run.status).toBe(2);
      for (const problem of [
        'analyses.spatial.byYear: expected array, found a string ("nonsense")',
        'analyses.staff.byYear[0].all: expected object, found a number (7)',
        'analyses.trends: the property "mostVolatile" is missing',
        'analyses.indicators.scores: expected array, found an object',
        'analyses.tension.tensions[0].units: expected array, found a string ("x")',
        'analyses.tension: has a property the schema does not know: "colour"',
      ])
        expect(run.stderr).toContain(problem);
      expect(run.stderr).toContain('E_RESULTS_INVALID');
      expect(run.stderr).toContain('run `soqa analyze` again on the input');
      expect(existsSync(join(dir, 'out', 'report.md'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('escaping of names from the input', () => {
  const r = evilResults();

  it('Markdown: no raw HTML, tables stay rectangular, names keep their text', () => {
    for (const lang of ['zh', 'en'] as const) {
      const md = renderMarkdown(r, { lang });
      expect(md).not.toContain('<script>');
      expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
      expect(md).not.toMatch(/(^|[^\\])\[link\]/);
      expect(md).toContain('=HYPERLINK("http://evil.example/x","click")');
      expectTablesIntact(md);
      // a name with a newline never starts a new line of its own
      expect(md.split('\n').some((l) => l.startsWith('| fake'))).toBe(false);
      expect(md.split('\n').some((l) => l.startsWith('line two'))).toBe(false);
    }
  });

  it('HTML: everything escaped, nothing executable, also inside the charts', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const spec = CHARTS['region-density'].build(r, lang)!;
      const html = renderHtml(r, { lang, charts: { 'region-density': await renderSvg(spec) } });
      expect(html).toContain('<figure');
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;click&quot;)');
      expect(html).toContain('`rm -rf`');
      // the only links are the table of contents' links to the report's own sections
      expect(html.match(/<a\s[^>]*>/gi)?.every((a) => /^<a href="#[a-z][a-z0-9-]*">$/.test(a)) ?? true).toBe(true);
    }
  });

  it('a results file without analyses still gets findings from its counts', () => {
    const md = renderMarkdown(r, { lang: 'zh' });
    expect(md).toContain('2024年共有社会组织625家');
    expect(md).toContain('`R_BAD_REGION`');
  });
});
