import { describe, expect, it } from 'vitest';
import {
  alnum18,
  K_DATE,
  K_COUNT,
  NOT_PLAIN,
  plainDate,
  plainDecimal,
  plainId,
  plainNumber,
  plainText,
  validUpperCreditCode,
} from '../../src/ingest/plain-cells.js';
import { checkCreditCode } from '../../src/domain/credit-code/check-credit-code.js';

// The JSDoc examples of src/ingest/plain-cells.ts, with the reasoning behind each value.
describe('plain cell readers', () => {
  it('plainId: digits and capitals, 5 or more, read in place', () => {
    // 'x,' then the 18-character code at 2..19, then ',y'
    expect(plainId('x,51150200MJ10472999,y', 2, 20)).toBe(true);
    expect(plainId('abcd1', 0, 5)).toBe(false); // lower case is not left as is by the id conversion
    expect(plainId('1234', 0, 4)).toBe(false); // too short: could be a placeholder
  });

  it('plainText: CJK ideographs U+4E00–U+9FFF and printable ASCII, no outer spaces', () => {
    // 包 U+5305 头 U+5934 市 U+5E02 体 U+4F53 育 U+80B2 协 U+534F 会 U+4F1A
    expect(plainText('包头市体育协会', 0, 7)).toBe(true);
    expect(plainText(' 包头市体育协会', 0, 8)).toBe(false);
    expect(plainText('包头市体育协会（筹）', 0, 10)).toBe(false); // full-width brackets need NFKC
  });

  it('alnum18 and validUpperCreditCode agree with checkCreditCode', () => {
    // 91350100M000100Y43 is the worked example of GB 32100-2015 (both check characters right)
    expect(alnum18('91350100M000100Y43')).toBe(true);
    expect(validUpperCreditCode('91350100M000100Y43')).toBe(true);
    expect(checkCreditCode('91350100M000100Y43').valid).toBe(true);
    // last character changed: the check character no longer matches
    expect(validUpperCreditCode('91350100M000100Y44')).toBe(false);
    expect(checkCreditCode('91350100M000100Y44').valid).toBe(false);
  });

  it('plainNumber, plainDecimal and plainDate read what Number and the date parser read', () => {
    expect(plainNumber(K_DATE, '2024-06-01', 0, 10)).toBe(20240601);
    expect(plainDecimal('12.50', 0, 5)).toBe(Number('12.50'));
    // 2023 is not a leap year: 29 February does not exist, so the full parser must judge it
    expect(plainDate('2023-02-29', 0, 10)).toBe(NOT_PLAIN);
    expect(plainDate('2024-02-29', 0, 10)).toBe(20240229);
    expect(plainNumber(K_COUNT, '-3', 0, 2)).toBe(NOT_PLAIN); // a negative count is a problem for the full path
    expect(plainNumber(K_COUNT, '', 0, 0)).toBeNaN();
  });
});
