import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapHeaders } from '../../../src/ingest/header/map-headers.js';
import { loadProfile } from '../../../src/ingest/profile/load-profile.js';
import { REQUIRED_FIELDS } from '../../../src/dataset/fields.js';
import { CsvRecordParser, MAX_COLUMNS, type CsvItem } from '../../../src/ingest/csv/csv-record-parser.js';

// Issue 23 item 10: the header row under long runs. A header of up to 10,000 columns with
// the required columns at random places and filler cells of up to 120,000 characters (a
// header line of 100,000+ characters) is read back cell for cell in any chunking, and
// every required field maps to the column it was put in (the expected positions are where
// the generator placed them). One column more than the limit is refused.
const profile = loadProfile('default');

function parseChunked(text: string, chunk: number): CsvItem[] {
  const p = new CsvRecordParser();
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...p.push(text.slice(i, i + chunk)));
  out.push(...p.end());
  return out;
}

describe('header row (property)', () => {
  it('reads back a wide, long header and maps each required column where it was put', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_COLUMNS - REQUIRED_FIELDS.length }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: REQUIRED_FIELDS.length, maxLength: REQUIRED_FIELDS.length }),
        fc.integer({ min: 1, max: 300_000 }),
        fc.boolean(),
        (fillers, longCells, places, chunk, quoted) => {
          // filler cells x0, x1, …; the first few are long runs of 'x' (quoted: with "" inside)
          const cells = Array.from({ length: fillers }, (_, i) => `x${i}`);
          longCells.forEach((n, i) => {
            if (i < cells.length) cells[i] = `${quoted ? 'q"' : 'x'}${'x'.repeat(n)}${i}`;
          });
          const where = new Map<string, number>();
          REQUIRED_FIELDS.forEach((f, k) => {
            const at = places[k] % (cells.length + 1);
            cells.splice(at, 0, f);
          });
          cells.forEach((c, i) => REQUIRED_FIELDS.includes(c) && where.set(c, i));
          const line = cells.map((c) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
          const items = parseChunked(`${line}\n`, chunk);
          expect(items).toHaveLength(1);
          const header = items[0].kind === 'record' ? items[0].fields : [];
          expect(header).toEqual(cells);
          const m = mapHeaders(header, profile);
          expect(m.missingRequired).toEqual([]);
          for (const f of REQUIRED_FIELDS) expect(m.fieldOf[where.get(f)!]).toBe(f);
          expect(m.fieldOf.filter((x) => x !== null)).toHaveLength(REQUIRED_FIELDS.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses one column more than the limit, however long its cells and however chunked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 200_000 }), (n, chunk) => {
        const cells = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => (i === 0 ? 'y'.repeat(n) : `c${i}`));
        const items = parseChunked(`${cells.join(',')}\nnext\n`, chunk);
        expect(items.map((i) => [i.kind, i.line])).toEqual([
          ['too-many-fields', 1],
          ['record', 2],
        ]);
      }),
      { numRuns: 10 },
    );
  });
});
