import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOutputs, startDrawing } from '../../../src/cli/pipeline/render-outputs.js';
import { loadFonts } from '../../../src/cli/fonts/load-fonts.js';
import { main } from '../../../src/cli/main.js';
import { createLogger } from '../../../src/core/logger.js';
import { CHART_NAMES } from '../../../src/render/charts/chart-registry.js';
import { serializeResults } from '../../../src/results/build-results.js';
import type { Results } from '../../../src/results/results.js';
import { sampleResults } from './results-fixture.js';
import { withLisa } from '../charts/map-fixtures.js';
import { sectionFeed } from '../../../src/api/section-feed.js';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'soqa-render-'));
  dirs.push(d);
  return d;
};
const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      stderrIsTTY: false,
    },
  };
};

let full: Results;
beforeAll(async () => {
  full = withLisa(await sampleResults());
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('renderOutputs', () => {
  // One test for both: a plain run and a run whose charts were started on results whose
  // sections came one by one, each chart built once its section was there (analyze draws the
  // charts so while its later analyses and supervision run: no chart reads supervision) give
  // the same bytes, which also shows a second run repeats the first.
  it('writes every chart (spec, SVG, PNG with a CJK font) and both reports; charts drawn as their sections come give the same bytes', async () => {
    const formats = new Set(['md', 'html', 'svg', 'png'] as const);
    const [a, b] = [fresh(), fresh()];
    const log = createLogger();
    const s = io();
    const out = await renderOutputs(full, a, { formats, lang: 'zh' }, s.io, log);
    // the second run skips the (slow) PNGs; PNG determinism is checked on one chart below
    const noPng = new Set(['md', 'html', 'svg'] as const);
    const preview = { ...structuredClone(full), analyses: {} } as Results;
    const sections = ['indicators', 'spatial', 'trends', 'staff', 'tension'] as const;
    const feed = sectionFeed(sections);
    const drawing = startDrawing(preview, { formats: noPng, lang: 'zh', ready: feed.ready });
    for (const name of sections) {
      await new Promise((resolve) => setImmediate(resolve));
      Object.assign(preview.analyses, { [name]: structuredClone(full.analyses[name]) });
      feed.done(name);
    }
    await renderOutputs(full, b, { formats: noPng, lang: 'zh', quiet: true, drawing }, io().io, createLogger());
    await drawing.close(); // a second close does nothing
    expect(out.files).toEqual(['report.md', 'report.html']);
    expect(out.charts).toEqual(CHART_NAMES);
    expect(s.out.stderr).toContain(`${CHART_NAMES.length}张图（charts/）`);
    const files = (d: string) =>
      [
        ...readdirSync(d).filter((f) => f !== 'charts'),
        ...readdirSync(join(d, 'charts')).map((f) => `charts/${f}`),
      ].sort();
    expect(files(b)).toEqual(files(a).filter((f) => !f.endsWith('.png')));
    for (const f of files(b)) expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));
    const fonts = loadFonts();
    for (const name of CHART_NAMES) {
      for (const ext of ['vl.json', 'svg']) expect(files(b)).toContain(`charts/${name}.${ext}`);
      expect(existsSync(join(a, 'charts', `${name}.png`))).toBe(fonts !== null);
      if (fonts) expect(readFileSync(join(a, 'charts', `${name}.png`)).subarray(0, 4)).toEqual(PNG);
    }
    const md = readFileSync(join(a, 'report.md'), 'utf8');
    for (const name of CHART_NAMES) expect(md).toContain(`(<charts/${name}.svg>)`);
    const html = readFileSync(join(a, 'report.html'), 'utf8');
    expect((html.match(/<figure/g) ?? []).length).toBe(CHART_NAMES.length);
    expect(html).not.toMatch(/<script|https?:\/\//i);
    expect(log.entries.filter((e) => e.level === 'warn')).toEqual(
      fonts ? [] : [expect.objectContaining({ code: 'W_NO_CJK_FONT' })],
    );
    if (fonts) {
      const c = fresh();
      await renderOutputs(
        full,
        c,
        { formats: new Set(['png']), lang: 'zh', only: ['lorenz'], quiet: true },
        io().io,
        createLogger(),
      );
      expect(readFileSync(join(c, 'charts', 'lorenz.png'))).toEqual(readFileSync(join(a, 'charts', 'lorenz.png')));
    }
  }, 180_000); // every chart and map drawn twice: about a minute on a busy 2-core host

  it('writes only what --format asks for', async () => {
    const d = fresh();
    await renderOutputs(full, d, { formats: new Set(['md']), lang: 'en', quiet: true }, io().io, createLogger());
    expect(readdirSync(d)).toEqual(['report.md']);
    expect(readFileSync(join(d, 'report.md'), 'utf8')).not.toContain('![');
    const h = fresh();
    await renderOutputs(full, h, { formats: new Set(['html']), lang: 'en', quiet: true }, io().io, createLogger());
    expect(readdirSync(h)).toEqual(['report.html']);
    expect(readFileSync(join(h, 'report.html'), 'utf8')).toContain('<figure');
  });

  it('draws only the charts named in `only`, and warns about one without data', async () => {
    const d = fresh();
    const r = structuredClone(full);
    delete r.analyses.spatial;
    const log = createLogger();
    const out = await renderOutputs(
      r,
      d,
      { formats: new Set(['svg']), lang: 'zh', only: ['lorenz', 'zone-shares'], quiet: true },
      io().io,
      log,
    );
    expect(out.charts).toEqual(['zone-shares']);
    expect(readdirSync(join(d, 'charts')).sort()).toEqual(['zone-shares.svg', 'zone-shares.vl.json']);
    expect(log.entries).toEqual([expect.objectContaining({ level: 'warn', code: 'W_CHART_NO_DATA' })]);
  });
  it('startDrawing does not throw: what stops the drawing comes out of renderOutputs', async () => {
    const was = process.env.SOQA_THREADS;
    process.env.SOQA_THREADS = 'many';
    try {
      const drawing = startDrawing(full, { formats: new Set(['svg']), lang: 'en' });
      await expect(
        renderOutputs(
          full,
          fresh(),
          { formats: new Set(['svg']), lang: 'en', quiet: true, drawing },
          io().io,
          createLogger(),
        ),
      ).rejects.toThrow(/SOQA_THREADS/);
    } finally {
      if (was === undefined) delete process.env.SOQA_THREADS;
      else process.env.SOQA_THREADS = was;
    }
  });
});

describe('soqa report / soqa chart', () => {
  it('re-renders from a results file, and refuses one that is not valid (exit 2)', async () => {
    const d = fresh();
    writeFileSync(join(d, 'results.json'), serializeResults(full));
    writeFileSync(join(d, '.soqa-output'), '');
    const ok = io();
    expect(await main(['report', join(d, 'results.json'), '--format', 'md,html', '--lang', 'en', '-q'], ok.io)).toBe(0);
    expect(readFileSync(join(d, 'report.md'), 'utf8').split('\n')[0]).toContain(full.notice!.en.slice(0, 20));

    const bad = join(d, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, soqa: { version: 'x' } }));
    const e1 = io();
    expect(await main(['report', bad, '--out', fresh()], e1.io)).toBe(2);
    expect(e1.out.stderr).toContain('E_RESULTS_INVALID');
    expect(e1.out.stderr).toContain('not a valid soqa results file');

    const notJson = join(d, 'not.json');
    writeFileSync(notJson, '{ "schemaVersion": 1,');
    const e2 = io();
    expect(await main(['report', notJson], e2.io)).toBe(2);
    expect(e2.out.stderr).toContain('E_RESULTS_JSON');

    const e3 = io();
    expect(await main(['report', join(d, 'missing.json')], e3.io)).toBe(2);
    expect(e3.out.stderr).toContain('no such file');
  });

  it('validates --lang and --format at the boundary (exit 3)', async () => {
    const d = fresh();
    writeFileSync(join(d, 'results.json'), serializeResults(full));
    const a = io();
    expect(await main(['report', join(d, 'results.json'), '--lang', 'fr'], a.io)).toBe(3);
    expect(a.out.stderr).toContain('--lang');
    const b = io();
    expect(await main(['report', join(d, 'results.json'), '--format', 'md,pdf'], b.io)).toBe(3);
    expect(b.out.stderr).toContain('--format');
    const c = io();
    expect(await main(['chart', join(d, 'results.json'), '--only', 'lorenz,pie'], c.io)).toBe(3);
    expect(c.out.stderr).toContain('lorenz');
  });

  it('soqa chart --only lorenz draws that one chart', async () => {
    const d = fresh();
    writeFileSync(join(d, 'results.json'), serializeResults(full));
    const out = fresh();
    expect(
      await main(
        ['chart', join(d, 'results.json'), '--only', 'lorenz', '--format', 'svg', '--out', out, '-q'],
        io().io,
      ),
    ).toBe(0);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['lorenz.svg', 'lorenz.vl.json']);
    const r = structuredClone(full);
    delete r.analyses.spatial;
    writeFileSync(join(d, 'nospatial.json'), serializeResults(r));
    const e = io();
    expect(
      await main(['chart', join(d, 'nospatial.json'), '--only', 'lorenz', '--format', 'svg', '--out', fresh()], e.io),
    ).toBe(2);
    expect(e.out.stderr).toContain('analyses.spatial');
  });
});
