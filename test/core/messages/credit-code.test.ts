import { describe, expect, it } from 'vitest';
import { codeCheckReason, creditCodeProblem, creditCodeProblems } from '../../../src/core/messages/credit-code.js';
import { checkCreditCode } from '../../../src/domain/credit-code/index.js';

// 91110108551385082Q is a valid published unified social credit code (the example of
// check-credit-code.ts); the codes below change one or two of its characters, so each
// problem form of checkCreditCode appears at least once.
const BAD = [
  '91110108551385082A',
  '91110108551385082',
  '9111010855138508AQ',
  '91110108551385O82Q',
  '91110108551385083q',
];

describe('credit-code check messages follow the language (issue 22 §12)', () => {
  it('says every problem form of checkCreditCode in Chinese, with no English word left', () => {
    const problems = BAD.flatMap((c) => [...checkCreditCode(c).problems, ...checkCreditCode(c).warnings]);
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const p of problems) {
      const zh = creditCodeProblem(p, 'zh');
      expect(zh, p).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.replace(/"[^"]*"/g, ''), p).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('gives the check character found and expected, and keeps English as the check wrote it', () => {
    const p = checkCreditCode('91110108551385082A').problems;
    expect(creditCodeProblems(p, 'zh')).toBe('校验位（第18位）为"A"，应为"Q"');
    expect(creditCodeProblems(p, 'en')).toBe('check character is "A", expected "Q"');
    expect(creditCodeProblems(checkCreditCode('91110108551385082').problems, 'zh')).toBe('长度为17位，应为18位');
  });

  it('translates the credit-code warnings of ingest, and leaves other reasons as written', () => {
    expect(
      codeCheckReason('W_CODE_CHECKSUM', 'fails the GB 32100 check: check character is "A", expected "Q"', 'zh'),
    ).toBe('未通过GB 32100校验：校验位（第18位）为"A"，应为"Q"');
    expect(
      codeCheckReason(
        'W_CODE_TYPE',
        'says type foundation (2nd character) but the type column says social_group',
        'zh',
      ),
    ).toBe('代码第2位表示类型为基金会，而类型列为社会团体');
    expect(
      codeCheckReason(
        'W_CODE_REGION',
        'was issued in region 152500 (characters 3–8) but the region column says 150100',
        'zh',
      ),
    ).toBe('代码第3—8位表示登记地区为152500，而地区列为150100');
    expect(codeCheckReason('W_CODE_LOWERCASE', 'has lower-case letters; read as upper case', 'zh')).toBe(
      '含小写字母，已按大写读取',
    );
    expect(codeCheckReason('W_OTHER', 'something else', 'zh')).toBe('something else');
    expect(codeCheckReason('W_CODE_CHECKSUM', 'fails the GB 32100 check: length 17, expected 18', 'en')).toBe(
      'fails the GB 32100 check: length 17, expected 18',
    );
  });
});
