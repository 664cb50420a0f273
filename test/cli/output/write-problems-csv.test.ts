import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBLEM_COLUMNS, writeProblemsCsv } from '../../../src/cli/output/write-problems-csv.js';
import { toSafeCsv } from '../../../src/cli/output/to-safe-csv.js';
import { RejectStore } from '../../../src/ingest/reject-store.js';
import type { ProblemRow } from '../../../src/ingest/ingest-files.js';

// Issue 23: rejects.csv written from the rows kept in memory and those spilled to a file
// is byte for byte the CSV of all rows at once.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-problems-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (i: number): ProblemRow => ({
  file: 'a.csv',
  line: i + 2,
  code: i % 3 === 0 ? 'R_DUPLICATE' : 'R_FIELD_COUNT',
  column: i % 2 ? 'org_id, year' : '',
  // every third row a duplicate (0, 3, …, 10,008: 3,337 rows); cells that need quoting, neutralising or escaping
  value: ['=1+1', 'x,y', 'say "hi"', 'a\nb', '\u001b[2J', '-3', '中文'][i % 7],
  reason: `reason ${i}`,
});

describe('writeProblemsCsv', () => {
  it('writes the kept and the spilled rows as toSafeCsv writes them all', () => {
    const rows = Array.from({ length: 10_010 }, (_, i) => row(i));
    const store = new RejectStore(7);
    for (const r of rows) store.push(r);
    const spill = store.spill();
    expect(store.kept).toHaveLength(7);
    expect(spill?.count).toBe(10_003);
    const p = join(dir, 'rejects.csv');
    writeProblemsCsv(p, store.kept, spill);
    spill!.close();
    expect(readFileSync(p, 'utf8')).toBe(toSafeCsv(PROBLEM_COLUMNS, rows as unknown as Record<string, unknown>[]));
    expect(readdirSync(dir)).toEqual(['rejects.csv']);
    // the counts are complete
    expect(store.total).toBe(10_010);
    expect(store.counts).toEqual({ R_DUPLICATE: 3_337, R_FIELD_COUNT: 6_673 });
  });

  it('without a spill writes what toSafeCsv writes', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i));
    const p = join(dir, 'few.csv');
    writeProblemsCsv(p, rows);
    expect(readFileSync(p, 'utf8')).toBe(toSafeCsv(PROBLEM_COLUMNS, rows as unknown as Record<string, unknown>[]));
  });
});
