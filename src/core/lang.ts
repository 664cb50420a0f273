/**
 * The two languages of soqa's texts, and the one way to choose between a text's versions.
 */

/** A language of the reports, charts and notes. */
export type Lang = 'zh' | 'en';

/**
 * The version of a text (or of anything given in both languages) for a language.
 *
 * @param lang the language (`zh` or `en`)
 * @param texts the Chinese and the English version
 * @returns `texts.zh` for `zh`, else `texts.en`
 * @example
 * pick('zh', { zh: '全部地区', en: 'all regions' }); // => '全部地区'
 */
export function pick<T>(lang: Lang, texts: { readonly zh: T; readonly en: T }): T {
  return lang === 'zh' ? texts.zh : texts.en;
}
