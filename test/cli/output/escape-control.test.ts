import { describe, expect, it } from 'vitest';
import { escapeCsvControl, escapeMessage, escapeTerminal } from '../../../src/cli/output/escape-control.js';
import { safeCell } from '../../../src/cli/output/to-safe-csv.js';
import { formatTable } from '../../../src/cli/output/format-table.js';

// Issue 23 item 7: control characters from the input never reach a terminal or a CSV raw.
describe('escaping control characters', () => {
  it('escapes every C0, DEL and C1 control for the terminal, as \\uXXXX', () => {
    // a name that would clear the screen, overwrite its line and start a CSI (U+009B)
    expect(escapeTerminal('A\u001b[2JB\rC\nD\u0000E\u007fF\u009bG\tH')).toBe(
      'A\\u001b[2JB\\u000dC\\u000aD\\u0000E\\u007fF\\u009bG\\u0009H',
    );
    expect(escapeTerminal('包头市体育协会 (ok)')).toBe('包头市体育协会 (ok)');
  });

  it('keeps line breaks of a message, and tab, CR and LF of a CSV cell', () => {
    expect(escapeMessage('a\u001b[31m\nb\r')).toBe('a\\u001b[31m\nb\\u000d');
    expect(escapeCsvControl('a\u0000\t\r\nb\u001b')).toBe('a\\u0000\t\r\nb\\u001b');
  });

  it('safeCell escapes NUL and ESC (rejects.csv value column) and still neutralises formulas', () => {
    expect(safeCell('x\u0000y\u001b')).toBe('x\\u0000y\\u001b');
    expect(safeCell('=cmd|\u0007')).toBe("'=cmd|\\u0007");
  });

  it('formatTable shows an organization name with CR and ESC on one line', () => {
    const t = formatTable(['name', 'n'], [['evil\r\u001b[2Kname', 1]]);
    expect(t.split('\n')).toHaveLength(4);
    expect(t).toContain('evil\\u000d\\u001b[2Kname');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0009\u000b-\u001f]/.test(t)).toBe(false);
  });
});
