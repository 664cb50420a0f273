/** C0 controls (tab, LF and CR included), DEL and C1 controls: what a terminal may act on. */
// eslint-disable-next-line no-control-regex
const TERMINAL = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same but LF: a message may run over several lines. */
// eslint-disable-next-line no-control-regex
const MESSAGE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
/** The same but tab, LF and CR, which a quoted CSV cell may hold. */
// eslint-disable-next-line no-control-regex
const CSV = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from the input made safe to print in a terminal: every control character (C0
 * including tab, CR and LF, DEL, C1) becomes `\uXXXX`, so an organization name cannot move
 * the cursor, overwrite its own line or send escape sequences.
 *
 * @param s the text
 * @returns the text with control characters escaped
 * @example
 * escapeTerminal('A\u001b[2KB\r'); // => 'A\\u001b[2KB\\u000d'
 */
export function escapeTerminal(s: string): string {
  return s.replace(TERMINAL, escape);
}

/**
 * A diagnostic message made safe for stderr: as {@link escapeTerminal}, but its own line
 * breaks kept.
 *
 * @param s the message
 * @returns the message with control characters other than LF escaped
 * @example
 * escapeMessage('a.csv: header "\u0000"\nfix it'); // => 'a.csv: header "\\u0000"\nfix it'
 */
export function escapeMessage(s: string): string {
  return s.replace(MESSAGE, escape);
}

/**
 * A CSV cell's text with the control characters a spreadsheet or a terminal `cat` would
 * act on escaped as `\uXXXX` (NUL, ESC, DEL, C1); tab, CR and LF stay (the cell is quoted).
 *
 * @param s the cell text
 * @returns the text with control characters escaped
 * @example
 * escapeCsvControl('a\u0000b'); // => 'a\\u0000b'
 */
export function escapeCsvControl(s: string): string {
  return s.replace(CSV, escape);
}
