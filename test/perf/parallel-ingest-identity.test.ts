import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createLogger } from '../../src/core/logger.js';
import { ingestFiles, type IngestResult } from '../../src/ingest/ingest-files.js';
import type { ParallelInfo, ParallelOptions } from '../../src/ingest/parallel/ingest-parallel.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { generateSample } from '../../src/sample/index.js';
import { damagedPanel, seeded } from '../helpers/damaged-panel.js';
import { encodeGbk } from '../helpers/gbk.js';

// Reading a file by byte ranges in parallel must give exactly what reading it in one pass
// gives: rows, columns (types, dictionaries in order of first use), rejects and warnings
// with their lines, counts, missing counts with their key order, sources and SHA-256.
// The ranges run inline here (`parallel.inline`: same code, outputs cloned as a worker
// posts them): vitest runs the TypeScript sources, which worker threads cannot load. The
// last test runs real worker threads from a build (SOQA_TEST_DIST, default dist/) when it
// has the worker. Splits are forced at awkward places with `splitAt`.

const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let fileNo = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-parallel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(data: string | Buffer): string {
  const path = join(dir, `input-${fileNo++}.csv`);
  writeFileSync(path, data);
  return path;
}

type Outcome = { ok: true; result: IngestResult } | { ok: false; code: string };

async function ingest(path: string, parallel?: ParallelOptions): Promise<Outcome> {
  try {
    return { ok: true, result: await ingestFiles([path], { profile, regions, logger: createLogger(), parallel }) };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? String(e) };
  }
}

/** Everything results.json and the CSV outputs are made from, as plain data (key order, array types and NaN positions kept). */
function snapshot(o: Outcome): unknown {
  if (!o.ok) return o;
  const { dataset: ds, ...rest } = o.result;
  const col = (a: ArrayLike<number> & { constructor: { name: string } }) => [
    a.constructor.name,
    Array.from(a, (v) => (v !== v ? 'NaN' : v)),
  ];
  return {
    ...JSON.parse(JSON.stringify(rest)),
    keyOrder: ['rejectCounts', 'warningCounts', 'missingCounts'].map((k) => Object.keys(rest[k as 'rejectCounts'])),
    dataset: {
      length: ds.length,
      shape: ds.shape,
      present: ds.present,
      num: Object.entries(ds.num).map(([k, v]) => [k, col(v)]),
      cat: Object.entries(ds.cat).map(([k, v]) => [k, v.dict, col(v.codes)]),
      text: Object.entries(ds.text),
      file: col(ds.source.file),
      line: col(ds.source.line),
    },
  };
}

/** The sequential read of each file, made once: the tests that split one file many ways compare against it. */
const sequential = new Map<string, unknown>();

/** Read `path` sequentially and in parallel with `opts`; both the same; returns what the parallel ingest did. */
async function expectSame(path: string, opts: ParallelOptions): Promise<ParallelInfo['outcome'][]> {
  const seen: ParallelInfo['outcome'][] = [];
  if (!sequential.has(path)) sequential.set(path, snapshot(await ingest(path)));
  const par = await ingest(path, { minBytes: 0, inline: true, ...opts, onInfo: (i) => seen.push(i.outcome) });
  expect(snapshot(par)).toEqual(sequential.get(path));
  return seen;
}

