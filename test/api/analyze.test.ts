import { afterAll, describe, expect, it, vi } from 'vitest';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, render, SoqaError, isSoqaError, EXIT, MeasureError, gini, type Problem } from '../../src/index.js';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { serializeResults } from '../../src/results/build-results.js';
import { runCommand } from '../helpers/run-command.js';
import { fixture, freshDir, removeFreshDirs } from '../helpers/run-soqa.js';

// The programmatic API (src/api): the same pipeline as `soqa analyze`, nothing printed,
// typed errors. Expected values are read off the fixtures by hand (each case says how) or
// compared with what the CLI command writes for the same input.

afterAll(removeFreshDirs);

/** Fail the test if anything is written to the process's stdout or stderr while `f` runs. */
async function silently<T>(f: () => Promise<T>): Promise<T> {
  const out = vi.spyOn(process.stdout, 'write');
  const err = vi.spyOn(process.stderr, 'write');
  try {
    return await f();
  } finally {
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    out.mockRestore();
    err.mockRestore();
  }
}

describe('analyze()', () => {
  it('gives the results.json the CLI writes for the same file, byte for byte, and prints nothing', async () => {
    const dir = freshDir();
    const cli = await runCommand(registerAnalyze, [
      'analyze',
      fixture('good-utf8.csv'),
      '-o',
      dir,
      '--format',
      'json',
      '-q',
    ]);
    expect(cli.error).toBeNull();
    const { results, rejects, warnings } = await silently(() => analyze({ files: fixture('good-utf8.csv') }));
    expect(serializeResults(results)).toBe(readFileSync(join(dir, 'results.json'), 'utf8'));
    // good-utf8.csv: 7 data lines, none rejected
    expect(results.provenance.rows).toMatchObject({ read: 7, accepted: 7, rejected: 0 });
    expect(rejects).toEqual([]);
    expect(warnings.length).toBe(Object.values(results.quality.warningsByCode).reduce((a, b) => a + b, 0));
  });

  it('returns each rejected row with its line and code (duplicate-rows.csv: lines 5 and 6 repeat lines 3 and 4)', async () => {
    const { results, rejects } = await analyze({ files: [fixture('duplicate-rows.csv')] });
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [5, 'R_DUPLICATE'],
      [6, 'R_DUPLICATE'],
    ]);
    expect(results.provenance.rows).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
  });

  it('streams rejects to onReject instead of collecting them', async () => {
    const seen: Problem[] = [];
    const { rejects } = await analyze({ files: [fixture('duplicate-rows.csv')], onReject: (r) => seen.push(r) });
    expect(rejects).toEqual([]);
    expect(seen.map((r) => r.line)).toEqual([5, 6]);
  });

  it('reads a stream as the file it holds (same bytes and name: same results)', async () => {
    const fromFile = await analyze({ files: [fixture('good-utf8.csv')] });
    const fromStream = await analyze({ stream: createReadStream(fixture('good-utf8.csv')), name: 'good-utf8.csv' });
    expect(serializeResults(fromStream.results)).toBe(serializeResults(fromFile.results));
  });

  it('reads rows in memory, checked like a file: the counts of duplicate-rows.csv', async () => {
    // the five rows of duplicate-rows.csv, numbers as numbers
    const row = (org_id: string, name: string, type: string, region: number, year: number, staff: number) => ({
      org_id,
      name,
      type,
      region,
      registered: new Date(Date.UTC(type === 'social_group' ? 2015 : 2016, 0, 1)),
      year,
      staff_fulltime: staff,
    });
    const a = ['51150100MJ0006014L', '呼和浩特市围棋协会', 'social_group', 150100] as const;
    const b = ['52150200MJ0006022H', '包头市心理咨询服务中心', 'private_non_enterprise', 150200] as const;
    const rows = [row(...a, 2023, 2), row(...a, 2024, 3), row(...b, 2024, 6), row(...a, 2024, 3), row(...b, 2024, 7)];
    const { results, rejects } = await analyze({ rows });
    expect(results.provenance.inputs[0].file).toBe('rows.csv');
    // the rows are written with their header on line 1, so rows 4 and 5 are lines 5 and 6
    expect(rejects.map((r) => [r.file, r.line, r.code])).toEqual([
      ['rows.csv', 5, 'R_DUPLICATE'],
      ['rows.csv', 6, 'R_DUPLICATE'],
    ]);
    expect(results.counts).toEqual((await analyze({ files: [fixture('duplicate-rows.csv')] })).results.counts);
  });

  it('throws SoqaError with the CLI codes: unusable input (2), bad options (3)', async () => {
    const missing = await analyze({ files: [fixture('missing-column.csv')] }).catch((e: unknown) => e);
    expect(isSoqaError(missing)).toBe(true);
    expect(missing).toBeInstanceOf(SoqaError);
    expect(missing).toMatchObject({ code: 'E_MISSING_COLUMN', exitCode: EXIT.UNUSABLE_INPUT });
    await expect(analyze({ formats: ['pdf' as 'md'], outDir: freshDir() })).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
      exitCode: EXIT.BAD_OPTIONS,
    });
    await expect(analyze({ files: [fixture('good-utf8.csv')], year: 2019 })).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
    });
    await expect(analyze({ files: [fixture('good-utf8.csv')], core: ['999999'] })).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
    });
    await expect(analyze({ files: [fixture('good-utf8.csv')], rows: [] })).rejects.toMatchObject({
      code: 'E_BAD_OPTION',
    });
    expect(() => gini([])).toThrow(MeasureError);
  });

  it('with year/compare adds the bulletin (good-utf8.csv has 2023 and 2024)', async () => {
    const { results } = await analyze({ files: [fixture('good-utf8.csv')], year: 2024 });
    expect(results.provenance.options).toMatchObject({ year: 2024, compare: 2023 });
    expect(results.analyses.bulletin).toBeDefined();
  });

  it('with core records it and uses it (good-utf8.csv: core 150200 holds 1 of the 4 organizations of 2024)', async () => {
    const { results } = await analyze({ files: [fixture('good-utf8.csv')], core: ['150200'] });
    expect(results.provenance.options.core).toBe('150200');
    const spatial = results.analyses.spatial as { byYear: { year: number; all: { core: { share: number } } }[] };
    // 2024: 150100 ×2 (志愿服务协会, 书法家协会), 150200 ×1, 150600 ×1
    expect(spatial.byYear.find((y) => y.year === 2024)?.all.core.share).toBeCloseTo(1 / 4, 12);
  });
});

describe('render()', () => {
  it('writes what soqa report writes (here md and json), logs instead of printing', async () => {
    const { results } = await analyze({ files: [fixture('good-utf8.csv')] });
    const dir = join(freshDir(), 'out');
    const out = await silently(() => render(results, { outDir: dir, formats: ['md', 'json'], lang: 'en' }));
    expect(out.outDir).toBe(dir);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe(serializeResults(results));
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# /);
    expect(existsSync(join(dir, 'tables'))).toBe(true);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(out.log.some((e) => e.code === 'I_NOTE' && e.message.includes('report.md'))).toBe(true);
  });

  it('refuses results that do not match the schema (E_RESULTS_INVALID, exit code 2)', async () => {
    await expect(render({} as never, { outDir: join(freshDir(), 'x') })).rejects.toMatchObject({
      code: 'E_RESULTS_INVALID',
      exitCode: EXIT.UNUSABLE_INPUT,
    });
  });
});
