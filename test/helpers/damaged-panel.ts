import type { RegionsFile } from '../../src/domain/regions/regions.js';
import { generateSample } from '../../src/sample/index.js';
import { breakCheckChar } from './civil-code.js';

/** A seeded generator (xorshift32). */
export function seeded(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const ODD_CELLS = [
  '',
  '-',
  'N/A',
  '1,234',
  '3.5万',
  'abc',
  '2024年6月1日',
  '2023-02-29',
  '1948',
  '社会团体',
  'x\u0000y',
  'bad\uFFFDbyte',
  '  社区  ',
  '１２',
  '0.5',
  '-5',
];

/**
 * A generated panel with the trouble a split can meet: odd cells, lower-case and broken
 * credit codes (warnings), quoted names holding line breaks, stray quotes, ragged rows,
 * repeated rows far from their first occurrence (duplicates across ranges), blank lines,
 * LF, CRLF and lone CR line ends, optionally a byte order mark and no final line break.
 */
export function damagedPanel(
  seed: number,
  orgs: number,
  regions: RegionsFile,
  opts: { bom?: boolean; noFinalBreak?: boolean } = {},
): string {
  const r = seeded(seed);
  const [header, ...body] = [...generateSample({ orgs, years: [2018, 2024], seed, regions })];
  const id = header.indexOf('org_id');
  const name = header.indexOf('name');
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines: string[] = [];
  for (const row0 of body) {
    const row = [...row0];
    const u = r();
    if (u < 0.08) row[Math.floor(r() * row.length)] = ODD_CELLS[Math.floor(r() * ODD_CELLS.length)];
    else if (u < 0.13) row[id] = row[id].toLowerCase();
    else if (u < 0.16) row[id] = breakCheckChar(row[id]);
    else if (u < 0.19) row[name] = `${row[name]}\n${r() < 0.5 ? '分会' : ''}`;
    let line = row.map(cell).join(',');
    const v = r();
    if (v < 0.02) line = `${line.slice(0, 25)}"${line.slice(25)}`;
    else if (v < 0.04) line = row.slice(0, -1).map(cell).join(',');
    lines.push(line);
    const w = r();
    if (w < 0.03 && lines.length > 5) lines.push(lines[Math.floor(r() * (lines.length - 1))]);
    else if (w < 0.045) lines.push('');
  }
  const ends = lines.map(() => {
    const e = r();
    return e < 0.8 ? '\n' : e < 0.95 ? '\r\n' : '\r';
  });
  let text = header.join(',') + '\n' + lines.map((l, i) => l + ends[i]).join('');
  if (opts.noFinalBreak) text = text.replace(/[\r\n]+$/, '');
  return (opts.bom ? '\uFEFF' : '') + text;
}
