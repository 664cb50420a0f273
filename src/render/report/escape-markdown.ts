/**
 * Escaping of untrusted text (region and organization names, file names, reasons, notes)
 * for GitHub-flavoured Markdown. Every piece of text the Markdown report prints goes
 * through {@link escapeMarkdown}; nothing else in the report module escapes for Markdown.
 */

/**
 * ASCII punctuation that means something in CommonMark/GFM inline or table syntax and can
 * be backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `#` `&` `$` (`$` for
 * renderers with maths). With `[` and `]` escaped no link or image can form, so `(`, `)`
 * and `!` stay as they are and English text stays readable in the Markdown source.
 */
const SPECIAL = /[\\`*_[\]<>|~#&$]/g;

/** Line breaks of every kind (CRLF, LF, CR, NEL, line and paragraph separators) and tabs. */
const BREAKS = /\r\n|[\n\r\t\u0085\u2028\u2029]/g;

/**
 * Escape text for use inside a Markdown paragraph, list item or table cell: line breaks
 * and tabs become one space (a name never breaks a table row or starts a block), control
 * characters are dropped, and Markdown punctuation is backslash-escaped so that it shows
 * literally (no emphasis, code, links, HTML, or extra table columns). With `lineStart`
 * (text that begins a paragraph or list item) leading spaces are dropped (they could make
 * a code block) and a leading `-`, `+` or `=`, or a leading
 * number followed by `.` or `)`, is escaped too, so that it cannot open a list or heading.
 *
 * @param text any text (non-strings are converted with `String`; null/undefined → '')
 * @param options `lineStart`: the text begins a line of the Markdown source (default false)
 * @returns Markdown source that renders as exactly `text` (line breaks as spaces)
 * @example
 * escapeMarkdown('a|b'); // => 'a\\|b'
 * escapeMarkdown('<script>alert(1)</script>'); // => '\\<script\\>alert(1)\\</script\\>'
 * escapeMarkdown('line 1\nline 2'); // => 'line 1 line 2'
 * escapeMarkdown('1. not a list', { lineStart: true }); // => '1\\. not a list'
 */
export function escapeMarkdown(text: unknown, options: { lineStart?: boolean } = {}): string {
  if (text === null || text === undefined) return '';
  const s = String(text)
    .replace(BREAKS, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(SPECIAL, (c) => `\\${c}`);
  return options.lineStart
    ? s
        .trimStart()
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2')
    : s;
}
