import { describe, expect, it } from 'vitest';
import {
  checksumReason,
  codeCheckReason,
  creditCodeProblem,
  creditCodeProblems,
} from '../../../src/core/messages/credit-code.js';
import { checkCreditCode } from '../../../src/domain/credit-code/index.js';

// 91110108551385082Q is a valid published unified social credit code (the example of
// check-credit-code.ts); the codes below change one or two of its characters, so each
// problem form of checkCreditCode appears at least once. 91440300715267263G is DOMAIN.md's
// real code 9144030071526726XG with the organization-code check X (of 71526726) replaced by 3.
const BAD = [
  '91110108551385082A',
  '91110108551385082',
  '9111010855138508AQ',
  '91110108551385O82Q',
  '91110108551385083q',
  '91440300715267263G',
];

describe('credit-code check messages follow the language (issue 22 §12, issue 19 §6)', () => {
  it('says every problem form of checkCreditCode in Chinese, with no English word left', () => {
    const problems = BAD.flatMap((c) => [...checkCreditCode(c).problems, ...checkCreditCode(c).warnings]);
    expect(new Set(problems.map((p) => p.kind))).toEqual(
      new Set(['check-char', 'length', 'org-check', 'character', 'lowercase']),
    );
    for (const p of problems) {
      const zh = creditCodeProblem(p, 'zh');
      expect(zh, p.kind).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.replace(/"[^"]*"/g, ''), p.kind).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('says the real problems of checkCreditCode in both languages, with the characters found and expected', () => {
    // the valid code ends in Q (check-credit-code.ts); A replaces it
    const p = checkCreditCode('91110108551385082A').problems;
    expect(creditCodeProblems(p, 'zh')).toBe('校验位（第18位）为"A"，应为"Q"');
    expect(creditCodeProblems(p, 'en')).toBe('check character is "A", expected "Q"');
    // 17 characters: one short
    const short = checkCreditCode('91110108551385082').problems;
    expect(creditCodeProblems(short, 'zh')).toBe('长度为17位，应为18位');
    expect(creditCodeProblems(short, 'en')).toBe('length 17, expected 18');
    // O (not in the alphabet, DOMAIN.md) at position 15: 9111010855138 5 O …
    const o = checkCreditCode('91110108551385O82Q').problems;
    expect(creditCodeProblem(o[0], 'en')).toBe('character "O" at position 15 is not allowed');
    expect(creditCodeProblem(o[0], 'zh')).toBe('第15位的字符"O"不允许使用');
    // DOMAIN.md: the organization code 71526726 has the check character X; 3 stands there
    const org = checkCreditCode('91440300715267263G').problems.find((x) => x.kind === 'org-check')!;
    expect(creditCodeProblem(org, 'en')).toBe('organization-code check (9th char of 9–17) is "3", expected "X"');
    expect(creditCodeProblem(org, 'zh')).toBe('组织机构代码校验位（第17位）为"3"，应为"X"');
    const lower = checkCreditCode('91110108551385082q').warnings;
    expect(lower.map((w) => creditCodeProblem(w, 'en'))).toEqual(['lower-case letters']);
    expect(lower.map((w) => creditCodeProblem(w, 'zh'))).toEqual(['含小写字母']);
  });

  it('joins several problems with the separator of the language', () => {
    const two = [
      { kind: 'org-check', found: '3', expected: 'X' },
      { kind: 'check-char', found: 'G', expected: 'A' },
    ] as const;
    expect(creditCodeProblems(two, 'en')).toBe(
      'organization-code check (9th char of 9–17) is "3", expected "X"; check character is "G", expected "A"',
    );
    expect(creditCodeProblems(two, 'zh')).toBe(
      '组织机构代码校验位（第17位）为"3"，应为"X"；校验位（第18位）为"G"，应为"A"',
    );
  });

  it('writes the W_CODE_CHECKSUM reason of warnings.csv, and says it in Chinese from the same problems', () => {
    const p = checkCreditCode('91110108551385082A').problems;
    expect(checksumReason(p, 'en')).toBe('fails the GB 32100 check: check character is "A", expected "Q"');
    expect(checksumReason(p, 'zh')).toBe('未通过GB 32100校验：校验位（第18位）为"A"，应为"Q"');
  });

  it('translates the credit-code warnings of ingest, and leaves other reasons as written', () => {
    const reason = 'fails the GB 32100 check: check character is "A", expected "Q"';
    const problems = checkCreditCode('91110108551385082A').problems;
    expect(codeCheckReason({ code: 'W_CODE_CHECKSUM', reason, problems }, 'zh')).toBe(
      '未通过GB 32100校验：校验位（第18位）为"A"，应为"Q"',
    );
    expect(codeCheckReason({ code: 'W_CODE_CHECKSUM', reason, problems }, 'en')).toBe(reason);
    expect(
      codeCheckReason(
        { code: 'W_CODE_TYPE', reason: 'says type foundation (2nd character) but the type column says social_group' },
        'zh',
      ),
    ).toBe('代码第2位表示类型为基金会，而类型列为社会团体');
    expect(
      codeCheckReason(
        {
          code: 'W_CODE_REGION',
          reason: 'was issued in region 152500 (characters 3–8) but the region column says 150100',
        },
        'zh',
      ),
    ).toBe('代码第3—8位表示登记地区为152500，而地区列为150100');
    expect(
      codeCheckReason({ code: 'W_CODE_LOWERCASE', reason: 'has lower-case letters; read as upper case' }, 'zh'),
    ).toBe('含小写字母，已按大写读取');
    expect(codeCheckReason({ code: 'W_OTHER', reason: 'something else' }, 'zh')).toBe('something else');
  });
});
