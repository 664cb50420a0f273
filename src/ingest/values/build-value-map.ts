import { normalizeText } from '../../domain/normalize-text.js';

/**
 * Build the lookup for a categorical field: every canonical code matches itself, and each
 * alias matches its code, after NFKC, trimming and case folding.
 *
 * @param codes the canonical codes
 * @param aliases canonical code → aliases (from the profile)
 * @returns normalised text → canonical code
 * @example
 * buildValueMap(['foundation'], { foundation: ['基金会'] }).get('基金会'); // => 'foundation'
 */
export function buildValueMap(codes: readonly string[], aliases: Record<string, string[]> = {}): Map<string, string> {
  const m = new Map<string, string>();
  const key = (s: string) => normalizeText(s).toLowerCase();
  for (const c of codes) m.set(key(c), c);
  for (const [code, list] of Object.entries(aliases)) for (const a of list) if (!m.has(key(a))) m.set(key(a), code);
  return m;
}
