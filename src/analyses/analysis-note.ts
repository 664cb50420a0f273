import type { Lang } from '../core/messages/index.js';

/**
 * A note attached to an analysis section: why a number is null, or a caveat the reader
 * must see (e.g. survivorship bias). `code` is stable (`N_` + upper snake case); the text
 * comes in English and Chinese from `src/core/messages/`.
 */
export interface AnalysisNote {
  code: string;
  en: string;
  zh: string;
}

/**
 * Build a note from a message function of `src/core/messages/`.
 *
 * @param code stable note code
 * @param text the message in a given language
 * @returns the note in both languages
 * @example
 * note('N_NO_CORE', (lang) => msg.noteNoCore(lang)).en;
 */
export function note(code: string, text: (lang: Lang) => string): AnalysisNote {
  return { code, en: text('en'), zh: text('zh') };
}

/**
 * A finite number, or null (NaN and ±Infinity never reach results.json silently: the
 * caller adds a note saying why a value is null).
 *
 * @example
 * finiteOrNull(Number.NaN); // => null
 */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
