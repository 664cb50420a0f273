import { open } from 'node:fs/promises';

/** Bytes read at a time while looking for a line feed. */
const BLOCK = 64 * 1024;

/**
 * Cut a file into byte ranges that start just after a line feed (LF, 0x0A), so that no
 * range starts inside a UTF-8 character or a CRLF pair. Each wanted offset is moved forward
 * to just after the next LF at or after it (a range may start at `minStart`, not before); offsets that meet the
 * same LF, or find none before the end, are dropped. Whether a range also starts a CSV
 * record is for the reader to check (a quoted field may hold line breaks).
 *
 * @param path the file
 * @param size the file's size in bytes
 * @param wanted offsets to split near, in any order
 * @param minStart no range but the first starts before this offset (the end of the header line)
 * @param first where the first range starts (after a byte order mark, default 0)
 * @returns the range boundaries: `[first, s1, …, size]`, strictly increasing
 * @example
 * await splitRanges('a.csv', 100, [50], 10); // => [0, 57, 100] when the LF after byte 50 is byte 56
 */
export async function splitRanges(path: string, size: number, wanted: number[], minStart: number, first = 0): Promise<number[]> {
  const fh = await open(path, 'r');
  const bounds = [first];
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    for (const w of [...wanted].sort((a, b) => a - b)) {
      let pos = Math.max(Math.floor(w), minStart - 1, bounds[bounds.length - 1]);
      let cut = -1;
      while (cut < 0 && pos < size) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(BLOCK, size - pos), pos);
        if (bytesRead === 0) break;
        const i = buf.subarray(0, bytesRead).indexOf(0x0a);
        if (i >= 0) cut = pos + i + 1;
        else pos += bytesRead;
      }
      if (cut > bounds[bounds.length - 1] && cut < size) bounds.push(cut);
    }
  } finally {
    await fh.close();
  }
  bounds.push(size);
  return bounds;
}
