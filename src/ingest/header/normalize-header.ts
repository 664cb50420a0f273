/**
 * Reduce a header to the key used for alias matching: NFKC (full-width → ASCII), lower
 * case, a trailing unit in parentheses removed (`专职人员（人）` → `专职人员`), and spaces,
 * underscores, hyphens and dots removed.
 *
 * @param header the header cell
 * @returns the matching key
 * @example
 * normalizeHeader(' Staff_FullTime（人） '); // => 'stafffulltime'
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[\s_\-.·]+/g, '');
}
