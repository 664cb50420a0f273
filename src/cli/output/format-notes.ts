import type { AnalysisNote } from '../../analyses/analysis-note.js';
import type { Lang } from '../../core/messages/index.js';

/**
 * Notes of an analysis section as text lines ("note: …"), each code once per distinct
 * text, in the given language.
 *
 * @param notes the notes
 * @param lang language
 * @returns the lines, ending with a newline (empty string when there are no notes)
 */
export function formatNotes(notes: readonly AnalysisNote[], lang: Lang): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const n of notes) {
    const text = lang === 'zh' ? n.zh : n.en;
    if (seen.has(text)) continue;
    seen.add(text);
    lines.push(`${lang === 'zh' ? '注' : 'note'} [${n.code}]: ${text}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Serialise a command's JSON output like results.json: two-space JSON, non-finite numbers
 * as null, trailing newline.
 *
 * @param value the object to print
 * @returns the text
 */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
