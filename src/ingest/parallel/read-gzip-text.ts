import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** Bytes zlib hands out at a time. */
const CHUNK = 256 * 1024;

/** A gzip file decompressed into memory, with the provenance readSource records for it. */
export interface GzipText {
  /** The decompressed bytes, in a SharedArrayBuffer (worker threads read them without a copy). */
  text: Uint8Array;
  /** SHA-256 (hex) of the compressed bytes, as stored. */
  sha256: string;
  /** Size of the compressed file in bytes. */
  bytes: number;
}

/**
 * Decompress a gzip file into shared memory for the parallel ingest, or return null when
 * it should be read sequentially: the gzip trailer's size (ISIZE, the last member's size
 * modulo 2^32: a hint only) or the decompressed size is below `minText` or above
 * `maxText` (zlib stops at `maxText`, so memory stays bounded), or the file cannot be read
 * or decompressed (the sequential reader then reports the error as it always does). The
 * SHA-256 of the compressed bytes is computed while zlib decompresses them on the thread
 * pool; zlib's output is copied once, into a SharedArrayBuffer of the trailer's size
 * (grown, with one more copy, when the file has several members).
 *
 * @param path the gzip file
 * @param limits smallest and largest decompressed size read this way, in bytes
 * @returns the decompressed bytes with the file's SHA-256 and size, or null
 * @throws never (any failure returns null)
 * @example
 * const gz = await readGzipText('panel.csv.gz', { minText: 16 << 20, maxText: 512 << 20 });
 * if (gz) splitRanges(gz.text, gz.text.length, wanted, headerEnd);
 */
export async function readGzipText(
  path: string,
  limits: { minText: number; maxText: number },
): Promise<GzipText | null> {
  try {
    const isize = await trailerSize(path);
    if (isize === null || isize < limits.minText || isize > limits.maxText) return null;
    const packed = await readFile(path);
    const gunzip = createGunzip({ chunkSize: CHUNK });
    gunzip.end(packed);
    const sha256 = createHash('sha256').update(packed).digest('hex');
    const text = await collectShared(gunzip, isize, limits.maxText);
    if (text === null || text.length < limits.minText) return null;
    return { text, sha256, bytes: packed.length };
  } catch {
    return null;
  }
}

/** A stream's bytes in a SharedArrayBuffer of `expected` bytes, grown as needed; null past `max` bytes. */
async function collectShared(stream: AsyncIterable<Buffer>, expected: number, max: number): Promise<Uint8Array | null> {
  let text = new Uint8Array(new SharedArrayBuffer(Math.max(expected, 1)));
  let length = 0;
  for await (const chunk of stream) {
    const end = length + chunk.length;
    if (end > max) return null;
    if (end > text.length) {
      const grown = new Uint8Array(new SharedArrayBuffer(Math.min(max, Math.max(2 * text.length, end))));
      grown.set(text.subarray(0, length));
      text = grown;
    }
    text.set(chunk, length);
    length = end;
  }
  return text.subarray(0, length);
}

/** The gzip trailer's ISIZE (last 4 bytes, little-endian), or null for a file too short to be gzip. */
async function trailerSize(path: string): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size < 18) return null;
    const b = Buffer.alloc(4);
    await fh.read(b, 0, 4, size - 4);
    return b.readUInt32LE(0);
  } finally {
    await fh.close();
  }
}
