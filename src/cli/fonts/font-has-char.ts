/**
 * Whether a TrueType/OpenType font (or any face of a collection) maps a character to a glyph.
 */

/** Glyph id of `cp` in the cmap subtable at `sub` (formats 4 and 12), 0 when unmapped. */
function lookup(v: DataView, sub: number, cp: number): number {
  const format = v.getUint16(sub);
  if (format === 4) {
    if (cp > 0xffff) return 0;
    const segX2 = v.getUint16(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let i = 0; i < segX2; i += 2) {
      if (cp > v.getUint16(ends + i)) continue;
      const start = v.getUint16(starts + i);
      if (cp < start) return 0;
      const delta = v.getUint16(deltas + i);
      const ro = v.getUint16(rangeOffsets + i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = v.getUint16(rangeOffsets + i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  }
  if (format === 12) {
    const groups = v.getUint32(sub + 12);
    for (let i = 0; i < groups; i++) {
      const g = sub + 16 + 12 * i;
      if (cp >= v.getUint32(g) && cp <= v.getUint32(g + 4)) return v.getUint32(g + 8) + (cp - v.getUint32(g));
    }
    return 0;
  }
  return 0;
}

/** Offsets of the table directories of every face in the file. */
function faceOffsets(v: DataView): number[] {
  const tag = v.getUint32(0);
  if (tag === 0x74746366 /* 'ttcf' */) {
    const n = v.getUint32(8);
    return Array.from({ length: n }, (_, i) => v.getUint32(12 + 4 * i));
  }
  return tag === 0x00010000 || tag === 0x4f54544f /* 'OTTO' */ || tag === 0x74727565 /* 'true' */ ? [0] : [];
}

/**
 * True when some face of the font maps `char` to a glyph (Unicode cmap subtables of
 * format 4 or 12). Used to refuse a SOQA_FONT that cannot draw Chinese.
 *
 * @param bytes the whole font file (.ttf, .otf or .ttc)
 * @param char one character, e.g. `'中'`
 * @returns whether the font can draw it; false for bytes that are not a font
 * @example
 * fontHasChar(readFileSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'), '中'); // => true
 * fontHasChar(readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), '中'); // => false
 */
export function fontHasChar(bytes: Uint8Array, char: string): boolean {
  const cp = char.codePointAt(0);
  if (cp === undefined || bytes.length < 12) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    for (const face of faceOffsets(v)) {
      const numTables = v.getUint16(face + 4);
      for (let i = 0; i < numTables; i++) {
        const rec = face + 12 + 16 * i;
        if (v.getUint32(rec) !== 0x636d6170 /* 'cmap' */) continue;
        const cmap = v.getUint32(rec + 8);
        const n = v.getUint16(cmap + 2);
        for (let j = 0; j < n; j++) {
          const platform = v.getUint16(cmap + 4 + 8 * j);
          const encoding = v.getUint16(cmap + 6 + 8 * j);
          const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
          if (unicode && lookup(v, cmap + v.getUint32(cmap + 8 + 8 * j), cp) !== 0) return true;
        }
      }
    }
  } catch (e) {
    if (e instanceof RangeError) return false; // truncated or corrupt file
    throw e;
  }
  return false;
}
