import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeResults } from '../../src/results/build-results.js';
import { expectValidResultsFile } from '../helpers/expect-valid-results.js';
import { runMain } from '../helpers/run-command.js';
import { fixture, freshDir } from '../helpers/run-soqa.js';
import { sampleResults } from '../render/report/results-fixture.js';

// schemas/results.schema.json is the contract of results.json: its `analyses` part is generated
// from the section types by scripts/build-results-schema.mjs. The other results.json files the
// repository produces are checked where their tests already write them: --each region
// (test/api/each-region.test.ts, with skipped spatial sections), the bulletin
// (test/cli/bulletin.e2e.test.ts), the national aggregate (test/cli/aggregate-national.e2e.test.ts,
// supervision skipped) and the IRS fixture (test/cli/irs-eo-bmf.e2e.test.ts).

const SCHEMA = fileURLToPath(new URL('../../schemas/results.schema.json', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/build-results-schema.mjs', import.meta.url));

type Node = Record<string, unknown>;

/** Every subschema of `node` with its JSON pointer. */
function* subschemas(node: unknown, path = '#'): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [path, node as Node];
  for (const [k, v] of Object.entries(node)) yield* subschemas(v, `${path}/${k}`);
}

describe('schemas/results.schema.json', () => {
  const text = readFileSync(SCHEMA, 'utf8');
  const schema = JSON.parse(text) as { definitions: Record<string, Node> };

  it('is what scripts/build-results-schema.mjs generates from the section types', () => {
    const fresh = execFileSync(process.execPath, [SCRIPT, '--stdout'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // on failure: run `npm run schema:results` after changing a section type, and commit the schema
    expect(fresh === text, 'schemas/results.schema.json differs from a fresh `npm run schema:results`').toBe(true);
  }, 180_000);

  it('describes every analysis section, down to closed objects and typed leaves', () => {
    const sections = schema.definitions.AnalysesSections.properties as Record<string, Node>;
    expect(Object.keys(sections).sort()).toEqual([
      'bulletin',
      'indicators',
      'spatial',
      'staff',
      'supervision',
      'tension',
      'trends',
      'unit',
    ]);
    // spatial and supervision: the section or the skip note, told apart by `skipped: true`
    for (const name of ['spatial', 'supervision'])
      expect(sections[name].then, name).toEqual({ $ref: '#/definitions/SkippedSection' });
    const analyses = Object.entries(schema.definitions).filter(([name]) => /^[A-Z]/.test(name));
    for (const [name, def] of analyses)
      for (const [path, node] of subschemas(def, `#/definitions/${name}`)) {
        // every object is closed (or a map whose values have a schema): no property goes unchecked
        if (node.type === 'object' && !path.includes('/if'))
          expect(node.additionalProperties, path).not.toBe(undefined);
        // nothing the generator could not read
        expect(node.description, path).not.toBe('Failed to correctly infer type');
      }
  });

  it("the sample's results.json validates (the same file in zh and en: the language is the renderers')", async () => {
    const file = join(freshDir(), 'results.json');
    writeFileSync(file, serializeResults(await sampleResults()));
    expectValidResultsFile(file);
  });

  it('the cn-registry fixture (--profile cn-registry) and a streamed run (--stream always) write valid results.json', async () => {
    const cn = join(freshDir(), 'cn');
    const registry = fixture('cn-registry/registry.csv');
    const a = await runMain(['analyze', registry, '--profile', 'cn-registry', '-o', cn, '--format', 'json', '-q']);
    expect(a.status, a.stderr).toBe(0);
    expectValidResultsFile(join(cn, 'results.json'));
    const streamed = join(freshDir(), 'streamed');
    const b = await runMain([
      'analyze',
      fixture('good-utf8.csv'),
      '--stream',
      'always',
      '-o',
      streamed,
      '--format',
      'json',
      '-q',
    ]);
    expect(b.status, b.stderr).toBe(0);
    expectValidResultsFile(join(streamed, 'results.json'));
  });
});