describe('parallel ingest gives exactly the sequential result', () => {
  it.each([
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 7],
  ])('on a damaged panel (seed %i, %i ranges of equal size)', async (seed, workers) => {
    const path = write(damagedPanel(seed, 60, regions, { bom: seed % 2 === 0, noFinalBreak: seed === 3 }));
    const seq = await ingest(path);
    expect(seq.ok && seq.result.counts.rejected).toBeGreaterThan(5);
    expect(seq.ok && seq.result.rejectCounts.R_DUPLICATE).toBeGreaterThan(0);
    expect(seq.ok && Object.keys(seq.result.warningCounts).length).toBeGreaterThan(0);
    const outcomes = await expectSame(path, { workers });
    expect(outcomes).toHaveLength(1);
  });

  it('with splits at many seeded offsets (ranges that start records are merged, the others fall back)', async () => {
    const text = damagedPanel(5, 40, regions);
    const path = write(text);
    const bytes = Buffer.byteLength(text);
    const r = seeded(99);
    const outcomes: string[] = [];
    for (let i = 0; i < 24; i++) {
      const splitAt = Array.from({ length: 1 + Math.floor(r() * 5) }, () => Math.floor(r() * bytes));
      outcomes.push(...(await expectSame(path, { splitAt })));
    }
    expect(outcomes).toContain('parallel');
  });

  it('at every line break of a stretch with quoted line breaks and a stray quote', async () => {
    const header = 'org_id,name,type,region,registered,year,staff_fulltime';
    const rows = [
      '511501000000000001,甲协会,social_group,150100,2015-03-02,2024,3',
      '511501000000000002,"乙协会\n分会",social_group,150100,2015-03-02,2024,4',
      '511501000000000003,"丙,""协会""",foundation,150100,2015-03-02,2024,5',
      '511501000000000004,丁协"会,social_group,150100,2015-03-02,2024,6',
      '511501000000000005,"戊协会,social_group,150100,2015-03-02,2024,7',
      '511501000000000006,己协会,social_group,150100,2015-03-02,2024,8',
      '511501000000000002,"乙协会\r\n分会",social_group,150100,2015-03-02,2024,4',
      '511501000000000007,"庚""协会",social_group,150100,2015-03-02,2024,9',
      '511501000000000008,辛协会,"social_group\n",150100,2015-03-02,2024,1',
      '511501000000000009,壬协会,social_group,150100,2015-03-02,2024,2',
    ];
    const text = `${header}\n${rows.join('\n')}\n`;
    const path = write(text);
    const buf = Buffer.from(text);
    const outcomes: string[] = [];
    for (let i = 0; i < buf.length; i++)
      if (buf[i] === 0x0a) outcomes.push(...(await expectSame(path, { splitAt: [i] })));
    expect(outcomes).toContain('parallel');
    expect(outcomes).toContain('split-inside-record');
  });

  it('when the first range holds only the header, and when the last holds only the last line', async () => {
    const text = damagedPanel(6, 10, regions);
    const path = write(text);
    const headerEnd = text.indexOf('\n');
    expect(await expectSame(path, { splitAt: [headerEnd] })).toEqual(['parallel']);
    const lastBreak = text.lastIndexOf('\n', text.length - 2);
    expect(await expectSame(path, { splitAt: [headerEnd, lastBreak] })).toHaveLength(1);
  });

  it('with more than the kept number of warnings of a code, and duplicates among them', async () => {
    const [header, ...body] = [...generateSample({ orgs: 2600, years: [2019, 2024], seed: 8, regions })];
    const id = header.indexOf('org_id');
    const lines = body.map((row) => row.map((c, i) => (i === id ? c.toLowerCase() : c)).join(','));
    // rows repeated early and late: their warnings must not count
    const text =
      [
        header.join(','),
        ...lines.slice(0, 100),
        ...lines.slice(0, 50),
        ...lines.slice(100),
        ...lines.slice(9_000, 9_050),
      ].join('\n') + '\n';
    const path = write(text);
    const seq = await ingest(path);
    expect(seq.ok && seq.result.warningCounts.W_CODE_LOWERCASE).toBeGreaterThan(12_000);
    expect(await expectSame(path, { workers: 2 })).toEqual(['parallel']);
    // the first range's own first 10,000 warnings include those of the repeated rows: it
    // did not keep all that the merged result keeps, so the file is read sequentially
    expect(await expectSame(path, { splitAt: [Buffer.byteLength(text) * 0.98] })).toEqual(['warning-not-kept']);
  });

  it('reads GB18030 and UTF-16 files in parallel, transcoded to UTF-8 (byte order marks, undecodable bytes)', async () => {
    const text = damagedPanel(7, 15, regions);
    const gbk = encodeGbk(text.replace(/\uFFFD/g, '?'));
    expect(await expectSame(write(gbk), { workers: 2 })).toEqual(['parallel']);
    // GB18030's byte order mark (84 31 95 33) is text (U+FEFF) to both readers; 0xFF is no
    // GB18030 byte (U+FFFD, counted): put it in a name cell after the header line
    const at = gbk.indexOf(0x0a, gbk.indexOf(0x0a) + 1) + 30;
    const damaged = Buffer.concat([
      Buffer.from([0x84, 0x31, 0x95, 0x33]),
      gbk.subarray(0, at),
      Buffer.from([0xff]),
      gbk.subarray(at),
    ]);
    // one cut, after the header line (equal parts could cut a broken quote: read sequentially then)
    const seen = await expectSame(write(damaged), { splitAt: [0] });
    expect(seen).toEqual(['parallel']);
    const seq = await ingest(write(damaged));
    // the U+FFFD that the WHATWG GB18030 decoder itself puts in the text (at least the one for 0xFF)
    const fffd = new TextDecoder('gb18030').decode(damaged).split('\uFFFD').length - 1;
    expect(fffd).toBeGreaterThan(0);
    expect(seq.ok && seq.result.sources[0].replacementChars).toBe(fffd);
    const clean = text.replace(/\uFFFD/g, '?');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')]);
    expect(await expectSame(write(le), { workers: 2 })).toEqual(['parallel']);
    const be = Buffer.from(clean, 'utf16le').swap16();
    expect(await expectSame(write(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { workers: 2 })).toEqual([
      'parallel',
    ]);
  });

  it('calls onReading once when the ranges are read (plain and gzip), not when the file is read sequentially', async () => {
    const text = damagedPanel(8, 15, regions);
    const [plain, packed] = [write(text), write(gzipSync(Buffer.from(text)))];
    const calls = async (path: string, opts: ParallelOptions, outcome: string): Promise<number> => {
      let reading = 0;
      expect(await expectSame(path, { ...opts, onReading: () => reading++ })).toEqual([outcome]);
      return reading;
    };
    expect(await calls(plain, { workers: 2 }, 'parallel')).toBe(1);
    expect(await calls(packed, { workers: 2 }, 'parallel')).toBe(1);
    expect(await calls(plain, { workers: 2, minBytes: 1e9 }, 'not-eligible')).toBe(0);
    expect(await calls(packed, { workers: 2, minBytes: 1e9 }, 'not-eligible')).toBe(0);
  });

  it('reads sequentially what does not qualify (below the size threshold, one worker)', async () => {
    const text = damagedPanel(7, 15, regions);
    const plain = write(text);
    expect(await expectSame(plain, { workers: 2, minBytes: 1e9 })).toEqual(['not-eligible']);
    expect(await expectSame(plain, { workers: 1 })).toEqual(['not-eligible']);
  });
});

