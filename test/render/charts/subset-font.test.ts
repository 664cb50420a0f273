import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { subsetChartFonts } from '../../../src/cli/fonts/chart-font-subset.js';
import { createFontSubsetter } from '../../../src/cli/fonts/font-subsetter.js';
import { fontHasChar } from '../../../src/cli/fonts/font-has-char.js';
import { readFontFamilies } from '../../../src/cli/fonts/read-font-families.js';
import { subsetTrueType, svgCharacters } from '../../../src/cli/fonts/subset-font.js';

const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="260" height="60"><rect width="260" height="60" fill="#fff"/><text x="8" y="26" font-family="WenQuanYi Micro Hei" font-size="18">社会组织 2024 &amp; Ä</text><text x="8" y="50" font-size="14">核心区 46.4% &#x2265;2</text></svg>';

describe('svgCharacters', () => {
  it('collects the characters of the markup with character references decoded, plus ASCII', () => {
    const chars = svgCharacters([SVG]);
    for (const ch of ['社', '核', '≥', '%', '&', 'Ä', '~']) expect(chars).toContain(ch);
  });
});

describe('svgCharacters', () => {
  it('gives the characters in the order a code-point walk of the decoded markup meets them', () => {
    const svg = '<text>\t社 a😀b 社\ud800x\udc00 &#x1F600;&#20250;\n</text>';
    const walk = new Set<string>();
    for (let c = 0x20; c < 0x7f; c++) walk.add(String.fromCharCode(c));
    for (const ch of svg.replace('&#x1F600;', '😀').replace('&#20250;', '会')) walk.add(ch);
    expect(svgCharacters([svg])).toBe([...walk].join(''));
  });
});

