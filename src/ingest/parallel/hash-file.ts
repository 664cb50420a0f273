import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The SHA-256 (hex) and size of a file's bytes as stored, read as a stream: what
 * readSource records for provenance, computed on the main thread while range workers parse.
 *
 * @param path the file
 * @returns the digest and the number of bytes hashed
 * @throws Error when the file cannot be read
 * @example
 * await hashFile('empty.csv'); // => { sha256: 'e3b0c442…b855', bytes: 0 }
 */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const b of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(b as Buffer);
    bytes += (b as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
