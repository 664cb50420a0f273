import { describe, expect, it } from 'vitest';
import { embedSvg } from '../../../src/render/report/embed-svg.js';
import { escapeHtml } from '../../../src/render/report/escape-html.js';
import { escapeMarkdown } from '../../../src/render/report/escape-markdown.js';

describe('escapeMarkdown', () => {
  it('escapes HTML, pipes, backticks, emphasis and link syntax', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`code` ``x``')).toBe('\\`code\\` \\`\\`x\\`\\`');
    expect(escapeMarkdown('*b* _e_ [l](u) ~s~ # & $')).toBe('\\*b\\* \\_e\\_ \\[l\\](u) \\~s\\~ \\# \\& \\$');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });

  it('turns every kind of line break and tab into a space, so a name cannot break a table row', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e\tf')).toBe('a b c d e f');
    expect(escapeMarkdown('x\n| fake | row |')).not.toMatch(/\n/);
    expect(escapeMarkdown('x\n| fake | row |')).toBe('x \\| fake \\| row \\|');
  });

  it('leaves a formula as plain text (Markdown has no formulas) and keeps its characters', () => {
    expect(escapeMarkdown('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(escapeMarkdown('=HYPERLINK("http://x","y")', { lineStart: true })).toBe('\\=HYPERLINK("http://x","y")');
  });

  it('at a line start, stops lists, headings and code blocks', () => {
    expect(escapeMarkdown('- item', { lineStart: true })).toBe('\\- item');
    expect(escapeMarkdown('+ item', { lineStart: true })).toBe('\\+ item');
    expect(escapeMarkdown('1. item', { lineStart: true })).toBe('1\\. item');
    expect(escapeMarkdown('12) item', { lineStart: true })).toBe('12\\) item');
    expect(escapeMarkdown('    code', { lineStart: true })).toBe('code');
    expect(escapeMarkdown('1.5 million')).toBe('1.5 million');
  });

  it('drops control characters and maps null to the empty string', () => {
    expect(escapeMarkdown('a\u0000b\u0007c')).toBe('abc');
    expect(escapeMarkdown(null)).toBe('');
    expect(escapeMarkdown(undefined)).toBe('');
    expect(escapeMarkdown(12.5)).toBe('12.5');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves pipes, backticks and formulas as text and keeps line breaks', () => {
    expect(escapeHtml('a|b `c`')).toBe('a|b `c`');
    expect(escapeHtml('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(escapeHtml('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('drops control characters', () => {
    expect(escapeHtml('a\u0000b\u001bc')).toBe('abc');
    expect(escapeHtml(null)).toBe('');
  });
});

describe('embedSvg', () => {
  it('drops namespace URLs and prefixes ids and their references', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10"><defs><clipPath id="clip1"><rect/></clipPath><linearGradient id="g2"/></defs><g clip-path="url(#clip1)" fill="url(#g2)"><use xlink:href="#clip1"/><use href="#g2"/></g></svg>';
    const out = embedSvg(svg, 'lorenz-')!;
    expect(out).not.toMatch(/https?:/);
    expect(out).toContain('id="lorenz-clip1"');
    expect(out).toContain('clip-path="url(#lorenz-clip1)"');
    expect(out).toContain('fill="url(#lorenz-g2)"');
    expect(out).toContain('xlink:href="#lorenz-clip1"');
    expect(out).toContain('href="#lorenz-g2"');
    expect(out.startsWith('<svg width="10">')).toBe(true);
  });

  it('refuses SVG that could run code', () => {
    expect(embedSvg('<svg><script>alert(1)</script></svg>', 'x-')).toBeNull();
    expect(embedSvg('<svg><rect onload="alert(1)"/></svg>', 'x-')).toBeNull();
    expect(embedSvg('<svg><foreignObject/></svg>', 'x-')).toBeNull();
    expect(embedSvg('<svg><a href="javascript:alert(1)"/></svg>', 'x-')).toBeNull();
    expect(embedSvg('not svg', 'x-')).toBeNull();
  });
});
