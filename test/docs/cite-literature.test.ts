/**
 * The product cites the source papers as literature (伏昕（2025） / Fu (2025)), never as
 * "seeds" (a random-number seed is still a seed): not in code, messages, docs, config,
 * schemas or the README; and the report has a references list and typeset methods.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/results/results.js';
import { renderMarkdown } from '../../src/render/report/render-markdown.js';
import { renderHtml } from '../../src/render/report/render-html.js';
import { sampleResults } from '../render/report/results-fixture.js';

const PAPER_AS_SEED = /seed (paper|papers|\d{3}\b)|seeds? 0\d\d|the seed's|seeds\/|seed-0\d\d|种子文献/i;

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.(ts|json|md)$/.test(name)) out.push(p);
  }
  return out;
}

describe('the source papers are cited as literature, never as seeds', () => {
  it('in src, docs, config, schemas, data and the README', () => {
    const files = [...['src', 'docs', 'config', 'schemas', 'data'].flatMap((d) => filesUnder(d)), 'README.md'].filter(
      (f) => !f.endsWith('.gz'),
    );
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i: i + 1, line }))
        .filter((x) => PAPER_AS_SEED.test(x.line))
        .map((x) => `${x.f}:${x.i}: ${x.line.trim().slice(0, 120)}`),
    );
    expect(hits).toEqual([]);
  });
});

describe('the report cites and typesets', () => {
  let results: Results;
  beforeAll(async () => {
    results = await sampleResults();
  });

  it('zh and en: no "seed" for a paper, the literature cited in the text and listed at the end', () => {
    for (const lang of ['zh', 'en'] as const) {
      const md = renderMarkdown(results, { lang });
      expect(md).not.toMatch(PAPER_AS_SEED);
      expect(md).toContain(lang === 'zh' ? '伏昕（2025）' : 'Fu (2025)');
      const refs = md.slice(md.lastIndexOf(lang === 'zh' ? '## 参考文献' : '## References'));
      expect(refs).toContain('10.61369/SSSD.2025050028');
      expect(refs).toContain('Hwang, C.-L.');
      expect(refs).toContain('Moran, P. A. P. (1950)');
    }
  });

  it('appendix B is a methods section with formulas: Markdown math in report.md, Unicode in report.html (no script)', () => {
    const md = renderMarkdown(results, { lang: 'zh' });
    const b = md.slice(md.indexOf('## 附录B'), md.indexOf('## 附录C'));
    expect(b).toContain('$$\nU = \\sum_j w_j');
    expect(b).toContain('D = \\sqrt{C \\cdot T}');
    for (const name of [
      '极度失调',
      '严重失调',
      '中度失调',
      '轻度失调',
      '濒临失调',
      '勉强协调',
      '初级协调',
      '中级协调',
      '良好协调',
      '优质协调',
    ])
      expect(b).toContain(name);
    expect(b).toContain('连续2年及以上活动次数、收入与专职人员均为0');
    expect(b).not.toMatch(/entropyShift|weightsFrom|S_L = Σ_\{/);
    const html = renderHtml(results, { lang: 'zh' });
    expect(html).toContain('<p class="math">U = Σⱼ wⱼ x″ᵢⱼ');
    expect(html).not.toMatch(/<script/i);
  });
});
