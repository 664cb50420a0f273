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
  // one pass over the line (it may be megabytes of a binary file), counting every candidate
  const counts = [0, 0, 0, 0];
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 34) inQuote = !inQuote;
    else if (!inQuote) {
      if (c === 44) counts[0]++;
      else if (c === 9) counts[1]++;
      else if (c === 59) counts[2]++;
      else if (c === 124) counts[3]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return counts[best] > 0 ? DELIMITERS[best] : ',';
}
