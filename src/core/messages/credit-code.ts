/**
 * Messages of the credit-code checks (GB 32100-2015) in the user's language. The checks
 * (domain/credit-code/check-credit-code.ts) write their problems in English, as warnings.csv,
 * rejects.csv and results.json keep them; these functions say them in Chinese on the terminal
 * and in the report.
 */
import { pick, type Lang } from '../lang.js';
import { orgTypeLabel } from './spatial.js';

/** The English problem forms of `checkCreditCode`, each with its Chinese text. */
const FORMS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^length (\d+), expected 18$/, (m) => `长度为${m[1]}位，应为18位`],
  [/^character (".*") at position (\d+) is not allowed$/, (m) => `第${m[2]}位的字符${m[1]}不允许使用`],
  [
    /^organization-code check \(9th char of 9–17\) is (".*"), expected (".*")$/,
    (m) => `组织机构代码校验位（第17位）为${m[1]}，应为${m[2]}`,
  ],
  [/^check character is (".*"), expected (".*")$/, (m) => `校验位（第18位）为${m[1]}，应为${m[2]}`],
  [/^lower-case letters$/, () => '含小写字母'],
];

/**
 * One problem of a credit-code check in `lang` (English as the check wrote it; a form this
 * function does not know is returned as written).
 *
 * @param problem a problem or warning string of `checkCreditCode`
 * @param lang language
 * @returns the problem in `lang`
 * @example
 * creditCodeProblem('check character is "A", expected "Q"', 'zh'); // => '校验位（第18位）为"A"，应为"Q"'
 */
export function creditCodeProblem(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  for (const [re, zh] of FORMS) {
    const m = problem.match(re);
    if (m) return zh(m);
  }
  return problem;
}

/**
 * The problems of a credit code, joined in `lang`.
 *
 * @param problems problems of `checkCreditCode`
 * @param lang language
 * @returns `a; b` (en) or `a；b` (zh)
 * @example
 * creditCodeProblems(['length 17, expected 18'], 'zh'); // => '长度为17位，应为18位'
 */
export const creditCodeProblems = (problems: readonly string[], lang: Lang): string =>
  problems.map((p) => creditCodeProblem(p, lang)).join(pick(lang, { zh: '；', en: '; ' }));

/** English prefix of the W_CODE_CHECKSUM reason (convert-row.ts writes `${prefix}${problems joined by '; '}`). */
const CHECKSUM_PREFIX = 'fails the GB 32100 check: ';

/**
 * The reason of a credit-code warning (W_CODE_CHECKSUM, W_CODE_LOWERCASE, W_CODE_TYPE,
 * W_CODE_REGION, as convert-row.ts writes it and warnings.csv keeps it) in `lang`; other
 * reasons are returned as written.
 *
 * @param code the warning's code (undefined: none)
 * @param reason the warning's reason
 * @param lang language
 * @returns the reason in `lang`
 * @example
 * codeCheckReason('W_CODE_CHECKSUM', 'fails the GB 32100 check: length 17, expected 18', 'zh');
 * // => '未通过GB 32100校验：长度为17位，应为18位'
 */
export function codeCheckReason(code: string | undefined, reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  if (code === 'W_CODE_CHECKSUM' && reason.startsWith(CHECKSUM_PREFIX))
    return `未通过GB 32100校验：${creditCodeProblems(reason.slice(CHECKSUM_PREFIX.length).split('; '), lang)}`;
  if (code === 'W_CODE_LOWERCASE' && reason === 'has lower-case letters; read as upper case')
    return '含小写字母，已按大写读取';
  const type =
    code === 'W_CODE_TYPE' && reason.match(/^says type (\S+) \(2nd character\) but the type column says (.+)$/);
  if (type) return `代码第2位表示类型为${orgTypeLabel('zh', type[1])}，而类型列为${orgTypeLabel('zh', type[2])}`;
  const region =
    code === 'W_CODE_REGION' &&
    reason.match(/^was issued in region (\S+) \(characters 3–8\) but the region column says (.+)$/);
  if (region) return `代码第3—8位表示登记地区为${region[1]}，而地区列为${region[2]}`;
  return reason;
}
