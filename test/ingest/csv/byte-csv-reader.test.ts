import { describe, expect, it } from 'vitest';
import { ByteCsvReader } from '../../../src/ingest/csv/byte-csv-reader.js';
import { CsvRecordParser, type CsvItem } from '../../../src/ingest/csv/csv-record-parser.js';

const enc = new TextEncoder();

/** Records and problems of `bytes` as the text parser gives them for the whole decoded input. */
function byText(bytes: Uint8Array): CsvItem[] {
  const p = new CsvRecordParser({ maxFieldChars: 40 });
  return [...p.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)), ...p.end()];
}

/**
 * The same through ByteCsvReader in chunks of `chunk` bytes (a buffer kept as the range
 * reader keeps it), the byte path taking every line that starts with `take` as a record of
 * its decoded text split at commas, so that both outputs can be compared item by item.
 */
function byBytes(bytes: Uint8Array, chunk: number, take = 'k'): { items: CsvItem[]; byteLines: number[] } {
  const items: CsvItem[] = [];
  const byteLines: number[] = [];
  const parser = new CsvRecordParser({ maxFieldChars: 40 });
  const dec = new TextDecoder();
  const reader = new ByteCsvReader(parser, {
    sink: { item: (i) => items.push(i) },
    bytes: (buf, a, b, line) => {
      if (buf[a] !== take.charCodeAt(0)) return false;
      byteLines.push(line);
      items.push({ kind: 'record', fields: dec.decode(buf.subarray(a, b)).split(','), line });
      return true;
    },
    maxLineBytes: parser.maxLineChars,
  });
  const buf = new Uint8Array(chunk);
  let have = 0;
  for (let pos = 0; pos < bytes.length;) {
    const n = Math.min(buf.length - have, bytes.length - pos);
    buf.set(bytes.subarray(pos, pos + n), have);
    pos += n;
    have += n;
    const used = reader.lines(buf.subarray(0, have), have === buf.length);
    buf.copyWithin(0, used, have);
    have -= used;
  }
  reader.finish(buf.subarray(0, have), true);
  return { items, byteLines };
}

describe('ByteCsvReader', () => {
  const input = enc.encode(
    [
      'h1,h2,h3',
      'k1,基金会,3',
      'x1,"quoted, field",4',
      'k2,"a',
      'b",5', // a quoted line break: the byte path must not take "b",5 nor the k-line inside
      'k3,6,7\r',
      'k4,\u00e9,8',
      'x5,' + 'z'.repeat(60) + ',9', // a field over the 40-character limit
      'k6,ok,10',
      '',
      'k7,"unterminated,11',
      'k8,last,12',
    ].join('\n'),
  );

  it('gives the text parser’s records, lines and problems, whatever the chunk size', () => {
    const want = byText(input);
    // chunks longer than the longest line (a shorter one hands a long line over in pieces,
    // and a field-too-long excerpt then ends where the piece did, as with text chunks)
    for (const chunk of [70, 71, 97, 128, 1 << 16]) expect(byBytes(input, chunk).items).toEqual(want);
  });

  it('offers the byte path plain lines only (no quote, no CR, not inside a record)', () => {
    // k1 (line 2), k4 (7), k6 (9): k2 opens a quote, k3 ends in CR, k7 has a quote that
    // never closes, so the parser holds k8 until the end of the input and reads it itself
    expect(byBytes(input, 1 << 16).byteLines).toEqual([2, 7, 9]);
  });

  it('decodes characters cut at a chunk boundary and invalid bytes as the text parser does', () => {
    const bad = Uint8Array.from([...enc.encode('a,b\nx,'), 0xe5, 0x9f, ...enc.encode(',c\nx,基金,d\nk,'), 0xff, 0x0a]);
    const want = byText(bad);
    for (const chunk of [5, 7, 9, 64]) expect(byBytes(bad, chunk, 'x').items).toEqual(want);
  });
});
