/**
 * Normalise a raw cell: Unicode NFKC (full-width digits, letters and punctuation become
 * ASCII; `１２３` → `123`, `，` → `,`), then trim white space including U+3000.
 *
 * @param raw the cell text as read
 * @returns the normalised text
 * @example
 * normalizeText('　１２３　'); // => '123'
 */
export function normalizeText(raw: string): string {
  // fast path: plain ASCII needs no NFKC
  // eslint-disable-next-line no-control-regex
  const t = /^[\x00-\x7f]*$/.test(raw) ? raw : raw.normalize('NFKC');
  return t.trim();
}

/** Placeholders that registry exports use for "no value"; they read as missing. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '—',
  '/',
  'n/a',
  'na',
  'null',
  '无数据',
  '暂无',
  '空',
]);

/**
 * True when a normalised cell means "missing".
 *
 * @example
 * isMissing('N/A'); // => true
 */
export function isMissing(text: string): boolean {
  if (text.length === 0) return true;
  if (text.length > 4) return false; // every token is at most 4 characters
  return MISSING_TOKENS.has(text.toLowerCase());
}
