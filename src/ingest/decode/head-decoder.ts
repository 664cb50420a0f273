import { detectEncoding, type InputEncoding } from './detect-encoding.js';

/** Bytes looked at before deciding on an encoding, at least. */
const HEAD = 64 * 1024;
/** While every byte so far is ASCII, keep looking up to this many bytes. */
const MAX_HEAD = 4 * 1024 * 1024;
/** Bytes wanted after the first non-ASCII byte before deciding (a character cut at the end proves nothing). */
const AFTER_FIRST_NON_ASCII = 1024;

/** What a {@link HeadDecoder} reports about the input (the fields of a SourceInfo it fills in). */
export interface DecodeInfo {
  encoding: InputEncoding;
  encodingReason: string;
  /** The encoding detection would have chosen, when a forced one differs from it on non-ASCII bytes. */
  detected?: InputEncoding;
  /** Characters that could not be decoded and became U+FFFD. */
  replacementChars: number;
}

/**
 * Decodes an input's byte chunks into text: holds the first bytes until they decide the
 * encoding (at least 64 KiB and, while they are all ASCII, up to the first non-ASCII bytes
 * plus 1 KiB, or 4 MiB), then decodes every chunk with a streaming TextDecoder. The
 * encoding found (or forced), the reason and the replacement characters go to `info`.
 *
 * @example
 * const d = new HeadDecoder(info);
 * for await (const b of chunks) { const t = d.push(b); if (t !== null) parser.push(t); }
 * parser.push(d.end());
 */
export class HeadDecoder {
  private head: Buffer[] = [];
  private headLen = 0;
  /** Offset of the first byte ≥ 0x80 in the input, -1 while none was seen. */
  private firstHigh = -1;
  /** Whether the first HEAD bytes, all ASCII, already decide (UTF-16 without BOM); null = not checked yet. */
  private asciiDecides: boolean | null = null;
  private decoder: TextDecoder | null = null;

  /**
   * @param info the source being read: gets `encoding`, `encodingReason`, `detected` and `replacementChars`
   * @param encoding force an encoding instead of detecting it (default: detect)
   */
  constructor(
    private readonly info: DecodeInfo,
    private readonly encoding?: InputEncoding,
  ) {}

  /**
   * Take the next chunk of bytes.
   *
   * @param b the chunk
   * @returns the text decoded so far, or null while the encoding is not decided yet
   */
  push(b: Buffer): string | null {
    if (this.decoder) return this.count(this.decoder.decode(b, { stream: true }));
    if (this.firstHigh < 0) {
      const i = firstNonAscii(b);
      if (i >= 0) this.firstHigh = this.headLen + i;
    }
    this.head.push(b);
    this.headLen += b.length;
    return (this.encoding ? this.headLen >= HEAD : this.ready()) ? this.start(false) : null;
  }

  /** True while the encoding is not decided (the bytes so far are held). */
  get deciding(): boolean {
    return this.decoder === null;
  }

  /**
   * The input ended.
   *
   * @returns the text still held (empty when none)
   */
  end(): string {
    if (!this.decoder) return this.start(true);
    return this.count(this.decoder.decode());
  }

  /** Whether the bytes held decide the encoding. */
  private ready(): boolean {
    if (this.headLen >= MAX_HEAD) return true;
    if (this.headLen < HEAD) return false;
    if (this.firstHigh >= 0) return this.headLen - this.firstHigh >= AFTER_FIRST_NON_ASCII;
    this.asciiDecides ??= detectEncoding(Buffer.concat(this.head).subarray(0, 4096)).reason !== 'utf8-valid';
    return this.asciiDecides;
  }

  /** Decide the encoding from the bytes held, and decode them. */
  private start(atEnd: boolean): string {
    const buf = Buffer.concat(this.head);
    this.head = [];
    const { info, encoding } = this;
    const found = detectEncoding(buf, atEnd);
    const det = encoding ? { encoding, bomLength: bomLengthFor(buf, encoding), reason: 'forced' } : found;
    if (encoding && found.encoding !== encoding && (this.firstHigh >= 0 || found.reason !== 'utf8-valid'))
      info.detected = found.encoding;
    info.encoding = det.encoding;
    info.encodingReason = det.reason;
    this.decoder = new TextDecoder(det.encoding, { fatal: false, ignoreBOM: true });
    return this.count(this.decoder.decode(buf.subarray(det.bomLength), { stream: !atEnd }));
  }

  /** Count the replacement characters of `t` into `info`; returns `t`. */
  private count(t: string): string {
    for (let i = t.indexOf('\uFFFD'); i >= 0; i = t.indexOf('\uFFFD', i + 1)) this.info.replacementChars++;
    return t;
  }
}

/** Index of the first byte ≥ 0x80, or -1. */
function firstNonAscii(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return i;
  return -1;
}

function bomLengthFor(b: Buffer, enc: InputEncoding): number {
  if (enc === 'utf-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 3;
  if (enc === 'utf-16le' && b[0] === 0xff && b[1] === 0xfe) return 2;
  if (enc === 'utf-16be' && b[0] === 0xfe && b[1] === 0xff) return 2;
  return 0;
}
