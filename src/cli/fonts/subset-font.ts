/**
 * A small TrueType font with only the glyphs a set of charts uses, so that PNG rendering
 * does not read a multi-megabyte CJK font again for every text element.
 *
 * Why: the native @resvg/resvg-js binding takes fonts as file paths only, and its font
 * database re-reads the whole font file for every glyph it outlines (about 200 times for a
 * chart). With WenQuanYi Micro Hei (5 MB) that is about 4 ms of system time per label,
 * most of the time a report's PNGs took. The subset keeps every glyph id (unused glyphs
 * become empty), so cmap, kerning and the rendered pixels are unchanged; it ends after the
 * last kept glyph (`maxp`), `glyf` and `loca` (short offsets when small) are rewritten,
 * `hmtx`/`hhea` keep each kept glyph's advance and bearing in fewer bytes, `post` has no
 * glyph names, and vertical metrics are left out: about 270 KB for a chart (480 KB with
 * every glyph id up to the font's end), since resvg's time grows with the file's size.
 */

import { cmapGlyph, isUnicodeCmap } from './cmap-glyph.js';

/** Tables not copied into the subset (vertical metrics are unused; `post` is replaced). */
const DROP = new Set(['vhea', 'vmtx', 'post', 'DSIG', 'hdmx', 'LTSH', 'VDMX', 'kern', 'EBDT', 'EBLC', 'EBSC']);

interface TableRec {
  tag: string;
  offset: number;
  length: number;
}

const tagOf = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

function faceTables(
  b: Uint8Array,
  v: DataView,
  face: number,
): { tables: Map<string, TableRec>; sfntVersion: number } | null {
  let off = 0;
  if (tagOf(b, 0) === 'ttcf') {
    const n = v.getUint32(8);
    if (face >= n) return null;
    off = v.getUint32(12 + 4 * face);
  }
  const sfntVersion = v.getUint32(off);
  if (sfntVersion !== 0x00010000 && sfntVersion !== 0x74727565) return null; // TrueType outlines only
  const n = v.getUint16(off + 4);
  const tables = new Map<string, TableRec>();
  for (let i = 0; i < n; i++) {
    const r = off + 12 + 16 * i;
    tables.set(tagOf(b, r), { tag: tagOf(b, r), offset: v.getUint32(r + 8), length: v.getUint32(r + 12) });
  }
  return { tables, sfntVersion };
}

/** The Unicode cmap subtables (format 4 or 12) of a face. */
function unicodeSubtables(v: DataView, cmap: TableRec): number[] {
  const out: number[] = [];
  const n = v.getUint16(cmap.offset + 2);
  for (let j = 0; j < n; j++) {
    const platform = v.getUint16(cmap.offset + 4 + 8 * j);
    const encoding = v.getUint16(cmap.offset + 6 + 8 * j);
    const sub = cmap.offset + v.getUint32(cmap.offset + 8 + 8 * j);
    const format = v.getUint16(sub);
    if (isUnicodeCmap(platform, encoding) && (format === 4 || format === 12)) out.push(sub);
  }
  return out;
}

