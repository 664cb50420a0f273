/**
 * GBK bytes for tests. Node's TextEncoder writes UTF-8 only, so GBK text is made here.
 *
 * Reference bytes of 社会团体 ("social group"): 社 C9E7, 会 BBE1, 团 CDC5, 体 CCE5, as listed
 * in the GBK charmap shipped with glibc (/usr/share/i18n/charmaps/GBK.gz: `<U793E> /xc9/xe7`,
 * `<U4F1A> /xbb/xe1`, `<U56E2> /xcd/xc5`, `<U4F53> /xcc/xe5`); Python's
 * `'社会团体'.encode('gbk')` gives the same bytes.
 */
export const GBK_SHEHUI_TUANTI: Uint8Array = Uint8Array.from([0xc9, 0xe7, 0xbb, 0xe1, 0xcd, 0xc5, 0xcc, 0xe5]);

let table: Map<string, [number, number]> | null = null;

/**
 * Encode text as GBK by inverting the WHATWG gb18030 decoder over every two-byte GBK code
 * (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F); ASCII stays one byte. The result is
 * decoded again and compared with the input.
 *
 * @throws Error for a character GBK has no two-byte code for
 */
export function encodeGbk(text: string): Buffer {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        let ch: string;
        try {
          ch = dec.decode(Uint8Array.of(lead, trail));
        } catch {
          continue;
        }
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(b[0], b[1]);
    }
  }
  const bytes = Buffer.from(out);
  if (new TextDecoder('gb18030').decode(bytes) !== text) throw new Error('GBK round trip failed');
  return bytes;
}
