import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/ingest/decode/detect-encoding.js';
import { encodeGbk, GBK_SHEHUI_TUANTI } from '../../helpers/gbk.js';

describe('GBK reference bytes', () => {
  // bytes from glibc's GBK charmap (see test/helpers/gbk.ts)
  it('decode to 社会团体 with the WHATWG gb18030 decoder', () => {
    expect(new TextDecoder('gb18030').decode(GBK_SHEHUI_TUANTI)).toBe('社会团体');
  });

  it('are what the test GBK encoder makes', () => {
    expect([...encodeGbk('社会团体')]).toEqual([...GBK_SHEHUI_TUANTI]);
  });
});

describe('detectEncoding', () => {
  it('lets a byte-order mark decide, and says how long it is', () => {
    // BOMs: UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF (Unicode standard, ch. 23.8)
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
      reason: 'bom',
    });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
      reason: 'bom',
    });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0x00, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
      reason: 'bom',
    });
  });

  it('a UTF-8 BOM wins even when GBK-looking bytes follow', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...GBK_SHEHUI_TUANTI])).encoding).toBe('utf-8');
  });

  it('reads valid UTF-8 (ASCII or Chinese) as UTF-8', () => {
    expect(detectEncoding(Buffer.from('org_id,name\n1,x\n'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
      reason: 'utf8-valid',
    });
    expect(detectEncoding(Buffer.from('统一社会信用代码,社会组织名称\n'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
      reason: 'utf8-valid',
    });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const head = Buffer.concat([Buffer.from('type\n'), Buffer.from(GBK_SHEHUI_TUANTI), Buffer.from('\n')]);
    expect(detectEncoding(head)).toEqual({ encoding: 'gb18030', bomLength: 0, reason: 'fallback-gb18030' });
  });

  it('excuses a UTF-8 character cut by the end of a partial head, not at the end of the file', () => {
    // 社 is E7 A4 BE in UTF-8; drop its last byte
    const cut = Buffer.concat([Buffer.from('name,'), Buffer.from('社').subarray(0, 2)]);
    expect(cut.subarray(-2)).toEqual(Buffer.from([0xe7, 0xa4]));
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
    expect(detectEncoding(cut, true).encoding).toBe('gb18030');
  });

  it('does not excuse a cut sequence whose bytes are not continuation bytes', () => {
    // E7 starts a 3-byte sequence but 0x41 ('A') cannot continue it
    expect(detectEncoding(Uint8Array.from([0x61, 0xe7, 0x41]), false).encoding).toBe('gb18030');
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const le = Buffer.from('org_id,name,type\r\n5115,社会团体,social_group\r\n', 'utf16le');
    expect(detectEncoding(le)).toEqual({ encoding: 'utf-16le', bomLength: 0, reason: 'utf16-nul-pattern' });
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(be)).toEqual({ encoding: 'utf-16be', bomLength: 0, reason: 'utf16-nul-pattern' });
  });

  it('does not guess UTF-16 from fewer than 4 bytes', () => {
    expect(detectEncoding(Uint8Array.from([0x61, 0x00])).encoding).toBe('utf-8');
  });

  it('reads an empty head as UTF-8', () => {
    expect(detectEncoding(new Uint8Array(0), true)).toEqual({ encoding: 'utf-8', bomLength: 0, reason: 'utf8-valid' });
  });
});
