import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { ingestInput } from '../../src/ingest/ingest-input.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { MAX_COLUMNS } from '../../src/ingest/csv/csv-record-parser.js';

// Issue 23: hostile inputs end in a clean error (exit 2, naming the file) or in rows
// accounted for, within the documented limits. Inputs are generated here, small enough to
// keep the test in seconds; the full-size numbers are in scripts/bench-pathological.mjs.
const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const good = readFileSync(join(FIXTURES, 'good-utf8.csv'), 'utf8');
const [HEADER, ROW] = good.split('\n');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, data: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('clean errors', () => {
  it('a folder as input is E_INPUT_IS_DIR (exit 2) naming the path', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    await expect(ingestInput([folder], { profile, regions })).rejects.toMatchObject({
      code: 'E_INPUT_IS_DIR',
      exitCode: 2,
      message: expect.stringContaining(folder),
    });
  });

  it('zeros (plain, and a gzip of 8 MiB of zeros) are E_BINARY_INPUT, not a header cell too long', async () => {
    const zeros = write('zeros.csv', new Uint8Array(3 << 20));
    const gz = write('zeros.csv.gz', gzipSync(new Uint8Array(8 << 20)));
    for (const p of [zeros, gz])
      await expect(ingestInput([p], { profile, regions })).rejects.toMatchObject({
        code: 'E_BINARY_INPUT',
        exitCode: 2,
      });
  });

  it('a header of 10,001 columns is E_TOO_MANY_COLUMNS; 10,000 with the required ones is read', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `extra_${i}`);
    const wide = write('wide.csv', `${[...HEADER.split(','), ...filler(MAX_COLUMNS + 1 - 10)].join(',')}\n`);
    await expect(ingestFiles([wide], { profile, regions })).rejects.toMatchObject({
      code: 'E_TOO_MANY_COLUMNS',
      exitCode: 2,
      message: expect.stringContaining('more than 10,000 columns'),
    });
    const cells = [...HEADER.split(','), ...filler(MAX_COLUMNS - 10)];
    const row = [...ROW.split(','), ...filler(MAX_COLUMNS - 10).map(() => '')];
    const ok = write('wide-ok.csv', `${cells.join(',')}\n${row.join(',')}\n`);
    const r = await ingestFiles([ok], { profile, regions });
    expect(r.counts).toEqual({ read: 1, accepted: 1, rejected: 0, blank: 0 });
  });

  it('--max-input-bytes stops a gzip that expands past it (E_INPUT_TOO_LARGE, exit 2); under it the file is read', async () => {
    // 20,000 copies of one row: about 2.2 MB of text in a gzip of a few KB
    const text = `${HEADER}\n${`${ROW}\n`.repeat(20_000)}`;
    const bomb = write('bomb.csv.gz', gzipSync(text));
    await expect(ingestInput([bomb], { profile, regions, maxInputBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'E_INPUT_TOO_LARGE',
      exitCode: 2,
      message: expect.stringContaining('bomb.csv.gz'),
    });
    const r = await ingestInput([bomb], { profile, regions, maxInputBytes: Buffer.byteLength(text) });
    expect(r.ingest.counts.read).toBe(20_000);
  });
});

describe('rejected rows in bounded memory', () => {
  it('keeps the first rejectsKept rejects in memory and the rest, in order, in a spill file', async () => {
    // 5,001 copies of one registry row: 1 accepted, 5,000 R_DUPLICATE (lines 3 … 5,002)
    const p = write('dups.csv.gz', gzipSync(`${HEADER}\n${`${ROW}\n`.repeat(5_001)}`));
    const r = await ingestFiles([p], { profile, regions, rejectsKept: 100 });
    expect(r.counts).toEqual({ read: 5_001, accepted: 1, rejected: 5_000, blank: 0 });
    expect(r.rejectCounts).toEqual({ R_DUPLICATE: 5_000 });
    expect(r.rejects).toHaveLength(100);
    expect(r.rejectSpill?.count).toBe(4_900);
    const lines = [...r.rejects, ...r.rejectSpill!.rows()].map((x) => x.line);
    expect(lines).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 3));
    r.rejectSpill!.close();
    // only counted when not spilled
    const counted = await ingestFiles([p], { profile, regions, rejectsKept: 100, spillRejects: false });
    expect(counted.rejects).toHaveLength(100);
    expect(counted.rejectSpill).toBeUndefined();
    expect(counted.counts.rejected).toBe(5_000);
  });

  it('a long row of empty fields is one R_FIELD_COUNT reject; the rows around it are read', async () => {
    const p = write('long-row.csv', `${HEADER}\n${','.repeat(3_000_000)}\n${ROW}\n`);
    const r = await ingestFiles([p], { profile, regions });
    expect(r.counts).toEqual({ read: 2, accepted: 1, rejected: 1, blank: 0 });
    expect(r.rejects[0]).toMatchObject({ line: 2, code: 'R_FIELD_COUNT' });
    expect(r.rejects[0].reason).toBe('has more than 10000 fields, the header has 10; the rest of the line was skipped');
  });

  it('an escaped-quote field of 2,000,000 decoded characters is R_FIELD_TOO_LONG', async () => {
    const p = write('quotes.csv', `${HEADER}\n"${'""'.repeat(2_000_000)}",x\n${ROW}\n`);
    const r = await ingestFiles([p], { profile, regions });
    expect(r.counts).toEqual({ read: 2, accepted: 1, rejected: 1, blank: 0 });
    expect(r.rejects[0]).toMatchObject({ line: 2, code: 'R_FIELD_TOO_LONG' });
  });
});
