/**
 * The report as a small document tree, built once from results.json and written out as
 * Markdown or HTML. All text in the tree is plain, unescaped text; each writer escapes
 * every piece of it exactly once (escape-markdown.ts, escape-html.ts), so no untrusted
 * name can reach the output unescaped.
 */

/** A run of text inside a paragraph, list item or table cell. */
export type Inline = string | { strong: string } | { code: string };

/** One table cell: text, or text with emphasis/code runs. */
export type Cell = string | Inline[];

/** A block of the report. */
export type Block =
  /** The synthetic-data notice (always first when present). */
  | { kind: 'notice'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'para'; inlines: Inline[] }
  /** A muted paragraph: a section that was not run, a caveat. */
  | { kind: 'note'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  /** A table; `align` per column (`r` for numbers). */
  | { kind: 'table'; head: string[]; rows: Cell[][]; align?: ('l' | 'r')[] }
  /**
   * A displayed formula (soqa's own text, never input data): `tex` for Markdown (`$$…$$`),
   * `text` in clean Unicode for HTML (no script needed to read it).
   */
  | { kind: 'math'; tex: string; text: string }
  /** A chart by registry name, with its caption (the chart's title). */
  | { kind: 'figure'; chart: string; caption: string };

/** The report: a title, a subtitle line and the blocks in order. */
export interface ReportDoc {
  lang: 'zh' | 'en';
  title: string;
  blocks: Block[];
}
