import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { emptySourceInfo, readSource, type SourceInfo } from '../../src/ingest/read-source.js';
import type { InputEncoding } from '../../src/ingest/decode/detect-encoding.js';
import { isSoqaError } from '../../src/core/soqa-error.js';
import { EXIT } from '../../src/core/exit-codes.js';
import { encodeGbk, GBK_SHEHUI_TUANTI } from '../helpers/gbk.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-read-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function readAll(
  path: string,
  encoding?: InputEncoding,
): Promise<{ text: string; chunks: number; info: SourceInfo }> {
  const info = emptySourceInfo();
  let text = '';
  let chunks = 0;
  for await (const t of readSource(path, info, encoding)) {
    text += t;
    chunks++;
  }
  return { text, chunks, info };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const countFffd = (s: string) => [...s].filter((c) => c === '\uFFFD').length;

// Files larger than the 64 KiB detection head and than fs read chunks (64 KiB), so that
// multi-byte characters fall across chunk boundaries: 9 bytes per unit in GBK and 13 in
// UTF-8 are prime to 65,536, so some unit straddles every boundary position class.
const UNIT = '社会团体,';
const REPEAT = 30_000; // 30,000 × 9 = 270,000 GBK bytes; × 13 = 390,000 UTF-8 bytes

describe('readSource', () => {
  it('reads a large UTF-8 file whose characters straddle chunk boundaries', async () => {
    const text = `x${UNIT.repeat(REPEAT)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const r = await readAll(file('big-utf8.csv', bytes));
    expect(r.text).toBe(text);
    expect(r.chunks).toBeGreaterThan(1);
    expect(r.info).toMatchObject({
      name: 'big-utf8.csv',
      bytes: bytes.length,
      gzip: false,
      encoding: 'utf-8',
      encodingReason: 'utf8-valid',
      replacementChars: 0,
    });
    expect(r.info.sha256).toBe(sha256(bytes));
  });

  it('reads a large GBK file as GB18030, characters cut by chunks included', async () => {
    const bytes = Buffer.concat([
      Buffer.from('x'),
      ...Array.from({ length: REPEAT }, () => Buffer.concat([Buffer.from(GBK_SHEHUI_TUANTI), Buffer.from(',')])),
    ]);
    const r = await readAll(file('big-gbk.csv', bytes));
    expect(r.text).toBe(`x${UNIT.repeat(REPEAT)}`);
    expect(r.info).toMatchObject({
      bytes: bytes.length,
      encoding: 'gb18030',
      encodingReason: 'fallback-gb18030',
      replacementChars: 0,
    });
  });

  it('reads a large UTF-16LE file with BOM, surrogate pairs cut by chunks included', async () => {
    // 𠀀 (U+20000) is a surrogate pair: 4 bytes in UTF-16; with 1 + 3 units of 2 bytes
    // before it, pairs start at every offset mod 4 across the file
    const text = 'a,𠀀社\n'.repeat(40_000);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await readAll(file('big-utf16le.csv', bytes));
    expect(r.text).toBe(text);
    expect(r.info).toMatchObject({ encoding: 'utf-16le', encodingReason: 'bom', replacementChars: 0 });
  });

  it('reads UTF-16BE with BOM', async () => {
    const text = 'org_id,name\r\n1,社会团体\r\n';
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const r = await readAll(file('be.csv', bytes));
    expect(r.text).toBe(text);
    expect(r.info.encoding).toBe('utf-16be');
  });

  it('strips a UTF-8 BOM from a small file', async () => {
    const r = await readAll(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b\n')])));
    expect(r.text).toBe('a;b\n');
    expect(r.info).toMatchObject({ encoding: 'utf-8', encodingReason: 'bom', bytes: 7 });
  });

  it('unpacks gzip, hashing and counting the stored (compressed) bytes', async () => {
    const text = `h\n${UNIT.repeat(REPEAT)}\n`;
    const gz = gzipSync(Buffer.from(text, 'utf8'));
    const r = await readAll(file('big.csv.gz', gz));
    expect(r.text).toBe(text);
    expect(r.info).toMatchObject({ gzip: true, bytes: gz.length, encoding: 'utf-8' });
    expect(r.info.sha256).toBe(sha256(gz));
  });

  it('unpacks gzipped GBK', async () => {
    const text = '统一社会信用代码,社会组织类型\r\n5,社会团体\r\n';
    const r = await readAll(file('gbk.csv.gz', gzipSync(encodeGbk(text))));
    expect(r.text).toBe(text);
    expect(r.info.encoding).toBe('gb18030');
  });

  it("uses a forced encoding and still skips that encoding's BOM", async () => {
    const gbk = file('forced-gbk.csv', encodeGbk('类型\n社会团体\n'));
    const forced = await readAll(gbk, 'gb18030');
    expect(forced.text).toBe('类型\n社会团体\n');
    expect(forced.info).toMatchObject({ encoding: 'gb18030', encodingReason: 'forced' });
    const bom = await readAll(
      file('forced-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\n')])),
      'utf-8',
    );
    expect(bom.text).toBe('a\n');
  });

  it('counts the characters that could not be decoded, the same as a one-shot decode', async () => {
    // GBK bytes read as UTF-8: the expected count is what the WHATWG UTF-8 decoder gives on
    // the whole buffer at once; streaming over chunks must give the same
    const bytes = Buffer.concat(
      Array.from({ length: 20_000 }, () => Buffer.concat([Buffer.from(GBK_SHEHUI_TUANTI), Buffer.from(',')])),
    );
    const expected = countFffd(new TextDecoder('utf-8').decode(bytes));
    expect(expected).toBeGreaterThan(0);
    const r = await readAll(file('gbk-as-utf8.csv', bytes), 'utf-8');
    expect(r.info.replacementChars).toBe(expected);
    expect(countFffd(r.text)).toBe(expected);
  });

  it('waits past a long ASCII start for the first non-ASCII bytes: GBK after 100 KiB of ASCII is GBK', async () => {
    // 100 KiB of ASCII rows (valid UTF-8 and valid GBK alike), then GBK text: deciding on the
    // first 64 KiB alone would read the file as UTF-8 and lose every Chinese character
    const ascii = 'org_id,name\n' + '12345678,Hohhot association\n'.repeat(4000);
    expect(ascii.length).toBeGreaterThan(100 * 1024);
    const tail = '9,社会团体\n'.repeat(50);
    const r = await readAll(file('gbk-late.csv', Buffer.concat([Buffer.from(ascii), encodeGbk(tail)])));
    expect(r.text).toBe(ascii + tail);
    expect(r.info).toMatchObject({ encoding: 'gb18030', encodingReason: 'fallback-gb18030', replacementChars: 0 });
    // the same with UTF-8 after the ASCII start stays UTF-8
    const u = await readAll(file('utf8-late.csv', Buffer.from(ascii + tail, 'utf8')));
    expect(u.text).toBe(ascii + tail);
    expect(u.info).toMatchObject({ encoding: 'utf-8', encodingReason: 'utf8-valid', replacementChars: 0 });
  });

  it('decides when the first non-ASCII byte ends a chunk only once bytes after it are seen', async () => {
    // the first GBK lead byte is the very last byte of the first 64 KiB read chunk: alone, it
    // would pass for the start of a UTF-8 sequence cut by the chunk
    const ascii = Buffer.alloc(64 * 1024 - 1, 0x61);
    const bytes = Buffer.concat([
      ascii,
      Buffer.from(GBK_SHEHUI_TUANTI),
      Buffer.from('\n'),
      encodeGbk('社会团体\n'.repeat(300)),
    ]);
    const r = await readAll(file('gbk-at-chunk-end.csv', bytes));
    expect(r.info).toMatchObject({ encoding: 'gb18030', replacementChars: 0 });
    expect(r.text.slice(64 * 1024 - 1, 64 * 1024 + 4)).toBe('社会团体\n');
  });

  it('stops waiting after 4 MiB of ASCII (then UTF-8; later GBK bytes are counted as undecodable)', async () => {
    const ascii = Buffer.alloc(4 * 1024 * 1024 + 10, 0x61);
    const r = await readAll(file('gbk-very-late.csv', Buffer.concat([ascii, Buffer.from(GBK_SHEHUI_TUANTI)])));
    expect(r.info).toMatchObject({ encoding: 'utf-8', encodingReason: 'utf8-valid' });
    expect(r.info.replacementChars).toBeGreaterThan(0);
  });

  it('does not wait for ASCII-only UTF-16 without BOM (its NUL pattern decides)', async () => {
    const text = 'org_id,name\r\n1,a\r\n'.repeat(5000);
    const r = await readAll(file('u16-ascii.csv', Buffer.from(text, 'utf16le')));
    expect(r.text).toBe(text);
    expect(r.info).toMatchObject({ encoding: 'utf-16le', encodingReason: 'utf16-nul-pattern' });
    expect(r.chunks).toBeGreaterThan(1);
  });

  it('notes when a forced encoding disagrees with the bytes (valid UTF-8 read as GBK)', async () => {
    const utf8 = file('forced-wrong.csv', Buffer.from('类型\n社会团体\n', 'utf8'));
    const wrong = await readAll(utf8, 'gb18030');
    expect(wrong.info).toMatchObject({ encoding: 'gb18030', encodingReason: 'forced', detected: 'utf-8' });
    const right = await readAll(utf8, 'utf-8');
    expect(right.info.detected).toBeUndefined();
    // plain ASCII reads the same in every ASCII-compatible encoding: nothing to note
    const ascii = await readAll(file('forced-ascii.csv', Buffer.from('a,b\n1,2\n')), 'gb18030');
    expect(ascii.info.detected).toBeUndefined();
  });

  it('reads an empty file as one empty text', async () => {
    const r = await readAll(file('empty.csv', new Uint8Array(0)));
    expect(r.text).toBe('');
    // SHA-256 of zero bytes (FIPS 180-4 test vector)
    expect(r.info).toMatchObject({
      bytes: 0,
      encoding: 'utf-8',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('fails with E_INPUT_READ (exit 2) for a missing file', async () => {
    const err = await readAll(join(dir, 'no-such-file.csv')).catch((e: unknown) => e);
    expect(isSoqaError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'E_INPUT_READ', exitCode: EXIT.UNUSABLE_INPUT });
    expect((err as Error).message).toContain('no-such-file.csv');
    expect((err as Error).message).toContain('ENOENT');
  });
});
