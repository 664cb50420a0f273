import { describe, expect, it } from 'vitest';
import { DELIMITERS, detectDelimiter } from '../../../src/ingest/csv/detect-delimiter.js';

describe('detectDelimiter', () => {
  it('recognises comma, tab, semicolon and pipe', () => {
    expect(DELIMITERS).toEqual([',', '\t', ';', '|']);
    expect(detectDelimiter('id,name,type')).toBe(',');
    expect(detectDelimiter('id\tname\ttype')).toBe('\t');
    expect(detectDelimiter('id;name;type')).toBe(';');
    expect(detectDelimiter('id|name|type')).toBe('|');
  });

  it('picks the most frequent one and ignores delimiters inside quotes', () => {
    // 2 semicolons outside quotes against 3 commas inside them
    expect(detectDelimiter('"a,b,c,d";x;y')).toBe(';');
    // Chinese header with a full-width comma (not a delimiter) and tabs
    expect(detectDelimiter('统一社会信用代码\t名称，简称\t类型')).toBe('\t');
  });

  it('breaks ties in the order comma, tab, semicolon, pipe and falls back to comma', () => {
    expect(detectDelimiter('a,b;c')).toBe(',');
    expect(detectDelimiter('a;b|c')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
