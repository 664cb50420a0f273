/**
 * Lines around a table by kind (`{ title: 1, note: 2 }`), for the log.
 *
 * @param lines the lines
 * @returns counts by kind, in order of first appearance
 * @example
 * countKinds([{ kind: 'title' }, { kind: 'note' }, { kind: 'note' }]); // => { title: 1, note: 2 }
 */
export function countKinds(lines: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.kind] = (out[l.kind] ?? 0) + 1;
  return out;
}
