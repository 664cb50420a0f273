import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../../../src/ingest/csv/byte-interner.js';

const enc = new TextEncoder();

describe('ByteInterner', () => {
  it('decodes a cell once and gives the same text for its repeats', () => {
    const t = new ByteInterner();
    const b = enc.encode('a,基金会,b,基金会');
    // 基金会 is 9 bytes of UTF-8 (3 each), at 2..11 and 14..23
    expect(t.text(b, 2, 11)).toBe('基金会');
    expect(t.text(b, 14, 23)).toBe('基金会');
    expect(t.text(b, 0, 1)).toBe('a');
    expect(t.text(b, 1, 1)).toBe('');
  });

  it('gives null for bytes that are not valid UTF-8, and for an encoded U+FFFD', () => {
    const t = new ByteInterner();
    expect(t.text(Uint8Array.from([0x41, 0xe5, 0x9f, 0x41]), 0, 4)).toBeNull(); // a cut 3-byte sequence
    expect(t.text(Uint8Array.from([0xff]), 0, 1)).toBeNull();
    expect(t.text(enc.encode('x\uFFFDy'), 0, 5)).toBeNull();
  });

  it('stays right after the table fills and starts afresh (70,000 distinct ids, then the first again)', () => {
    const t = new ByteInterner();
    for (let i = 0; i < 70_000; i++) {
      const s = `ID${i}名称`;
      const b = enc.encode(`,${s},`);
      expect(t.text(b, 1, b.length - 1)).toBe(s);
    }
    const b = enc.encode('ID0名称');
    expect(t.text(b, 0, b.length)).toBe('ID0名称');
  });

  it('decodes cells longer than the table keeps', () => {
    const s = '协'.repeat(200); // 600 bytes
    const b = enc.encode(s);
    expect(new ByteInterner().text(b, 0, b.length)).toBe(s);
  });
});
