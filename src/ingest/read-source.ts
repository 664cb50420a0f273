import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash, type Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import type { InputEncoding } from './decode/detect-encoding.js';
import { HeadDecoder } from './decode/head-decoder.js';

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
  /**
   * Set when an encoding was forced (`--encoding`) and detection would have chosen another
   * one from bytes that are not plain ASCII (e.g. valid UTF-8 read as GB18030): the text
   * may be garbled.
   */
  detected?: InputEncoding;
  /** The sheet read, for an Excel workbook: its rows' lines are the sheet's row numbers (`名录!row 12`). */
  sheet?: string;
  /** Cells of merged ranges filled with the range's value (an Excel workbook). */
  mergedCellsFilled?: number;
}

/**
 * Stream an input file (or `-` for stdin) as decoded text chunks. Gzip is unpacked when the
 * bytes start with its magic number; the text encoding is detected (BOM, UTF-16 pattern,
 * UTF-8 validity, else GB18030) unless `encoding` forces one. Detection reads at least the
 * first 64 KiB and, while those bytes are all ASCII (which is valid UTF-8 and valid GBK
 * alike), keeps reading until the first non-ASCII bytes (plus 1 KiB after them), 4 MiB or
 * the end of the input: a GBK export whose first rows are ASCII is still read as GBK. A
 * streaming TextDecoder keeps multi-byte characters that straddle chunks intact.
 *
 * @param path file path, or `-` for standard input
 * @param info object filled in as reading proceeds (complete after the last chunk)
 * @param encoding force an encoding instead of detecting it
 * @param maxInputBytes stop with an error once the input, decompressed, passes this many bytes (default: no limit)
 * @returns an async iterable of text chunks
 * @throws SoqaError E_INPUT_READ when the file cannot be opened or read, E_INPUT_IS_DIR when it is a folder,
 *   E_INPUT_TOO_LARGE past `maxInputBytes` (exit 2)
 * @example
 * for await (const text of readSource('orgs.csv', info)) parser.push(text);
 */
export async function* readSource(
  path: string,
  info: SourceInfo,
  encoding?: InputEncoding,
  maxInputBytes?: number,
): AsyncGenerator<string> {
  info.path = path;
  info.name = path === '-' ? 'stdin' : basename(path);
  const hash = createHash('sha256');
  const raw = await openRaw(path);
  let bytes: Awaited<ReturnType<typeof sniffGzip>>;
  try {
    bytes = await sniffGzip(hashed(raw, hash, info));
  } catch (e) {
    throw new SoqaError('E_INPUT_READ', msg.inputRead(path, (e as Error).message), { file: path });
  }
  info.gzip = bytes.gzip;
  const decoder = new HeadDecoder(info, encoding);
  /** Bytes read so far, decompressed. */
  let unpacked = 0;
  try {
    for await (const chunk of bytes.stream) {
      const b = chunk as Buffer;
      unpacked += b.length;
      if (maxInputBytes !== undefined && unpacked > maxInputBytes)
        throw new SoqaError('E_INPUT_TOO_LARGE', msg.inputTooLarge(info.name, maxInputBytes, bytes.gzip), {
          file: path,
        });
      const text = decoder.push(b);
      if (text !== null) yield text;
    }
  } catch (e) {
    if (e instanceof SoqaError) throw e;
    throw new SoqaError('E_INPUT_READ', msg.inputRead(path, (e as Error).message), { file: path });
  }
  // an input that ended before its encoding was decided gives its text even when empty
  const held = decoder.deciding;
  const tail = decoder.end();
  if (held || tail) yield tail;
  info.sha256 = hash.digest('hex');
}

/** Open the file (or standard input for `-`), waiting until it is open. */
async function openRaw(path: string): Promise<Readable> {
  try {
    if (path !== '-' && (await stat(path)).isDirectory())
      throw new SoqaError('E_INPUT_IS_DIR', msg.inputIsDirectory(path), { file: path });
    if (path === '-') return process.stdin;
    const raw = createReadStream(path);
    await new Promise<void>((res, rej) => raw.once('open', () => res()).once('error', rej));
    return raw;
  } catch (e) {
    if (e instanceof SoqaError) throw e;
    throw new SoqaError(
      'E_INPUT_READ',
      msg.inputRead(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message),
      { file: path },
    );
  }
}

/** The input's chunks as stored, each added to the hash and to `info.bytes`. */
async function* hashed(raw: Readable, hash: Hash, info: SourceInfo): AsyncGenerator<Buffer> {
  for await (const b of raw as AsyncIterable<Buffer>) {
    hash.update(b);
    info.bytes += b.length;
    yield b;
  }
}

/** An empty SourceInfo to be filled by {@link readSource}. */
export function emptySourceInfo(): SourceInfo {
  return {
    path: '',
    name: '',
    sha256: '',
    bytes: 0,
    gzip: false,
    encoding: 'utf-8',
    encodingReason: '',
    replacementChars: 0,
  };
}

/** Peek at the first bytes; if they are gzip's magic number, pipe through gunzip. */
async function sniffGzip(raw: AsyncGenerator<Buffer>): Promise<{ gzip: boolean; stream: AsyncIterable<Buffer> }> {
  const it = raw;
  const first = await it.next();
  if (first.done) return { gzip: false, stream: (async function* () {})() };
  const firstChunk = first.value;
  const rest = async function* () {
    try {
      yield firstChunk;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      // a reader that stops early (return()) closes the file
      await it.return(undefined);
    }
  };
  if (firstChunk[0] === 0x1f && firstChunk[1] === 0x8b) {
    const gunzip = createGunzip();
    void (async () => {
      try {
        // a reader that stops early destroys gunzip: stop too, which closes the file
        for await (const c of rest()) {
          if (gunzip.destroyed) break;
          if (!gunzip.write(c)) await drainedOrClosed(gunzip);
        }
        if (!gunzip.destroyed) gunzip.end();
      } catch (e) {
        gunzip.destroy(e as Error);
      }
    })();
    return { gzip: true, stream: gunzip };
  }
  return { gzip: false, stream: rest() };
}

/** Resolves when a stream written to can take more (`drain`) or is gone (`close`). */
function drainedOrClosed(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
