import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { InputEncoding } from '../decode/detect-encoding.js';
import type { GzipText } from './read-gzip-text.js';

/** Bytes read from the file at a time. */
const CHUNK = 1 << 20;

/** Length of the byte order mark readSource skips for an encoding (UTF-16's; GB18030's is kept as U+FEFF, as there). */
function bomLength(b: Uint8Array, encoding: InputEncoding): number {
  if (encoding === 'utf-16le' && b[0] === 0xff && b[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && b[0] === 0xfe && b[1] === 0xff) return 2;
  return 0;
}

/**
 * Transcode a GB18030 or UTF-16 file to UTF-8 once, chunk by chunk, into shared memory,
 * for the parallel ingest to read by byte ranges as it reads a UTF-8 file: the text is what
 * readSource decodes (same decoder, same byte order mark rule, U+FFFD for undecodable
 * bytes, which the range readers count as readSource counts them), encoded as UTF-8. The
 * SHA-256 and size are those of the file as stored. Null when the UTF-8 text would pass
 * `maxText` bytes or the file cannot be read (the sequential reader then takes it).
 *
 * @param path the file
 * @param encoding its encoding, as detected by readSource
 * @param limits largest UTF-8 text read this way, in bytes
 * @returns the UTF-8 bytes (in a SharedArrayBuffer) with the file's SHA-256 and size, or null
 * @throws never (any failure returns null)
 * @example
 * const t = await readTranscodedText('gbk.csv', 'gb18030', { maxText: 512 << 20 });
 * if (t) splitRanges(t.text, t.text.length, wanted, headerEnd);
 */
export async function readTranscodedText(
  path: string,
  encoding: InputEncoding,
  limits: { maxText: number; sizeHint: number },
): Promise<GzipText | null> {
  try {
    const hash = createHash('sha256');
    const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    const encoder = new TextEncoder();
    let text = new Uint8Array(new SharedArrayBuffer(Math.min(limits.maxText, Math.ceil(limits.sizeHint * 1.5) + 16)));
    let length = 0;
    let bytes = 0;
    const put = (s: string): boolean => {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit
      const need = length + 3 * s.length;
      if (need > text.length) {
        if (length + encoder.encode(s).length > limits.maxText) return false;
        const grown = new Uint8Array(new SharedArrayBuffer(Math.min(limits.maxText, Math.max(2 * text.length, need))));
        grown.set(text.subarray(0, length));
        text = grown;
      }
      length += encoder.encodeInto(s, text.subarray(length)).written;
      return true;
    };
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const skip = bytes === 0 ? bomLength(chunk, encoding) : 0;
      bytes += chunk.length;
      if (!put(decoder.decode(chunk.subarray(skip), { stream: true }))) return null;
    }
    if (!put(decoder.decode())) return null;
    return { text: text.subarray(0, length), sha256: hash.digest('hex'), bytes };
  } catch {
    return null;
  }
}
