import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SCHEMA_AJV_OPTIONS } from '../../src/ingest/schema-ajv-options.js';

// `npm test` runs `npm run build` first, which writes dist/validators/ with
// scripts/build-validators.mjs; the CLI uses those, and so does vitest's src/ build when they
// were made from the current schema text (else it compiles at run time).
const root = new URL('../../', import.meta.url);
const require = createRequire(import.meta.url);
const built = (name: string) => new URL(`dist/validators/${name.replace(/\.json$/, '.cjs')}`, root);
const read = (rel: string) => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));

/** Shipped config files, and a few broken copies, per schema. */
const CASES: Record<string, unknown[]> = {
  'profile.schema.json': [
    'config/profiles/default.json',
    'config/profiles/cn-registry.json',
    'config/profiles/irs-eo-bmf.json',
  ].map(read),
  'framework.schema.json': [read('config/framework/default.json')],
  'rules.schema.json': [read('config/rules/default.json')],
  'regions.schema.json': [
    'data/regions/inner-mongolia.json',
    'data/regions/us-states.json',
    'data/regions/china.json',
  ].map(read),
};
for (const list of Object.values(CASES)) {
  const first = list[0] as Record<string, unknown>;
  list.push({ ...first, id: 7 }, { ...first, unexpected: true }, {}, [], null, 'text');
}

describe.skipIf(!existsSync(built('profile.schema.json')))('precompiled schema validators (dist/validators)', () => {
  for (const [schema, docs] of Object.entries(CASES)) {
    it(`${schema}: made from the current schema text, and judges like ajv.compile (same verdict, same errors)`, () => {
      const text = readFileSync(new URL(`schemas/${schema}`, root), 'utf8');
      const mod = require(built(schema).pathname) as { default: ValidateFunction; schemaSha256: string };
      expect(mod.schemaSha256).toBe(createHash('sha256').update(text).digest('hex'));
      const runtime = new Ajv(SCHEMA_AJV_OPTIONS).compile(JSON.parse(text));
      let invalid = 0;
      for (const doc of docs) {
        const a = runtime(doc);
        const b = mod.default(doc);
        expect(b).toBe(a);
        expect(mod.default.errors ?? null).toEqual(runtime.errors ?? null);
        if (!a) invalid++;
      }
      // the broken copies really are broken (the comparison covered error lists)
      expect(invalid).toBeGreaterThanOrEqual(4);
    });
  }
});
