import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { renderPng } from '../../../src/render/charts/render-png.js';
import { renderSvg } from '../../../src/render/charts/render-svg.js';
import { typeMixAreaSpec } from '../../../src/render/charts/specs/type-mix-area.js';
import { NATIONAL_COUNTS, TITLES } from './fixtures.js';

const fonts = loadFonts();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('renderPng', () => {
  it.skipIf(fonts === null)(
    'renders a chart with the CJK font found on this machine (skipped: no CJK font installed)',
    async () => {
      const svg = await renderSvg(typeMixAreaSpec(NATIONAL_COUNTS, { lang: 'zh', title: TITLES.area.zh }));
      const png = renderPng(svg, fonts!);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.length).toBeGreaterThan(20_000);
      // IHDR width/height: zoom 2 of the SVG size
      const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
      expect(png.readUInt32BE(16)).toBe(2 * svgWidth);
      const png1 = renderPng(svg, { ...fonts!, scale: 1 });
      expect(png1.readUInt32BE(16)).toBe(svgWidth);
    },
  );

  it('refuses to render without fonts (the text would be missing)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>中</text></svg>';
    let err: unknown;
    try {
      renderPng(svg, { fontFiles: [], defaultFontFamily: 'Noto Sans CJK SC' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SoqaError);
    expect((err as SoqaError).code).toBe('E_NO_FONT');
    expect((err as Error).message).toMatch(/no CJK font.*SOQA_FONT.*SVG is still written/s);
  });

  it('rejects a non-positive scale', () => {
    expect(() => renderPng('<svg/>', { fontFiles: ['x.ttf'], defaultFontFamily: 'X', scale: 0 })).toThrow(/scale "0"/);
  });
});