describe('parallel ingest of a gzip file (decompressed into memory, ranges of the bytes)', () => {
  it.each([
    [11, 2],
    [12, 3],
    [13, 5],
  ])('gives the sequential result on a damaged panel (seed %i, %i ranges)', async (seed, workers) => {
    const text = damagedPanel(seed, 60, regions, { bom: seed % 2 === 0, noFinalBreak: seed === 13 });
    const path = write(gzipSync(Buffer.from(text)));
    const seq = await ingest(path);
    expect(seq.ok && seq.result.sources[0].gzip).toBe(true);
    expect(seq.ok && seq.result.counts.rejected).toBeGreaterThan(5);
    // every U+FFFD the damaged cells put in the text is counted (how many depends on the seed)
    expect(seq.ok && seq.result.sources[0].replacementChars).toBe(text.split('\uFFFD').length - 1);
    expect(await expectSame(path, { workers })).toEqual(['parallel']);
  });

  it('with splits at seeded offsets, and falls back when a cut is inside a quoted line break', async () => {
    const text = damagedPanel(14, 40, regions);
    const path = write(gzipSync(Buffer.from(text)));
    const bytes = Buffer.byteLength(text);
    const r = seeded(7);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++)
      outcomes.push(
        ...(await expectSame(path, {
          splitAt: Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * bytes)),
        })),
      );
    expect(outcomes).toContain('parallel');
    const quoted = Buffer.from(text).indexOf('\n分会');
    expect(quoted).toBeGreaterThan(0);
    expect(await expectSame(path, { splitAt: [quoted] })).toEqual(['split-inside-record']);
  });

  it('of several members, and with bytes after the last member', async () => {
    const text = Buffer.from(damagedPanel(15, 30, regions));
    const cut = text.indexOf(0x0a, text.length >> 1) + 1;
    const members = write(Buffer.concat([gzipSync(text.subarray(0, cut)), gzipSync(text.subarray(cut))]));
    expect(await expectSame(members, { workers: 3 })).toEqual(['parallel']);
    const trailing = write(Buffer.concat([gzipSync(text), Buffer.from([0, 0, 0, 0, 0, 0])]));
    expect(await expectSame(trailing, { workers: 2 })).toHaveLength(1);
  });

  it('reads sequentially a damaged, truncated, GB18030 or too small gzip file', async () => {
    const text = damagedPanel(16, 20, regions);
    const packed = gzipSync(Buffer.from(text));
    const truncated = write(packed.subarray(0, packed.length - 100));
    expect(await expectSame(truncated, { workers: 2 })).toEqual(['not-eligible']);
    const corrupt = Buffer.from(packed);
    corrupt.writeUInt32LE(corrupt.readUInt32LE(corrupt.length - 8) ^ 1, corrupt.length - 8); // CRC
    expect(await expectSame(write(corrupt), { workers: 2 })).toEqual(['not-eligible']);
    const seq = await ingest(write(corrupt));
    expect(seq.ok).toBe(false);
    const gbk = write(gzipSync(encodeGbk(text.replace(/\uFFFD/g, '?'))));
    expect(await expectSame(gbk, { workers: 2 })).toEqual(['not-eligible']);
    expect(await expectSame(write(packed), { workers: 2, minBytes: Buffer.byteLength(text) + 1 })).toEqual([
      'not-eligible',
    ]);
    expect(await expectSame(write(packed), { workers: 2, minBytes: Buffer.byteLength(text) })).toEqual(['parallel']);
  });
});

