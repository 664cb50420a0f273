import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Text of parts is written in batches of about this many characters. */
const BATCH = 1 << 20;

/**
 * Write a file atomically: write a temporary file beside it, then rename it over the
 * target, so an interrupted run leaves the previous file intact. Text given in parts (an
 * iterable of strings) is written as it comes, about 1 MiB at a time, so that a large
 * file's whole text is never held in memory.
 *
 * @param path target file
 * @param data text, bytes, or text in parts (written in order)
 * @throws the file system's error (the temporary file is removed)
 * @example
 * writeAtomic('reports/x/results.json', text);
 * writeAtomic('reports/x/results.json', serializeResultsParts(results));
 */
export function writeAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(tmp, data);
    else writeParts(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Write text parts to a new file, in batches. */
function writeParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const part of parts) {
      batch.push(part);
      size += part.length;
      if (size < BATCH) continue;
      writeAll(fd, Buffer.from(batch.join('')));
      batch = [];
      size = 0;
    }
    if (size > 0) writeAll(fd, Buffer.from(batch.join('')));
  } finally {
    closeSync(fd);
  }
}

/** Write every byte (writeSync may write fewer than asked). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}
