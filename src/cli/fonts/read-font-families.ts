/**
 * Read family names from a TrueType/OpenType font or collection (.ttf/.otf/.ttc), so
 * that a font file named by SOQA_FONT can be addressed by its family in SVG.
 */

const utf16be = (b: Uint8Array, start: number, length: number): string => {
  let s = '';
  for (let i = start; i + 1 < start + length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return s;
};

const latin1 = (b: Uint8Array, start: number, length: number): string => {
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/** Family of the face whose table directory starts at `face`, or null. */
function faceFamily(b: Uint8Array, v: DataView, face: number): string | null {
  if (face + 12 > b.length) return null;
  const numTables = v.getUint16(face + 4);
  let name = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = face + 12 + 16 * i;
    if (rec + 16 > b.length) return null;
    if (latin1(b, rec, 4) === 'name') name = v.getUint32(rec + 8);
  }
  if (name < 0 || name + 6 > b.length) return null;
  const count = v.getUint16(name + 2);
  const strings = name + v.getUint16(name + 4);
  // best score wins: typographic family (16) over family (1); Windows English over others
  let best: { score: number; text: string } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + 12 * i;
    if (rec + 12 > b.length) break;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const language = v.getUint16(rec + 4);
    const nameId = v.getUint16(rec + 6);
    const length = v.getUint16(rec + 8);
    const start = strings + v.getUint16(rec + 10);
    if ((nameId !== 1 && nameId !== 16) || start + length > b.length) continue;
    let text: string;
    let score = nameId === 16 ? 4 : 0;
    if (platform === 3 && (encoding === 1 || encoding === 10)) {
      text = utf16be(b, start, length);
      score += language === 0x0409 ? 2 : 0;
    } else if (platform === 0) {
      text = utf16be(b, start, length);
    } else if (platform === 1 && encoding === 0) {
      text = latin1(b, start, length);
      score += language === 0 ? 1 : 0;
    } else continue;
    if (text.trim() !== '' && (best === null || score > best.score)) best = { score, text: text.trim() };
  }
  return best?.text ?? null;
}

/**
 * Family names of every face in a font file, in face order, without duplicates.
 * Prefers the typographic family (name id 16) and English (Windows, en-US) names.
 *
 * @param bytes the whole font file (.ttf, .otf or .ttc)
 * @returns family names, e.g. `['Noto Sans CJK JP', 'Noto Sans CJK KR', 'Noto Sans CJK SC', …]`;
 *   empty when the bytes are not an sfnt font or have no name table
 * @example
 * readFontFamilies(readFileSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'));
 * // => ['WenQuanYi Micro Hei', 'WenQuanYi Micro Hei Mono']
 */
export function readFontFamilies(bytes: Uint8Array): string[] {
  if (bytes.length < 12) return [];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = latin1(bytes, 0, 4);
  let faces: number[];
  if (tag === 'ttcf') {
    const n = v.getUint32(8);
    faces = [];
    for (let i = 0; i < n && 16 + 4 * i <= bytes.length; i++) faces.push(v.getUint32(12 + 4 * i));
  } else if (tag === 'OTTO' || tag === 'true' || v.getUint32(0) === 0x00010000) {
    faces = [0];
  } else {
    return [];
  }
  const out: string[] = [];
  for (const face of faces) {
    let family: string | null;
    try {
      family = faceFamily(bytes, v, face);
    } catch (e) {
      if (e instanceof RangeError) continue; // truncated or corrupt face
      throw e;
    }
    if (family !== null && !out.includes(family)) out.push(family);
  }
  return out;
}
