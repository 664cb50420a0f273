import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixture, freshDir, removeFreshDirs } from '../helpers/run-soqa.js';

// The package as users install it: `npm pack` (of the built dist/, scripts skipped), the
// tarball unpacked into node_modules/soqa of an empty project, and used from there. No
// network: the tarball's runtime dependencies are linked from this repository's
// node_modules (what `npm install soqa-x.y.z.tgz` would fetch), so an import of anything
// else, or of a file the tarball lacks, fails here as it would for a user.

afterAll(removeFreshDirs);

interface PackEntry {
  path: string;
  size: number;
}
let tarball: string;
let entries: PackEntry[];
let packedSize: number;
let project: string;

const run = (args: string[], cwd: string) =>
  spawnSync(args[0], args.slice(1), {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, NO_COLOR: '1' },
  });

beforeAll(() => {
  const dest = freshDir('soqa-pack-');
  const r = run(['npm', 'pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  expect(r.status, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as { filename: string; size: number; files: PackEntry[] }[];
  tarball = join(dest, info.filename);
  entries = info.files;
  packedSize = info.size;
  project = freshDir('soqa-user-');
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "user", "version": "1.0.0", "private": true, "type": "module" }\n',
  );
  const modules = join(project, 'node_modules');
  mkdirSync(modules);
  const untar = run(['tar', '-xzf', tarball, '-C', project], project);
  expect(untar.status, untar.stderr).toBe(0);
  renameSync(join(project, 'package'), join(modules, 'soqa'));
  const pkg = JSON.parse(readFileSync(join(modules, 'soqa', 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dep of Object.keys(pkg.dependencies)) {
    const target = join(modules, dep);
    mkdirSync(join(target, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), target, 'dir');
  }
  copyFileSync(fixture('good-utf8.csv'), join(project, 'registry.csv'));
}, 240_000);

describe('the packed package', () => {
  it('holds dist, data, config, schemas, README, licences and attribution, and no tests or sources', () => {
    const paths = entries.map((e) => e.path);
    for (const p of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/soqa.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/api/analyze.d.ts',
      'dist/validators/results.schema.cjs',
      'dist/bundle/main.js',
      'dist/bundle/chart-worker.js',
      'dist/bundle/ingest-range-worker.js',
      'data/sample/inner-mongolia-panel.csv.gz',
      'data/regions/inner-mongolia.json',
      'data/boundaries/README.md',
      'config/profiles/default.json',
      'schemas/results.schema.json',
      'sources/china-census-2020/LICENSE',
      'sources/china-census-2020/README.md',
      'docs/API.md',
    ])
      expect(paths, p).toContain(p);
    expect(paths.filter((p) => /^(test|src|scripts|examples|reports)\/|\.map$|\.test\./.test(p))).toEqual([]);
    // README "Install" states the size: about 11 MB, 10.0 MB of it the built-in sample
    expect(packedSize).toBeLessThan(12 * 1024 * 1024);
  });

  it('imports, runs a measure, analyze() on a small file and render(), with nothing beside it', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import * as soqa from 'soqa';
const { results, rejects } = await soqa.analyze({ files: ['registry.csv'] });
const { outDir } = await soqa.render(results, { outDir: 'out', formats: ['md', 'json'], lang: 'en' });
console.log(JSON.stringify({
  exports: ['analyze', 'render', 'gini', 'SoqaError', 'MeasureError', 'EXIT'].filter((k) => k in soqa),
  gini: soqa.gini([0, 0, 0, 1]),
  rows: results.provenance.rows,
  rejects: rejects.length,
  outDir,
}));
`,
    );
    const r = run([process.execPath, 'use.mjs'], project);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(got.exports).toEqual(['analyze', 'render', 'gini', 'SoqaError', 'MeasureError', 'EXIT']);
    // one holder of everything among 4: Gini = (n − 1)/n = 0.75
    expect(got.gini).toBeCloseTo(0.75, 12);
    // good-utf8.csv: 7 data rows, all valid
    expect(got.rows).toMatchObject({ read: 7, accepted: 7, rejected: 0 });
    expect(got.rejects).toBe(0);
    expect(got.outDir).toBe(join(project, 'out'));
    expect(readFileSync(join(project, 'out', 'report.md'), 'utf8')).toMatch(/^# /);
    const written = JSON.parse(readFileSync(join(project, 'out', 'results.json'), 'utf8')) as {
      provenance: { inputs: { file: string }[] };
    };
    expect(written.provenance.inputs[0].file).toBe('registry.csv');
  });

  it('declares the API types in dist/index.d.ts', () => {
    const dts = readFileSync(join(project, 'node_modules', 'soqa', 'dist', 'index.d.ts'), 'utf8');
    expect(dts).toContain("export * from './api/index.js'");
    const api = readFileSync(join(project, 'node_modules', 'soqa', 'dist', 'api', 'index.d.ts'), 'utf8');
    expect(api).toMatch(/export \{ analyze \}/);
    expect(api).toMatch(/AnalyzeOptions, AnalyzeOutput/);
  });

  it('runs its command line on the small file and lists its built-in profiles', () => {
    const bin = join(project, 'node_modules', 'soqa', 'bin', 'soqa.js');
    const small = run(
      [process.execPath, bin, 'analyze', 'registry.csv', '-o', 'cli', '--format', 'json', '-q'],
      project,
    );
    expect(small.status, small.stderr).toBe(0);
    expect(existsSync(join(project, 'cli', 'results.json'))).toBe(true);
    const profiles = run([process.execPath, bin, 'profiles'], project);
    expect(profiles.status, profiles.stderr).toBe(0);
    expect(profiles.stdout).toContain('cn-registry');
  });
});
