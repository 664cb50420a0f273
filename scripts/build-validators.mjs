#!/usr/bin/env node
// Part of `npm run build`: compiles every JSON Schema in schemas/ into a standalone ajv
// validator (dist/validators/<schema>.cjs) so that a run does not compile schemas (~0.3 s)
// or even load ajv. Each module records the SHA-256 of the schema text it was made from;
// src/ingest/read-json-config.ts uses it only when the schema file is unchanged and
// compiles the schema itself otherwise. The ajv options here must equal the runtime ones
// there (SCHEMA_AJV_OPTIONS).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { SCHEMA_AJV_OPTIONS } = await import(join(root, 'dist/ingest/schema-ajv-options.js'));
const out = join(root, 'dist/validators');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(join(root, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const text = readFileSync(join(root, 'schemas', name), 'utf8');
  const ajv = new Ajv({ ...SCHEMA_AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(text));
  const sha256 = createHash('sha256').update(text).digest('hex');
  const code = `${standaloneCode(ajv, validate)}\nmodule.exports.schemaSha256 = ${JSON.stringify(sha256)};\n`;
  const file = join(out, `${name.replace(/\.json$/, '')}.cjs`);
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file);
}
