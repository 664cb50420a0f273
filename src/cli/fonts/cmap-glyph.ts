/**
 * Glyph id of a code point in a TrueType/OpenType `cmap` subtable of format 4 (segments,
 * BMP) or 12 (segmented coverage, all planes); 0 when unmapped or for any other format.
 * Shared by `fontHasChar` (is a SOQA_FONT able to draw Chinese?) and `subsetTrueType`.
 *
 * @param v view of the whole font file
 * @param sub byte offset of the subtable in the file
 * @param cp the code point
 * @returns the glyph id, 0 = .notdef (not mapped)
 * @throws RangeError when the subtable runs past the end of a truncated file
 * @example
 * cmapGlyph(new DataView(fontBytes.buffer), subtableOffset, 0x4e2d); // => the glyph id of 中 (0 when the font lacks it)
 */
export function cmapGlyph(v: DataView, sub: number, cp: number): number {
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
  }
  return 0;
}

/**
 * Whether a cmap encoding record maps Unicode: platform 0 (Unicode), or platform 3
 * (Windows) with encoding 1 (BMP) or 10 (full repertoire).
 *
 * @param platform the record's platform id
 * @param encoding its encoding id
 * @returns true for a Unicode subtable
 * @example
 * isUnicodeCmap(3, 1); // => true
 * isUnicodeCmap(1, 0); // => false (Macintosh Roman)
 */
export function isUnicodeCmap(platform: number, encoding: number): boolean {
  return platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
}