/** True when the GSUB table has no features (no glyph is reached except through cmap). */
function gsubIsEmpty(v: DataView, gsub: TableRec | undefined): boolean {
  if (!gsub) return true;
  const featureList = gsub.offset + v.getUint16(gsub.offset + 6);
  return v.getUint16(featureList) === 0;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * The `glyf` table of the kept glyphs and a `loca` table for glyphs 0 … count − 1 (the others
 * empty), with short offsets when the `glyf` table is small enough (under 128 KB).
 */
function buildGlyfLoca(
  font: Uint8Array,
  kept: readonly number[],
  count: number,
  glyphAt: (g: number) => [number, number],
): { glyf: Uint8Array; loca: Uint8Array; longOffsets: boolean } {
  let glyfSize = 0;
  for (const g of kept) glyfSize += pad4(Math.max(0, glyphAt(g)[1]));
  const glyf = new Uint8Array(glyfSize);
  const longOffsets = glyfSize > 0x1fffe; // short offsets are halves in 16 bits
  const loca = new Uint8Array((longOffsets ? 4 : 2) * (count + 1));
  const lv = new DataView(loca.buffer);
  const setOffset = (g: number, at: number): void =>
    longOffsets ? lv.setUint32(4 * g, at) : lv.setUint16(2 * g, at / 2);
  let pos = 0;
  let k = 0;
  for (let g = 0; g < count; g++) {
    setOffset(g, pos);
    if (k < kept.length && kept[k] === g) {
      const [at, len] = glyphAt(g);
      if (len > 0) {
        glyf.set(font.subarray(at, at + len), pos);
        pos += pad4(len);
      }
      k++;
    }
  }
  setOffset(count, pos);
  return { glyf, loca, longOffsets };
}

/**
 * `hmtx` and `hhea` for glyphs 0 … count − 1 with the same advance and left side bearing
 * for every kept glyph, in fewer bytes: the glyphs after the last kept one whose advance
 * differs from the last kept glyph's take the advance of the last full entry (as the
 * format allows), so they need only their bearing. Glyphs not kept may get another
 * advance: they are never drawn.
 */
function buildHmtx(
  v: DataView,
  at: { hmtx: TableRec; hhea: TableRec; kept: readonly number[]; count: number },
): { hmtx: Uint8Array; hhea: Uint8Array } {
  const { hmtx, hhea, kept, count } = at;
  const nhm = v.getUint16(hhea.offset + 34);
  const advance = (g: number): number => v.getUint16(hmtx.offset + 4 * Math.min(g, nhm - 1));
  const bearing = (g: number): number =>
    g < nhm ? v.getInt16(hmtx.offset + 4 * g + 2) : v.getInt16(hmtx.offset + 4 * nhm + 2 * (g - nhm));
  const last = advance(kept[kept.length - 1]);
  let differs = -1;
  for (let i = kept.length - 1; i >= 0; i--) {
    if (advance(kept[i]) !== last) {
      differs = kept[i];
      break;
    }
  }
  const full = Math.min(count, differs + 2); // entries 0 … full − 1 with an advance; the last one's is `last`
  const out = new Uint8Array(4 * full + 2 * (count - full));
  const ov = new DataView(out.buffer);
  for (let g = 0; g < full; g++) {
    ov.setUint16(4 * g, g === full - 1 ? last : advance(g));
    ov.setInt16(4 * g + 2, bearing(g));
  }
  for (let g = full; g < count; g++) ov.setInt16(4 * full + 2 * (g - full), bearing(g));
  const newHhea = new Uint8Array(v.buffer.slice(v.byteOffset + hhea.offset, v.byteOffset + hhea.offset + hhea.length));
  new DataView(newHhea.buffer).setUint16(34, full); // numberOfHMetrics
  return { hmtx: out, hhea: newHhea };
}

/**
 * Build a TrueType font holding only the glyphs of `text` (plus .notdef and the components
 * of composite glyphs) from face `face` of a .ttf or .ttc file. Glyph ids are kept.
 *
 * @param font the whole font file (not modified)
 * @param text every character the charts draw
 * @param face face index in a collection (default 0)
 * @returns the subset font, or null when the font cannot be subset safely this way (CFF
 *   outlines, a GSUB table with features, no Unicode cmap, or unreadable tables): then use
 *   the original file
 * @example
 * const small = subsetTrueType(readFileSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'), '社会组织 2024');
 */
// eslint-disable-next-line max-lines-per-function -- the charts helper's area (issue 24)
export function subsetTrueType(font: Uint8Array, text: string, face = 0): Uint8Array | null {
  try {
    const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const parsed = faceTables(font, v, face);
    if (!parsed) return null;
    const { tables } = parsed;
    const glyf = tables.get('glyf');
    const loca = tables.get('loca');
    const head = tables.get('head');
    const maxp = tables.get('maxp');
    const cmap = tables.get('cmap');
    if (!glyf || !loca || !head || !maxp || !cmap || !gsubIsEmpty(v, tables.get('GSUB'))) return null;
    const numGlyphs = v.getUint16(maxp.offset + 4);
    const longLoca = v.getInt16(head.offset + 50) === 1;
    const glyphAt = (g: number): [number, number] => {
      const a = longLoca ? v.getUint32(loca.offset + 4 * g) : 2 * v.getUint16(loca.offset + 2 * g);
      const b = longLoca ? v.getUint32(loca.offset + 4 * (g + 1)) : 2 * v.getUint16(loca.offset + 2 * (g + 1));
      return [glyf.offset + a, b - a];
    };
    const subs = unicodeSubtables(v, cmap);
    if (subs.length === 0) return null;
    // glyphs to keep: .notdef, every mapped character, and components of composites
    const keep = new Set<number>([0]);
    for (const ch of new Set(text)) {
      const cp = ch.codePointAt(0)!;
      for (const sub of subs) {
        const g = cmapGlyph(v, sub, cp);
        if (g > 0 && g < numGlyphs) {
          keep.add(g);
          break;
        }
      }
    }
    const queue = [...keep];
    while (queue.length) {
      const g = queue.pop()!;
      const [at, len] = glyphAt(g);
      if (len <= 0 || v.getInt16(at) >= 0) continue; // empty or simple glyph
      let p = at + 10;
      for (;;) {
        const flags = v.getUint16(p);
        const comp = v.getUint16(p + 2);
        if (!keep.has(comp) && comp < numGlyphs) {
          keep.add(comp);
          queue.push(comp);
        }
        p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
        if (!(flags & 0x0020)) break;
      }
    }
    // glyph ids are kept, but the font ends after the last kept glyph
    const kept = [...keep].sort((a, b) => a - b);
    const count = kept[kept.length - 1] + 1;
    const { glyf: newGlyf, loca: newLoca, longOffsets } = buildGlyfLoca(font, kept, count, glyphAt);
    const hmtx = tables.get('hmtx');
    const hhea = tables.get('hhea');
    const metrics = hmtx && hhea ? buildHmtx(v, { hmtx, hhea, kept, count }) : null;
    // copies: `font` may be a Buffer, whose slice() is a view that would write into the caller's bytes
    const newHead = new Uint8Array(font.subarray(head.offset, head.offset + head.length));
    new DataView(newHead.buffer).setInt16(50, longOffsets ? 1 : 0); // indexToLocFormat
    new DataView(newHead.buffer).setUint32(8, 0); // checkSumAdjustment: not computed
    const newMaxp = new Uint8Array(font.subarray(maxp.offset, maxp.offset + maxp.length));
    new DataView(newMaxp.buffer).setUint16(4, count); // numGlyphs
    const post = new Uint8Array(32);
    new DataView(post.buffer).setUint32(0, 0x00030000); // format 3: no glyph names
    const replaced = new Map<string, Uint8Array>([
      ['glyf', newGlyf],
      ['loca', newLoca],
      ['head', newHead],
      ['maxp', newMaxp],
      ...(metrics
        ? ([
            ['hmtx', metrics.hmtx],
            ['hhea', metrics.hhea],
          ] as const)
        : []),
    ]);
    const out = new Map<string, Uint8Array>();
    for (const t of [...tables.keys()].sort()) {
      if (DROP.has(t)) continue;
      const rec = tables.get(t)!;
      out.set(t, replaced.get(t) ?? font.subarray(rec.offset, rec.offset + rec.length));
    }
    out.set('post', post);
    const tags = [...out.keys()].sort();
    const headerSize = 12 + 16 * tags.length;
    let total = headerSize;
    for (const t of tags) total += pad4(out.get(t)!.length);
    const file = new Uint8Array(total);
    const fv = new DataView(file.buffer);
    const n = tags.length;
    const es = Math.floor(Math.log2(n));
    fv.setUint32(0, 0x00010000);
    fv.setUint16(4, n);
    fv.setUint16(6, 16 * 2 ** es);
    fv.setUint16(8, es);
    fv.setUint16(10, 16 * n - 16 * 2 ** es);
    let at = headerSize;
    tags.forEach((t, i) => {
      const data = out.get(t)!;
      const r = 12 + 16 * i;
      for (let c = 0; c < 4; c++) file[r + c] = t.charCodeAt(c);
      file.set(data, at);
      // checksum: sum of the table's big-endian 32-bit words, zero-padded (as `file` is)
      let sum = 0;
      const end = at + pad4(data.length);
      for (let p = at; p < end; p += 4) sum = (sum + fv.getUint32(p)) >>> 0;
      fv.setUint32(r + 4, sum);
      fv.setUint32(r + 8, at);
      fv.setUint32(r + 12, data.length);
      at = end;
    });
    return file;
  } catch (e) {
    if (e instanceof RangeError) return null; // truncated or corrupt font
    throw e;
  }
}

/**
 * The characters a set of SVG documents can draw: every character of their markup with
 * the XML character references decoded (a superset of their text, which is all a subset
 * needs), plus printable ASCII.
 *
 * @param svgs SVG markup
 * @returns the characters, as one string
 */
export function svgCharacters(svgs: readonly string[]): string {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const svg of svgs) {
    const text = svg.includes('&#')
      ? svg.replace(/&#(x[0-9a-f]+|\d+);/gi, (_m, n: string) =>
          String.fromCodePoint(n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n)),
        )
      : svg;
    // the same characters in the same order as `for (const ch of text)`, without a string per ASCII character
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) continue; // printable ASCII is in already
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          chars.add(text.slice(i, i + 2));
          i++;
          continue;
        }
      }
      chars.add(text[i]);
    }
  }
  return [...chars].join('');
}

/** Chart fonts for `renderPng`, possibly replaced by subsets in a temporary folder. */
export interface SubsetFonts {
  fonts: { fontFiles: string[]; defaultFontFamily: string };
  /** Remove the temporary subset files (safe to call more than once). */
  cleanup: () => void;
}
