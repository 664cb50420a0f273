import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/render/charts/labels.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { shareLinesSpec } from '../../../src/render/charts/specs/share-lines.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import { NATIONAL_COUNTS, TITLES } from './fixtures.js';

const CHARTS = {
  'type-mix-area': (lang: 'zh' | 'en') => typeMixAreaSpec(NATIONAL_COUNTS, { lang, title: TITLES.area[lang] }),
  'share-lines': (lang: 'zh' | 'en') => shareLinesSpec(NATIONAL_COUNTS, { lang, title: TITLES.share[lang] }),
};

describe('renderSvg', () => {
  // Snapshots (Observable Plot style): the SVG depends only on vega/vega-lite and soqa's
  // text-width table, not on installed fonts, so it is the same on every machine.
  for (const [name, build] of Object.entries(CHARTS)) {
    for (const lang of LANGS) {
      it(`${name} (${lang}) matches its snapshot`, async () => {
        const svg = await renderSvg(build(lang));
        expect(svg.startsWith('<svg')).toBe(true);
        await expect(svg).toMatchFileSnapshot(`./__snapshots__/${name}-${lang}.svg`);
      });
    }
  }

  it('is deterministic: same spec → byte-identical SVG, also when rendered concurrently', async () => {
    const spec = CHARTS['share-lines']('zh');
    const first = await renderSvg(spec);
    const second = await renderSvg(spec);
    expect(second).toBe(first);
    const [a, b, c] = await Promise.all([renderSvg(spec), renderSvg(CHARTS['type-mix-area']('en')), renderSvg(spec)]);
    expect(a).toBe(first);
    expect(c).toBe(first);
    expect(b).toBe(await renderSvg(CHARTS['type-mix-area']('en')));
  });

  it('draws Chinese labels and the fixed type colours', async () => {
    const svg = await renderSvg(CHARTS['type-mix-area']('zh'));
    for (const label of ['社会团体', '民办非企业单位', '基金会', '组织数（万家）', '年份'])
      expect(svg).toContain(label);
    for (const color of ['#0072B2', '#E69F00', '#009E73']) expect(svg).toContain(color);
  });

  it('lays horizontal legend entries out without overlap, using CJK widths', async () => {
    const svg = await renderSvg(CHARTS['type-mix-area']('zh'));
    // legend entries are <g transform="translate(x,y)"> groups inside the legend; take the x of each
    const legend = svg.slice(svg.indexOf('role-legend-entry'));
    const xs = [...legend.matchAll(/role-legend-symbol[\s\S]*?<\/g>/g)].length;
    expect(xs).toBeGreaterThan(0);
    const entries = [...legend.matchAll(/<g transform="translate\((\d+(?:\.\d+)?),0\)"><path class="background"/g)].map(
      (m) => Number(m[1]),
    );
    expect(entries.length).toBe(3);
    // each entry starts after the previous one's symbol (≈ 16 px) + label (4–7 ideographs × 11 px)
    const labelWidths = [4 * 11, 7 * 11];
    for (let i = 1; i < entries.length; i++)
      expect(entries[i] - entries[i - 1]).toBeGreaterThanOrEqual(labelWidths[i - 1] + 16);
  });

  it('reports a bad spec as a rejected promise and keeps working', async () => {
    await expect(
      renderSvg({ mark: 'line', data: { values: [] }, encoding: { x: { field: 'a', type: 'nope' } } } as never),
    ).rejects.toThrow();
    expect((await renderSvg(CHARTS['share-lines']('en'))).startsWith('<svg')).toBe(true);
  });
});