const DIST = join(ROOT, process.env.SOQA_TEST_DIST ?? 'dist');
const builtWorker = existsSync(join(DIST, 'ingest', 'parallel', 'ingest-range-worker.js'));
const builtGzip = existsSync(join(DIST, 'ingest', 'parallel', 'read-gzip-text.js'));

describe('parallel ingest in worker threads (built code)', () => {
  it.skipIf(!builtWorker)('gives the sequential result of the same build', async () => {
    const built = (await import(pathToFileURL(join(DIST, 'ingest', 'ingest-files.js')).href)) as {
      ingestFiles: typeof ingestFiles;
    };
    const path = write(damagedPanel(9, 60, regions, { bom: true }));
    const seq = await built.ingestFiles([path], { profile, regions, logger: createLogger() });
    const seen: string[] = [];
    const par = await built.ingestFiles([path], {
      profile,
      regions,
      logger: createLogger(),
      parallel: { workers: 3, minBytes: 0, onInfo: (i) => seen.push(i.outcome) },
    });
    expect(seen).toEqual(['parallel']);
    expect(snapshot({ ok: true, result: par })).toEqual(snapshot({ ok: true, result: seq }));
  });

  it.skipIf(!builtWorker)(
    'ends the workers it started early when the file turns out not to qualify (a gzip of GB18030 text), and starts more for more ranges',
    async () => {
      const built = (await import(pathToFileURL(join(DIST, 'ingest', 'ingest-files.js')).href)) as {
        ingestFiles: typeof ingestFiles;
      };
      // the workers start before the encoding is known: a gzip of GB18030 text is then read sequentially
      const text = damagedPanel(15, 30, regions);
      const gbk = write(gzipSync(encodeGbk(text.replace(/\uFFFD/g, '?'))));
      const seen: string[] = [];
      const seqGbk = await built.ingestFiles([gbk], { profile, regions, logger: createLogger() });
      const parGbk = await built.ingestFiles([gbk], {
        profile,
        regions,
        logger: createLogger(),
        parallel: { workers: 2, minBytes: 0, onInfo: (i) => seen.push(i.outcome) },
      });
      expect(seen).toEqual(['not-eligible']);
      expect(snapshot({ ok: true, result: parGbk })).toEqual(snapshot({ ok: true, result: seqGbk }));
      // five ranges on two early workers: three more are started for them
      const utf8 = write(text);
      const size = Buffer.byteLength(text);
      const seq = await built.ingestFiles([utf8], { profile, regions, logger: createLogger() });
      const par = await built.ingestFiles([utf8], {
        profile,
        regions,
        logger: createLogger(),
        parallel: {
          workers: 2,
          minBytes: 0,
          splitAt: [0.2, 0.4, 0.6, 0.8].map((f) => Math.floor(size * f)),
          onInfo: (i) => seen.push(`${i.outcome} ${(i.bounds?.length ?? 0) - 1}`),
        },
      });
      expect(seen[1]).toBe('parallel 5');
      expect(snapshot({ ok: true, result: par })).toEqual(snapshot({ ok: true, result: seq }));
    },
  );

  it.skipIf(!builtGzip)(
    'gives the sequential result of the same build for a gzip file (bytes shared with the workers)',
    async () => {
      const built = (await import(pathToFileURL(join(DIST, 'ingest', 'ingest-files.js')).href)) as {
        ingestFiles: typeof ingestFiles;
      };
      const path = write(gzipSync(Buffer.from(damagedPanel(10, 60, regions, { bom: true }))));
      const seq = await built.ingestFiles([path], { profile, regions, logger: createLogger() });
      const seen: string[] = [];
      const par = await built.ingestFiles([path], {
        profile,
        regions,
        logger: createLogger(),
        parallel: { workers: 3, minBytes: 0, onInfo: (i) => seen.push(i.outcome) },
      });
      expect(seen).toEqual(['parallel']);
      expect(snapshot({ ok: true, result: par })).toEqual(snapshot({ ok: true, result: seq }));
    },
  );
});
