import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { SoqaError } from '../core/soqa-error.js';
import { EXIT } from '../core/exit-codes.js';
import * as msg from '../core/messages.js';
import { detectEncoding, type InputEncoding } from './decode/detect-encoding.js';

/** What was learnt about an input while reading it. */
export interface SourceInfo {
  /** Path as given (`-` for standard input). */
  path: string;
  /** File name without directories (`stdin` for `-`). */
  name: string;
  /** SHA-256 of the bytes as stored (of the .gz file for gzipped input). */
  sha256: string;
  bytes: number;
  gzip: boolean;
  encoding: InputEncoding;
  encodingReason: string;
  /** Characters that could not be decoded and became U+FFFD. */
  replacementChars: number;
}

const HEAD = 64 * 1024;

/**
 * Stream an input file (or `-` for stdin) as decoded text chunks. Gzip is unpacked when the
 * bytes start with its magic number; the text encoding is detected from the first 64 KiB
 * (BOM, UTF-8 validity, UTF-16 pattern, else GB18030) unless `encoding` forces one. A
 * streaming TextDecoder keeps multi-byte characters that straddle chunks intact.
 *
 * @param path file path, or `-` for standard input
 * @param info object filled in as reading proceeds (complete after the last chunk)
 * @param encoding force an encoding instead of detecting it
 * @returns an async iterable of text chunks
 * @throws SoqaError E_INPUT_READ when the file cannot be opened (exit 2)
 * @example
 * for await (const text of readSource('orgs.csv', info)) parser.push(text);
 */
export async function* readSource(path: string, info: SourceInfo, encoding?: InputEncoding): AsyncGenerator<string> {
  info.path = path;
  info.name = path === '-' ? 'stdin' : basename(path);
  const hash = createHash('sha256');
  let raw: Readable;
  try {
    raw = path === '-' ? process.stdin : createReadStream(path);
    if (path !== '-') await new Promise<void>((res, rej) => (raw as ReturnType<typeof createReadStream>).once('open', () => res()).once('error', rej));
  } catch (e) {
    throw new SoqaError('E_INPUT_READ', msg.inputRead(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message), EXIT.UNUSABLE_INPUT, { file: path });
  }
  const hashed = async function* (): AsyncGenerator<Buffer> {
    for await (const b of raw as AsyncIterable<Buffer>) {
      hash.update(b);
      info.bytes += b.length;
      yield b;
    }
  };
  const bytes = await sniffGzip(hashed());
  info.gzip = bytes.gzip;
  let head: Buffer[] = [];
  let headLen = 0;
  let decoder: TextDecoder | null = null;
  const start = (atEnd: boolean): string => {
    const buf = Buffer.concat(head);
    head = [];
    const det = encoding ? { encoding, bomLength: bomLengthFor(buf, encoding), reason: 'forced' } : detectEncoding(buf, atEnd);
    info.encoding = det.encoding;
    info.encodingReason = det.reason;
    decoder = new TextDecoder(det.encoding, { fatal: false, ignoreBOM: true });
    return count(decoder.decode(buf.subarray(det.bomLength), { stream: !atEnd }));
  };
  const count = (t: string): string => {
    for (let i = t.indexOf('\uFFFD'); i >= 0; i = t.indexOf('\uFFFD', i + 1)) info.replacementChars++;
    return t;
  };
  try {
    for await (const chunk of bytes.stream) {
      const b = chunk as Buffer;
      if (!decoder) {
        head.push(b);
        headLen += b.length;
        if (headLen >= HEAD) yield start(false);
        continue;
      }
      yield count((decoder as TextDecoder).decode(b, { stream: true }));
    }
  } catch (e) {
    throw new SoqaError('E_INPUT_READ', msg.inputRead(path, (e as Error).message), EXIT.UNUSABLE_INPUT, { file: path });
  }
  if (!decoder) yield start(true);
  else {
    const tail = (decoder as TextDecoder).decode();
    if (tail) yield count(tail);
  }
  info.sha256 = hash.digest('hex');
}

/** An empty SourceInfo to be filled by {@link readSource}. */
export function emptySourceInfo(): SourceInfo {
  return { path: '', name: '', sha256: '', bytes: 0, gzip: false, encoding: 'utf-8', encodingReason: '', replacementChars: 0 };
}

function bomLengthFor(b: Buffer, enc: InputEncoding): number {
  if (enc === 'utf-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 3;
  if (enc === 'utf-16le' && b[0] === 0xff && b[1] === 0xfe) return 2;
  if (enc === 'utf-16be' && b[0] === 0xfe && b[1] === 0xff) return 2;
  return 0;
}

/** Peek at the first bytes; if they are gzip's magic number, pipe through gunzip. */
async function sniffGzip(raw: AsyncGenerator<Buffer>): Promise<{ gzip: boolean; stream: AsyncIterable<Buffer> }> {
  const it = raw;
  const first = await it.next();
  if (first.done) return { gzip: false, stream: (async function* () {})() };
  const firstChunk = first.value;
  const rest = async function* () {
    yield firstChunk;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  if (firstChunk[0] === 0x1f && firstChunk[1] === 0x8b) {
    const gunzip = createGunzip();
    (async () => {
      try {
        for await (const c of rest()) if (!gunzip.write(c)) await new Promise((r) => gunzip.once('drain', r));
        gunzip.end();
      } catch (e) {
        gunzip.destroy(e as Error);
      }
    })();
    return { gzip: true, stream: gunzip };
  }
  return { gzip: false, stream: rest() };
}
