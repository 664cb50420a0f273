/**
 * Messages of the credit-code checks (GB 32100-2015) in either language. The checks
 * (domain/credit-code/check-credit-code.ts) return their problems as data; these functions
 * say them in English (as warnings.csv, rejects.csv and results.json keep them) or in
 * Chinese (the terminal and the report).
 */
import type { CreditCodeProblem, CreditCodeWarning } from '../credit-code-problem.js';
import { pick, type Lang } from '../lang.js';
import { orgTypeLabel } from './spatial.js';

/** A character as quoted in a message: `"A"`. */
const quoted = (c: string): string => JSON.stringify(c);

/**
 * One problem of a credit-code check in `lang`.
 *
 * @param problem a problem or warning of `checkCreditCode`
 * @param lang language
 * @returns the problem in `lang`
 * @example
 * creditCodeProblem({ kind: 'check-char', found: 'A', expected: 'Q' }, 'zh'); // => '校验位（第18位）为"A"，应为"Q"'
 * creditCodeProblem({ kind: 'check-char', found: 'A', expected: 'Q' }, 'en'); // => 'check character is "A", expected "Q"'
 */
export function creditCodeProblem(problem: CreditCodeProblem | CreditCodeWarning, lang: Lang): string {
  switch (problem.kind) {
    case 'length':
      return pick(lang, {
        zh: `长度为${problem.found}位，应为${problem.expected}位`,
        en: `length ${problem.found}, expected ${problem.expected}`,
      });
    case 'character':
      return pick(lang, {
        zh: `第${problem.position}位的字符${quoted(problem.found)}不允许使用`,
        en: `character ${quoted(problem.found)} at position ${problem.position} is not allowed`,
      });
    case 'org-check':
      return pick(lang, {
        zh: `组织机构代码校验位（第17位）为${quoted(problem.found)}，应为${quoted(problem.expected)}`,
        en: `organization-code check (9th char of 9–17) is ${quoted(problem.found)}, expected ${quoted(problem.expected)}`,
      });
    case 'check-char':
      return pick(lang, {
        zh: `校验位（第18位）为${quoted(problem.found)}，应为${quoted(problem.expected)}`,
        en: `check character is ${quoted(problem.found)}, expected ${quoted(problem.expected)}`,
      });
    case 'lowercase':
      return pick(lang, { zh: '含小写字母', en: 'lower-case letters' });
  }
}

/**
 * The problems of a credit code, joined in `lang`.
 *
 * @param problems problems of `checkCreditCode`
 * @param lang language
 * @returns `a; b` (en) or `a；b` (zh)
 * @example
 * creditCodeProblems([{ kind: 'length', found: 17, expected: 18 }], 'zh'); // => '长度为17位，应为18位'
 */
export const creditCodeProblems = (problems: readonly CreditCodeProblem[], lang: Lang): string =>
  problems.map((p) => creditCodeProblem(p, lang)).join(pick(lang, { zh: '；', en: '; ' }));

/**
 * The reason of a W_CODE_CHECKSUM warning (a credit code failing its check): what
 * warnings.csv keeps (en) and what the terminal says (zh).
 *
 * @param problems the code's problems (`checkCreditCode(id).problems`)
 * @param lang language
 * @returns the reason
 * @example
 * checksumReason([{ kind: 'length', found: 17, expected: 18 }], 'en'); // => 'fails the GB 32100 check: length 17, expected 18'
 * checksumReason([{ kind: 'length', found: 17, expected: 18 }], 'zh'); // => '未通过GB 32100校验：长度为17位，应为18位'
 */
export const checksumReason = (problems: readonly CreditCodeProblem[], lang: Lang): string =>
  pick(lang, {
    zh: `未通过GB 32100校验：${creditCodeProblems(problems, 'zh')}`,
    en: `fails the GB 32100 check: ${creditCodeProblems(problems, 'en')}`,
  });

/** A credit-code warning of ingest (W_CODE_CHECKSUM, W_CODE_LOWERCASE, W_CODE_TYPE, W_CODE_REGION), for {@link codeCheckReason}. */
export interface CodeWarning {
  /** The warning's code (undefined: none). */
  code: string | undefined;
  /** The reason as convert-row.ts wrote it in English (warnings.csv keeps it). */
  reason: string;
  /** For W_CODE_CHECKSUM: the problems of the warning's code (`checkCreditCode(value).problems`). */
  problems?: readonly CreditCodeProblem[];
}

/**
 * The reason of a credit-code warning in `lang`; other reasons (and every reason in
 * English) are returned as written. W_CODE_CHECKSUM is said from the code's problems;
 * W_CODE_TYPE and W_CODE_REGION from the types and regions their reason names.
 *
 * @param w the warning
 * @param lang language
 * @returns the reason in `lang`
 * @example
 * codeCheckReason({ code: 'W_CODE_CHECKSUM', reason: 'fails the GB 32100 check: length 17, expected 18', problems: [{ kind: 'length', found: 17, expected: 18 }] }, 'zh');
 * // => '未通过GB 32100校验：长度为17位，应为18位'
 */
export function codeCheckReason(w: CodeWarning, lang: Lang): string {
  const { code, reason } = w;
  if (lang === 'en') return reason;
  if (code === 'W_CODE_CHECKSUM' && w.problems) return checksumReason(w.problems, lang);
  if (code === 'W_CODE_LOWERCASE') return '含小写字母，已按大写读取';
  const type =
    code === 'W_CODE_TYPE' && reason.match(/^says type (\S+) \(2nd character\) but the type column says (.+)$/);
  if (type) return `代码第2位表示类型为${orgTypeLabel('zh', type[1])}，而类型列为${orgTypeLabel('zh', type[2])}`;
  const region =
    code === 'W_CODE_REGION' &&
    reason.match(/^was issued in region (\S+) \(characters 3–8\) but the region column says (.+)$/);
  if (region) return `代码第3—8位表示登记地区为${region[1]}，而地区列为${region[2]}`;
  return reason;
}