describe('subsetTrueType', () => {
  it.skipIf(!existsSync(WQY))(
    'keeps the glyphs of the text and the family, and is much smaller (skipped: wqy not installed)',
    () => {
      const full = readFileSync(WQY);
      const small = subsetTrueType(full, svgCharacters([SVG]))!;
      expect(small).not.toBeNull();
      expect(small.length).toBeLessThan(full.length / 4);
      expect(readFontFamilies(small)).toEqual(['WenQuanYi Micro Hei']);
      expect(fontHasChar(small, '社')).toBe(true);
    },
  );

  it.skipIf(!existsSync(WQY))(
    'ends the font after its last kept glyph, with short loca offsets and bearings-only metrics past the last advance that differs (skipped: wqy not installed)',
    () => {
      // table layout from the OpenType spec: maxp.numGlyphs at 4, hhea.numberOfHMetrics at 34,
      // head.indexToLocFormat at 50; hmtx = numberOfHMetrics × 4 + (numGlyphs − numberOfHMetrics) × 2 bytes
      const tables = (b: Uint8Array, dir = 0) => {
        const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
        const out = new Map<string, { at: number; length: number }>();
        for (let i = 0; i < v.getUint16(dir + 4); i++) {
          const r = dir + 12 + 16 * i;
          out.set(String.fromCharCode(...b.subarray(r, r + 4)), {
            at: v.getUint32(r + 8),
            length: v.getUint32(r + 12),
          });
        }
        return { v, t: out };
      };
      const full = readFileSync(WQY);
      const f = tables(full, new DataView(full.buffer, full.byteOffset).getUint32(12)); // face 0 of the collection
      const small = subsetTrueType(full, svgCharacters([SVG]))!;
      const s = tables(small);
      const glyphs = s.v.getUint16(s.t.get('maxp')!.at + 4);
      expect(glyphs).toBeLessThan(f.v.getUint16(f.t.get('maxp')!.at + 4));
      expect(s.v.getInt16(s.t.get('head')!.at + 50)).toBe(0); // short offsets
      expect(s.t.get('loca')!.length).toBe(2 * (glyphs + 1));
      const nhm = s.v.getUint16(s.t.get('hhea')!.at + 34);
      expect(nhm).toBeLessThan(glyphs);
      expect(s.t.get('hmtx')!.length).toBe(4 * nhm + 2 * (glyphs - nhm));
      expect(small.length).toBeLessThan(full.length / 15);
    },
  );

  it.skipIf(!existsSync(WQY))(
    "keeps every glyph's advance: Latin text of many widths renders pixel-identical (skipped: wqy not installed)",
    () => {
      const svg =
        '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="40"><rect width="420" height="40" fill="#fff"/><text x="4" y="28" font-size="20">Wil1.—MmIi|社会 W.i.W ≥ 中国 fj</text></svg>';
      const small = subsetChartFonts({ fontFiles: [WQY], defaultFontFamily: 'WenQuanYi Micro Hei' }, [svg]);
      try {
        const render = (file: string) =>
          new Resvg(svg, {
            font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: 'WenQuanYi Micro Hei' },
          })
            .render()
            .asPng();
        expect(Buffer.compare(render(small.fonts.fontFiles[0]), render(WQY))).toBe(0);
      } finally {
        small.cleanup();
      }
    },
  );

  it.skipIf(!existsSync(WQY))('renders pixel-identical PNGs (skipped: wqy not installed)', () => {
    const small = subsetChartFonts({ fontFiles: [WQY], defaultFontFamily: 'WenQuanYi Micro Hei' }, [SVG]);
    try {
      expect(small.fonts.fontFiles[0]).not.toBe(WQY);
      const render = (file: string) =>
        new Resvg(SVG, {
          font: {
            fontFiles: [file],
            loadSystemFonts: false,
            defaultFontFamily: 'WenQuanYi Micro Hei',
            sansSerifFamily: 'WenQuanYi Micro Hei',
          },
          fitTo: { mode: 'zoom', value: 2 },
        })
          .render()
          .asPng();
      expect(Buffer.compare(render(small.fonts.fontFiles[0]), render(WQY))).toBe(0);
    } finally {
      small.cleanup();
    }
    expect(existsSync(small.fonts.fontFiles[0])).toBe(false);
  });

  it.skipIf(!existsSync(WQY))(
    'leaves the font bytes it is given unchanged, so they can be reused (skipped: wqy not installed)',
    () => {
      const full = readFileSync(WQY);
      const copy = Buffer.from(full);
      const a = subsetTrueType(full, svgCharacters([SVG]))!;
      const b = subsetTrueType(full, svgCharacters([SVG]))!;
      expect(full.equals(copy)).toBe(true);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    },
  );

  it.skipIf(!existsSync(WQY))(
    "fontsForChart: one subset, made once from the charts' text, for every SVG it covers; an SVG with another character gets its own (skipped: wqy not installed)",
    () => {
      const sub = createFontSubsetter({ fontFiles: [WQY], defaultFontFamily: 'WenQuanYi Micro Hei' });
      let calls = 0;
      const text = () => {
        calls++;
        return '社会组织核心区≥ÄÖ';
      };
      try {
        const a = sub.fontsForChart(SVG, text);
        const b = sub.fontsForChart(SVG.replace('社会组织', '组织社会'), text);
        expect(b.fontFiles).toEqual(a.fontFiles); // the shared subset
        expect(calls).toBe(1);
        const own = sub.fontsForChart(SVG.replace('社会组织', '基金会'), text); // 基金 are not in the text
        expect(own.fontFiles[0]).not.toBe(a.fontFiles[0]);
        expect(fontHasChar(readFileSync(own.fontFiles[0]), '基')).toBe(true);
        expect(fontHasChar(readFileSync(a.fontFiles[0]), '社')).toBe(true);
      } finally {
        sub.cleanup();
      }
    },
  );

  it.skipIf(!existsSync(WQY))(
    'draws the same PNG bytes with a subset per chart as with one for the batch (skipped: wqy not installed)',
    () => {
      const fonts = { fontFiles: [WQY], defaultFontFamily: 'WenQuanYi Micro Hei' };
      const other = SVG.replace('社会组织', '基金会').replace('核心区', '外围区');
      const batch = subsetChartFonts(fonts, [SVG, other]);
      const each = createFontSubsetter(fonts);
      try {
        const render = (svg: string, file: string) =>
          new Resvg(svg, {
            font: {
              fontFiles: [file],
              loadSystemFonts: false,
              defaultFontFamily: 'WenQuanYi Micro Hei',
              sansSerifFamily: 'WenQuanYi Micro Hei',
            },
            fitTo: { mode: 'zoom', value: 2 },
          })
            .render()
            .asPng();
        for (const svg of [SVG, other]) {
          const own = each.fontsFor([svg]).fontFiles[0];
          expect(own).not.toBe(batch.fonts.fontFiles[0]);
          expect(Buffer.compare(render(svg, own), render(svg, batch.fonts.fontFiles[0]))).toBe(0);
        }
      } finally {
        batch.cleanup();
        each.cleanup();
      }
    },
  );

  it.skipIf(!existsSync(NOTO))('leaves CFF fonts alone (skipped: Noto CJK not installed)', () => {
    expect(subsetTrueType(readFileSync(NOTO), '社会')).toBeNull();
    const same = subsetChartFonts({ fontFiles: [NOTO], defaultFontFamily: 'Noto Sans CJK SC' }, [SVG]);
    expect(same.fonts.fontFiles).toEqual([NOTO]);
    same.cleanup();
  });

  it('returns null for bytes that are not a TrueType font', () => {
    expect(subsetTrueType(Buffer.from('definitely not a font, just some text here'), 'a')).toBeNull();
    expect(subsetTrueType(new Uint8Array(4), 'a')).toBeNull();
  });
});
