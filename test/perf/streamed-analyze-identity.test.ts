import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChinaGazetteer } from '../../src/ingest/regions/load-china-gazetteer.js';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLogger } from '../../src/core/logger.js';
import { cubeFromDataset } from '../../src/cube/cube-from-dataset.js';
import type { Cube } from '../../src/cube/cube.js';
import { ingestFiles, type IngestOptions, type IngestResult } from '../../src/ingest/ingest-files.js';
import type { ParallelInfo } from '../../src/ingest/parallel/ingest-parallel.js';
import { loadFramework } from '../../src/ingest/framework/load-framework.js';
import { loadFieldsOfActivity } from '../../src/ingest/load-fields-of-activity.js';
import { loadProfile, regionsPathFor } from '../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../src/ingest/regions/load-regions.js';
import { loadRules } from '../../src/ingest/rules/load-rules.js';
import { runAnalyses } from '../../src/analyses/run-analyses.js';
import type { AnalysisContext, RowsContext } from '../../src/analyses/analysis-context.js';
import { bulletinSection } from '../../src/analyses/bulletin/bulletin-section.js';
import { supervisionModels, supervisionSection } from '../../src/analyses/supervision/run-supervision.js';
import { SpilledOrgRows } from '../../src/ingest/rows/spilled-org-rows.js';
import { inputRows } from '../../src/ingest/rows/memory-org-rows.js';
import { rowsInput, type OrgRows } from '../../src/dataset/org-rows.js';
import { CubeAccumulator } from '../../src/cube/cube-accumulator.js';
import { generateSample } from '../../src/sample/index.js';
import { damagedPanel, seeded } from '../helpers/damaged-panel.js';
import { analysisConfig } from '../../src/cli/pipeline/analysis-config.js';

// `--stream` must not change a single output. A streamed run reads the rows chunk by chunk
// (sequentially, or by byte ranges merged in order), sums each chunk into the cube at once
// and spills the rows to temporary files by organization; supervision reads them back
// bucket by bucket. These tests run the in-memory path and the streamed one on the same
// bytes — the same analyses over the rows in memory (one part) and over the spill (one part
// per bucket) — and require the same ingest result (counts, rejects, warnings, missing counts and
// their key order), the same cube and the same serialised sections — every analysis,
// supervision with the flagged organizations listed, and a yearly bulletin — on damaged
// panels with their rows shuffled (organizations far apart, duplicates across chunks),
// with chunks of a few dozen rows, split into ranges (one of them cut inside a quoted line
// break, so that the parallel read gives up after handing rows over and starts again), on
// two files with different columns, and on a registry list (kept in memory, not streamed).

const profile = loadProfile('default');
const regions = loadRegions(regionsPathFor(profile));
const fieldsOfActivity = loadFieldsOfActivity();
const governance = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
const framework = loadFramework('default');
const rules = loadRules('default');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let spillParent: string;
let fileNo = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-streamed-'));
  spillParent = mkdtempSync(join(tmpdir(), 'soqa-spill-parent-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(spillParent, { recursive: true, force: true });
});

