/** Encodings soqa can decode (names accepted by `TextDecoder`). */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Result of sniffing the first bytes of an input. */
export interface DetectedEncoding {
  encoding: InputEncoding;
  /** Bytes of byte-order mark to skip (0, 2 or 3). */
  bomLength: number;
  /** How it was decided: 'bom', 'utf8-valid', 'utf16-nul-pattern', 'fallback-gb18030'. */
  reason: string;
}

/**
 * Guess an input's text encoding from its first bytes: a BOM decides; otherwise valid
 * UTF-8 is UTF-8, a NUL-every-other-byte pattern is UTF-16, and anything else is read as
 * GB18030 (a superset of GBK and GB2312, the encodings Chinese registry exports use).
 *
 * @param head the first bytes of the file (64 KiB is plenty)
 * @param atEnd true when `head` is the whole file (a truncated multi-byte character at
 *   the end of a partial head is then not excused)
 * @returns the encoding, BOM length and the reason
 * @example
 * detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61])); // => { encoding: 'utf-8', bomLength: 3, reason: 'bom' }
 */
export function detectEncoding(head: Uint8Array, atEnd = false): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };
  const utf16 = utf16Pattern(head);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: 'utf16-nul-pattern' };
  if (isValidUtf8(head, atEnd)) return { encoding: 'utf-8', bomLength: 0, reason: 'utf8-valid' };
  return { encoding: 'gb18030', bomLength: 0, reason: 'fallback-gb18030' };
}

function utf16Pattern(b: Uint8Array): InputEncoding | null {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(b: Uint8Array, atEnd: boolean): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) {
      // a multi-byte sequence cut by the end of the head: fine unless this is the whole file
      if (atEnd) return false;
      for (let k = i + 1; k < n; k++) if ((b[k] & 0xc0) !== 0x80) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}
