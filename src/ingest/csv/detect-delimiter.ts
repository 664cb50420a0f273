/** Delimiters soqa recognises. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Pick the delimiter of a CSV from its header line: the candidate that occurs most often
 * outside quotes (ties resolved in the order comma, tab, semicolon, pipe).
 *
 * @param headerLine the first line of the file, decoded
 * @returns the delimiter, `,` when none occurs
 * @example
 * detectDelimiter('id;name;type'); // => ';'
 */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let inQuote = false;
    for (const ch of headerLine) {
      if (ch === '"') inQuote = !inQuote;
      else if (!inQuote && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
