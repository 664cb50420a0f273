/**
 * Escaping of untrusted text for HTML. Every piece of text the HTML report prints goes
 * through {@link escapeHtml}; nothing else in the report module escapes for HTML.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and quoted attribute values: `& < > " '` become
 * entities and control characters other than tab and line feed are dropped (they are not
 * allowed in HTML). Line breaks are kept; the report's CSS decides how they show.
 *
 * @param text any text (non-strings are converted with `String`; null/undefined → '')
 * @returns HTML that displays exactly `text`
 * @example
 * escapeHtml('<script>alert(1)</script>'); // => '&lt;script&gt;alert(1)&lt;/script&gt;'
 * escapeHtml(`"a" & 'b'`); // => '&quot;a&quot; &amp; &#39;b&#39;'
 */
export function escapeHtml(text: unknown): string {
  if (text === null || text === undefined) return '';
  return (
    String(text)
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[&<>"']/g, (c) => ENTITIES[c])
  );
}
