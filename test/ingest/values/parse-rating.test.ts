import { describe, expect, it } from 'vitest';
import { parseRating } from '../../../src/ingest/values/parse-rating.js';

describe('parseRating', () => {
  // evaluation grades 1A–5A (DOMAIN.md glossary: 评估等级 1A–5A)
  it.each([
    ['1A', 1],
    ['3A', 3],
    ['5A', 5],
    ['3a', 3],
    ['3', 3],
    ['A', 1],
    ['AAA', 3],
    ['AAAAA', 5],
    ['3A级', 3],
    ['AAAA级', 4],
    ['４Ａ', 4], // full-width (NFKC)
  ])('reads %j as grade %d', (raw, value) => {
    expect(parseRating(raw)).toEqual({ ok: true, value });
  });

  it.each(['0', '无', '未评估', '未评级', '无等级', 'none', 'None', 'unrated'])('reads %j as 0 (not rated)', (raw) => {
    expect(parseRating(raw)).toEqual({ ok: true, value: 0 });
  });

  it.each(['', '-', '暂无'])('reads %j as missing', (raw) => {
    expect(parseRating(raw)).toEqual({ ok: true, value: null });
  });

  it.each(['6A', '6', 'AAAAAA', 'B', '3B', '三A', '3 A'])('refuses %j', (raw) => {
    expect(parseRating(raw)).toEqual({ ok: false, reason: 'not a grade (expected 1A–5A, AAA, 0 or 未评估)' });
  });
});
