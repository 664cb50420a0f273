/** Characters that force a CSV value into quotes. */
const SPECIAL = /[",\r\n]/;

/**
 * Join values into one CSV line (RFC 4180): a value containing a comma, a double quote, CR or
 * LF is quoted, with inner quotes doubled. No line terminator is added. Fast path: when no
 * value needs quoting (every row of the synthetic sample), the line is a plain join.
 *
 * @param values the cells of one row
 * @returns the CSV text of the row
 * @example
 * toCsvLine(['a', 'b,c', 'say "hi"']); // => 'a,"b,c","say ""hi"""'
 */
export function toCsvLine(values: readonly string[]): string {
  let plain = true;
  for (let i = 0; i < values.length; i++) {
    if (SPECIAL.test(values[i])) {
      plain = false;
      break;
    }
  }
  if (plain) return values.join(',');
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += SPECIAL.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  return out;
}
