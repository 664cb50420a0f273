import { open } from 'node:fs/promises';

/** Bytes read at a time while looking for a line feed. */
const BLOCK = 64 * 1024;

/**
 * Cut a file, or bytes held in memory (a decompressed gzip file), into byte ranges that
 * start just after a line feed (LF, 0x0A), so that no range starts inside a UTF-8
 * character or a CRLF pair. Each wanted offset is moved forward to just after the next LF
 * at or after it (a range may start at `minStart`, not before); offsets that meet the same
 * LF, or find none before the end, are dropped. Whether a range also starts a CSV record
 * is for the reader to check (a quoted field may hold line breaks).
 *
 * @param source the file's path, or the bytes themselves
 * @param size the size in bytes (of the file, or of the bytes)
 * @param wanted offsets to split near, in any order
 * @param at.minStart no range but the first starts before this offset (the end of the header line)
 * @param at.first where the first range starts (after a byte order mark, default 0)
 * @returns the range boundaries: `[first, s1, …, size]`, strictly increasing
 * @throws Error when the file cannot be read
 * @example
 * await splitRanges('a.csv', 100, [50], { minStart: 10 }); // => [0, 57, 100] when the LF after byte 50 is byte 56
 * await splitRanges(Buffer.from('h\na\nb\n'), 6, [2], { minStart: 2 }); // => [0, 4, 6]
 */
export async function splitRanges(
  source: string | Uint8Array,
  size: number,
  wanted: number[],
  { minStart, first = 0 }: { minStart: number; first?: number },
): Promise<number[]> {
  const finder = typeof source === 'string' ? await fileFinder(source, size) : bytesFinder(source, size);
  const bounds = [first];
  try {
    for (const w of [...wanted].sort((a, b) => a - b)) {
      const cut = await finder.after(Math.max(Math.floor(w), minStart - 1, bounds[bounds.length - 1]));
      if (cut > bounds[bounds.length - 1] && cut < size) bounds.push(cut);
    }
  } finally {
    await finder.close();
  }
  bounds.push(size);
  return bounds;
}

/** Finds the offset just after the first LF at or after `pos` (-1 when there is none). */
interface LineFeedFinder {
  after(pos: number): Promise<number>;
  close(): Promise<void>;
}

function bytesFinder(bytes: Uint8Array, size: number): LineFeedFinder {
  return {
    after: async (pos) => {
      const i = pos < size ? bytes.subarray(0, size).indexOf(0x0a, pos) : -1;
      return i < 0 ? -1 : i + 1;
    },
    close: async () => undefined,
  };
}

async function fileFinder(path: string, size: number): Promise<LineFeedFinder> {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(BLOCK);
  return {
    async after(pos) {
      while (pos < size) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(BLOCK, size - pos), pos);
        if (bytesRead === 0) break;
        const i = buf.subarray(0, bytesRead).indexOf(0x0a);
        if (i >= 0) return pos + i + 1;
        pos += bytesRead;
      }
      return -1;
    },
    close: () => fh.close(),
  };
}