function write(text: string): string {
  const path = join(dir, `input-${fileNo++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** The lines of a CSV text after its header, shuffled (seeded), records kept whole. */
function shuffled(text: string, seed: number): string {
  const [header, ...lines] = text.split('\n');
  const r = seeded(seed);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return [header, ...lines.filter((l) => l !== '')].join('\n') + '\n';
}

/** A plain generated panel (no quoted line breaks, so that lines are records). */
function panel(orgs: number, seed: number, years: [number, number] = [2016, 2024]): string {
  return [...generateSample({ orgs, years, seed, regions })].map((row) => row.join(',')).join('\n') + '\n';
}

/** What a run gives that results.json and the CSV outputs are made of, serialised as results.json serialises numbers. */
interface Run {
  ingest: unknown;
  cube: Cube;
  sections: string;
}

const serialise = (x: unknown): string =>
  JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));

function ingestPart(r: IngestResult): unknown {
  const { dataset: _rows, sources, ...rest } = r;
  return {
    ...rest,
    keyOrder: [rest.rejectCounts, rest.warningCounts, rest.missingCounts].map((o) => Object.keys(o)),
    sources: sources.map(({ counts, header, name, sha256 }) => ({ counts, header, name, sha256 })),
  };
}

function context(
  ingest: IngestResult,
  cube: Cube,
  { year, compare }: { year: number; compare?: number },
  rows?: OrgRows,
): AnalysisContext {
  return {
    cube,
    rows: rows ? rowsInput(rows) : inputRows(ingest.dataset),
    regions,
    fieldsOfActivity,
    gazetteer: loadChinaGazetteer,
    options: {
      seed: 1,
      config: analysisConfig({ framework, rules }),
      extra: {
        supervision: {
          listOrganizations: true,
          ...(ingest.dataset.shape === 'panel' ? { year, alsoAsOf: compare === undefined ? [] : [compare] } : {}),
        },
      },
    },
    log: createLogger(),
  };
}

async function inMemory(paths: string[], years: { year: number; compare: number }): Promise<Run> {
  const ingest = await ingestFiles(paths, { profile, regions, logger: createLogger() });
  const cube = cubeFromDataset(ingest.dataset, { governanceFields: governance });
  const ctx = context(ingest, cube, years);
  const analyses = runAnalyses(ctx);
  const bulletin = ingest.dataset.shape === 'panel' ? bulletinSection(ctx, years) : null;
  return { ingest: ingestPart(ingest), cube, sections: serialise({ analyses, bulletin }) };
}

/** Spilled rows whose chunks are summed into a cube as they come (as `loadAnalysisContext` does). */
function spilledWithCube(
  make: (o: ConstructorParameters<typeof SpilledOrgRows>[0]) => SpilledOrgRows,
  chunkRows?: number,
): { rows: SpilledOrgRows; cube: () => Cube } {
  let acc: CubeAccumulator | null = null;
  const rows = make({
    chunkRows,
    spillParent,
    onChunk: (chunk) => (acc ??= new CubeAccumulator({ governanceFields: governance })).add(chunk),
    onReset: () => (acc = null),
  });
  return { rows, cube: () => acc!.finish() };
}

async function streamed(
  paths: string[],
  years: { year: number; compare: number },
  opts: { chunkRows?: number; parallel?: IngestOptions['parallel'] } = {},
): Promise<Run & { streamed: boolean }> {
  const { rows, cube: cubeOf } = spilledWithCube((o) => new SpilledOrgRows(o), opts.chunkRows);
  try {
    const ingest = await ingestFiles(paths, {
      profile,
      regions,
      logger: createLogger(),
      chunks: rows.sink,
      parallel: opts.parallel,
    });
    const source = rows.settle(ingest)!;
    if (!rows.streamed) {
      const cube = cubeFromDataset(ingest.dataset, { governanceFields: governance });
      const ctx = context(ingest, cube, years, source);
      return {
        ingest: ingestPart(ingest),
        cube,
        sections: serialise({ analyses: runAnalyses(ctx), bulletin: null }),
        streamed: false,
      };
    }
    const cube = cubeOf();
    const ctx = context(ingest, cube, years, source);
    expect(ingest.dataset.length).toBe(0); // the rows went to the spill
    // the same analyses as in memory, the spill read part by part
    const analyses = runAnalyses(ctx);
    const bulletin = bulletinSection(ctx, years);
    return { ingest: ingestPart(ingest), cube, sections: serialise({ analyses, bulletin }), streamed: true };
  } finally {
    rows.close();
  }
}

function expectSame(a: Run, b: Run): void {
  expect(b.ingest).toEqual(a.ingest);
  expect(b.cube).toEqual(a.cube);
  expect(b.sections.length).toBe(a.sections.length);
  expect(b.sections).toBe(a.sections);
}

describe('streamed analyze gives the in-memory results', () => {
  it('on a damaged panel with shuffled rows, read in chunks of 97 rows', async () => {
    const path = write(shuffled(panel(120, 3), 3));
    const years = { year: 2024, compare: 2021 };
    const ref = await inMemory([path], years);
    const st = await streamed([path], years, { chunkRows: 97 });
    expect(st.streamed).toBe(true);
    expectSame(ref, st);
    // the organizations were flagged and listed: the comparison covers the warnings
    expect(st.sections).toContain('"flaggedOrganizations":[{');
  });

  // one-row chunks on a smaller panel (about 100 rows): every chunk is its own part of the spill
  it.each([
    [21, 1, 15],
    [22, 13, 50],
    [23, 500, 50],
  ])(
    'on a damaged panel (quoted line breaks, duplicates, bad cells; seed %i), in chunks of %i rows (%i organizations)',
    async (seed, chunkRows, orgs) => {
      const path = write(damagedPanel(seed, orgs, regions));
      const years = { year: 2024, compare: 2019 };
      expectSame(await inMemory([path], years), await streamed([path], years, { chunkRows }));
    },
  );

  it('read by byte ranges (inline), and when a range is cut inside a record after rows were handed over', async () => {
    const text = shuffled(panel(80, 5), 5);
    const path = write(text);
    const bytes = Buffer.byteLength(text);
    const years = { year: 2023, compare: 2020 };
    const ref = await inMemory([path], years);
    const seen: ParallelInfo['outcome'][] = [];
    const parallel = {
      inline: true,
      minBytes: 0,
      splitAt: [0.15, 0.4, 0.41, 0.7].map((f) => Math.floor(bytes * f)),
      onInfo: (i: ParallelInfo) => seen.push(i.outcome),
    };
    expectSame(ref, await streamed([path], years, { parallel }));
    // a quoted name with a line break in the third range, cut inside it: the first two ranges
    // went to the spill before the merge refused the third; the file is read again sequentially
    const damaged = damagedPanel(31, 60, regions);
    const buf = Buffer.from(damaged);
    const quoted = buf.indexOf('\n分会', Math.floor(buf.length * 0.6));
    expect(quoted).toBeGreaterThan(0);
    const pathQ = write(damaged);
    const refQ = await inMemory([pathQ], years);
    expectSame(
      refQ,
      await streamed([pathQ], years, {
        parallel: { ...parallel, splitAt: [Math.floor(quoted * 0.3), Math.floor(quoted * 0.6), quoted] },
      }),
    );
    expect(seen).toEqual(['parallel', 'split-inside-record']);
  });

  it('on two files whose columns differ (one lacks some; the fields are joined)', async () => {
    const a = panel(40, 7, [2018, 2021]);
    const b = panel(40, 8, [2022, 2024]);
    const [headB, ...restB] = b.trimEnd().split('\n');
    const drop = ['volunteers', 'rating', 'gov_projects'].map((f) => headB.split(',').indexOf(f));
    const cut = (line: string) =>
      line
        .split(',')
        .filter((_c, i) => !drop.includes(i))
        .join(',');
    const paths = [write(a), write([cut(headB), ...restB.map(cut)].join('\n') + '\n')];
    const years = { year: 2024, compare: 2020 };
    expectSame(await inMemory(paths, years), await streamed(paths, years, { chunkRows: 50 }));
    // the other way round: the second file brings columns the first lacks (the first file's
    // rows, alone in some spill buckets, read as missing them)
    const [headA, ...restA] = a.trimEnd().split('\n');
    const reversed = [write([cut(headA), ...restA.map(cut)].join('\n') + '\n'), write(b)];
    expectSame(await inMemory(reversed, years), await streamed(reversed, years, { chunkRows: 50 }));
  });

  it('keeps a registry list in memory (its cube needs the latest year of all rows first)', async () => {
    const text = panel(60, 9, [2024, 2024]);
    const [head, ...lines] = text.trimEnd().split('\n');
    const yearAt = head.split(',').indexOf('year');
    const drop = (l: string) =>
      l
        .split(',')
        .filter((_c, i) => i !== yearAt)
        .join(',');
    const path = write([drop(head), ...lines.map(drop)].join('\n') + '\n');
    const years = { year: 2024, compare: 2023 };
    const st = await streamed([path], years, { chunkRows: 7 });
    expect(st.streamed).toBe(false);
    expectSame(await inMemory([path], years), st);
  });

  it('leaves no spill files behind', () => {
    expect(readdirSync(spillParent)).toEqual([]);
  });
});

const DIST = join(ROOT, process.env.SOQA_TEST_DIST ?? 'dist');
const builtWorker = existsSync(join(DIST, 'ingest', 'parallel', 'ingest-range-worker.js'));

describe('streamed read by ranges in worker threads (built code)', () => {
  it.skipIf(!builtWorker)('hands the ranges over in order: the same rows as the sequential streamed read', async () => {
    const built = (await import(pathToFileURL(join(DIST, 'ingest', 'rows', 'spilled-org-rows.js')).href)) as {
      SpilledOrgRows: typeof SpilledOrgRows;
    };
    const ingestBuilt = (await import(pathToFileURL(join(DIST, 'ingest', 'ingest-files.js')).href)) as {
      ingestFiles: typeof ingestFiles;
    };
    const text = shuffled(panel(150, 11), 11);
    const path = write(text);
    const bytes = Buffer.byteLength(text);
    const run = async (parallel?: IngestOptions['parallel']) => {
      const { rows, cube: cubeOf } = spilledWithCube((o) => new built.SpilledOrgRows(o), 100);
      try {
        const ingest = await ingestBuilt.ingestFiles([path], {
          profile,
          regions,
          logger: createLogger(),
          chunks: rows.sink,
          parallel,
        });
        const cube = cubeOf();
        const ctx = context(ingest, cube, { year: 2024 }, rows.settle(ingest)!) as RowsContext;
        const [model] = supervisionModels(ctx, [2024]);
        return serialise({ ingest: ingestPart(ingest), cube, section: supervisionSection(ctx, model, true) });
      } finally {
        rows.close();
      }
    };
    const seen: string[] = [];
    // seven ranges on two workers: each worker takes the next range when it is done
    const par = await run({
      workers: 2,
      minBytes: 0,
      splitAt: [1, 2, 3, 4, 5, 6].map((k) => Math.floor((bytes * k) / 7)),
      onInfo: (i) => seen.push(`${i.outcome} ${(i.bounds?.length ?? 0) - 1}`),
    });
    expect(seen).toEqual(['parallel 7']);
    expect(par).toBe(await run());
  });
});
