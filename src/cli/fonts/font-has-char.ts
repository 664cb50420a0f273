/**
 * Whether a TrueType/OpenType font (or any face of a collection) maps a character to a glyph.
 */

import { cmapGlyph, isUnicodeCmap } from './cmap-glyph.js';

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
          const unicode = isUnicodeCmap(platform, encoding);
          if (unicode && cmapGlyph(v, cmap + v.getUint32(cmap + 8 + 8 * j), cp) !== 0) return true;
        }
      }
    }
  } catch (e) {
    if (e instanceof RangeError) return false; // truncated or corrupt file
    throw e;
  }
  return false;
}
