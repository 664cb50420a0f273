import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from '../../../src/cli/fonts/find-cjk-font.js';
import { fontHasChar } from '../../../src/cli/fonts/font-has-char.js';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { readFontFamilies } from '../../../src/cli/fonts/read-font-families.js';
import { SoqaError } from '../../../src/core/soqa-error.js';

const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

describe('readFontFamilies', () => {
  it.skipIf(!existsSync(WQY))('reads both faces of wqy-microhei.ttc (skipped: not installed)', () => {
    expect(readFontFamilies(readFileSync(WQY))).toEqual(['WenQuanYi Micro Hei', 'WenQuanYi Micro Hei Mono']);
  });

  it.skipIf(!existsSync(NOTO))('reads the Noto Sans CJK collection (skipped: not installed)', () => {
    expect(readFontFamilies(readFileSync(NOTO))).toContain('Noto Sans CJK SC');
  });

  it('returns [] for bytes that are not a font', () => {
    expect(readFontFamilies(Buffer.from('not a font at all'))).toEqual([]);
    expect(readFontFamilies(new Uint8Array(0))).toEqual([]);
  });
});

describe('fontHasChar', () => {
  it.skipIf(!existsSync(WQY) || !existsSync(DEJAVU))(
    'tells CJK fonts from Latin-only ones (skipped: fonts missing)',
    () => {
      expect(fontHasChar(readFileSync(WQY), '中')).toBe(true);
      expect(fontHasChar(readFileSync(DEJAVU), '中')).toBe(false);
      expect(fontHasChar(readFileSync(DEJAVU), 'A')).toBe(true);
    },
  );

  it.skipIf(!existsSync(NOTO))(
    'reads the CFF-based Noto collection and its format-12 cmap (skipped: not installed)',
    () => {
      const noto = readFileSync(NOTO);
      expect(fontHasChar(noto, '社')).toBe(true);
      expect(fontHasChar(noto, '𠮷')).toBe(true); // U+20BB7, outside the BMP (format-12 subtable)
      expect(fontHasChar(noto, '😀')).toBe(false); // no colour emoji in Noto Sans CJK
    },
  );

  it('is false for bytes that are not a font, or truncated', () => {
    expect(fontHasChar(Buffer.from('hello world, not a font'), '中')).toBe(false);
    if (existsSync(WQY)) expect(fontHasChar(readFileSync(WQY).subarray(0, 400), '中')).toBe(false);
  });
});

describe('findCjkFont', () => {
  it('finds nothing in an empty search path', () => {
    expect(findCjkFont({ env: {}, dirs: [] })).toBeNull();
    expect(findCjkFont({ env: {}, dirs: ['/nonexistent/soqa-fonts'] })).toBeNull();
  });

  it.skipIf(!existsSync(NOTO) && !existsSync(WQY))(
    'finds a CJK font in /usr/share/fonts (skipped: none installed)',
    () => {
      const font = findCjkFont({ env: {}, dirs: ['/usr/share/fonts'] });
      expect(font).not.toBeNull();
      expect(existsSync(font!.path)).toBe(true);
      expect(font!.family).toMatch(/Noto Sans CJK SC|WenQuanYi Micro Hei/);
    },
  );

  it.skipIf(!existsSync(WQY))('lets SOQA_FONT override the search (skipped: wqy not installed)', () => {
    expect(findCjkFont({ env: { SOQA_FONT: WQY }, dirs: [] })).toEqual({ path: WQY, family: 'WenQuanYi Micro Hei' });
  });

  it.skipIf(!existsSync(WQY))(
    'reads the family of an unknown SOQA_FONT file from its name table (skipped: wqy not installed)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'soqa-font-'));
      try {
        const path = join(dir, 'my-chinese-font.ttc');
        copyFileSync(WQY, path);
        expect(findCjkFont({ env: { SOQA_FONT: path }, dirs: [] })).toEqual({ path, family: 'WenQuanYi Micro Hei' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!existsSync(DEJAVU))('rejects a SOQA_FONT without Chinese glyphs (skipped: no DejaVu)', () => {
    expect(() => findCjkFont({ env: { SOQA_FONT: DEJAVU }, dirs: [] })).toThrow(/DejaVu Sans\) has no Chinese glyphs/);
  });

  it('rejects a SOQA_FONT that does not exist or is not a font', () => {
    for (const path of ['/nonexistent/font.ttc', '/etc/hostname']) {
      let err: unknown;
      try {
        findCjkFont({ env: { SOQA_FONT: path }, dirs: [] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SoqaError);
      expect((err as SoqaError).code).toBe('E_FONT_NOT_FOUND');
      expect((err as Error).message).toContain('SOQA_FONT=');
    }
  });
});

describe('loadFonts', () => {
  it('finds the fonts once per process and returns the same object', () => {
    const a = loadFonts();
    expect(loadFonts()).toBe(a);
    if (a) {
      expect(a.fontFiles.length).toBeGreaterThan(0);
      expect(a.defaultFontFamily).not.toBe('');
    }
  });
});
