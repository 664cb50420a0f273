import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import { SoqaError } from '../core/soqa-error.js';
import { packageRoot } from '../core/package-root.js';
import * as msg from '../core/messages/index.js';

import { SCHEMA_AJV_OPTIONS } from './schema-ajv-options.js';

const require = createRequire(import.meta.url);
let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

/**
 * Read a JSON configuration file (profile, regions, framework, rules…) and validate it
 * against one of the schemas in `schemas/`.
 *
 * @param path file to read
 * @param schemaName file name in `schemas/`, e.g. `profile.schema.json`
 * @returns the parsed, valid object
 * @throws SoqaError E_CONFIG_READ (file missing), E_CONFIG_JSON (not JSON), E_CONFIG_SCHEMA
 *   (listing each failing field), all with exit code 3
 * @example
 * const profile = readJsonConfig<Profile>('config/profiles/default.json', 'profile.schema.json');
 */
export function readJsonConfig<T>(path: string, schemaName: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SoqaError('E_CONFIG_READ', msg.configRead(path, (e as Error).message), { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SoqaError('E_CONFIG_JSON', msg.configJson(path, (e as Error).message), { file: path });
  }
  return checkConfigObject<T>(data, schemaName, path);
}

/**
 * Validate an in-memory configuration object (e.g. passed by a library caller) against a
 * schema in `schemas/`. A `path` property, which soqa's loaders add, is ignored.
 *
 * @param data the candidate object
 * @param schemaName file name in `schemas/`
 * @param label how to name the object in messages (a file path or `options.config.x`)
 * @returns the object, typed
 * @throws SoqaError E_CONFIG_SCHEMA listing each failing field (exit 3)
 * @example
 * checkConfigObject<Framework>(obj, 'framework.schema.json', 'options.config.framework');
 */
export function checkConfigObject<T>(data: unknown, schemaName: string, label: string): T {
  const validate = schemaValidator(schemaName);
  const candidate =
    data !== null && typeof data === 'object' && !Array.isArray(data) && 'path' in data
      ? { ...(data as Record<string, unknown>) }
      : data;
  if (candidate !== data) delete (candidate as Record<string, unknown>).path;
  if (!validate(candidate)) {
    const problems = (validate.errors ?? []).map(
      (er) =>
        `${er.instancePath || '/'} ${er.message ?? ''}${er.params && 'additionalProperty' in er.params ? ` (${String(er.params.additionalProperty)})` : ''}`,
    );
    throw new SoqaError('E_CONFIG_SCHEMA', msg.configSchema(label, schemaName, problems), {
      file: label,
    });
  }
  return data as T;
}

/**
 * Find a configuration file given as a built-in name (a file `config/<folder>/<name>.json`
 * shipped with soqa) or as a path.
 *
 * @param folder the built-in folder under `config/` (`profiles`, `framework`, `rules`)
 * @param nameOrPath built-in name or file path
 * @returns the absolute path, or null when it is neither
 * @example
 * resolveConfigPath('rules', 'default'); // => '/…/soqa/config/rules/default.json'
 */
export function resolveConfigPath(folder: string, nameOrPath: string): string | null {
  const builtIn = resolve(packageRoot(), 'config', folder, `${nameOrPath}.json`);
  if (/^[a-z0-9-]+$/.test(nameOrPath) && existsSync(builtIn)) return builtIn;
  if (existsSync(nameOrPath)) return resolve(nameOrPath);
  return null;
}

/**
 * The validator for a schema in `schemas/`, made once per process: the one `npm run build`
 * precompiled (`dist/validators/`, see scripts/build-validators.mjs) when it was made from
 * the schema file as it is now, else compiled here with ajv (same options, same result).
 *
 * @param schemaName file name in `schemas/`
 * @returns an ajv validate function
 * @example
 * schemaValidator('results.schema.json')(results); // => true
 */
export function schemaValidator(schemaName: string): ValidateFunction {
  let v = validators.get(schemaName);
  if (!v) {
    const text = readFileSync(resolve(packageRoot(), 'schemas', schemaName), 'utf8');
    v = precompiled(schemaName, text) ?? compileSchema(text);
    validators.set(schemaName, v);
  }
  return v;
}

/**
 * The build's validator for this schema text, or null (none built, or built from another text).
 * It is dist/validators/ next to this build's dist/ingest/; under vitest, which runs src/, the
 * package's dist/validators/ when `npm run build` made it from the same schema text (the
 * results schema takes ~1.3 s to compile).
 */
function precompiled(schemaName: string, text: string): ValidateFunction | null {
  const name = schemaName.replace(/\.json$/, '.cjs');
  const besideBuild = fileURLToPath(new URL(`../validators/${name}`, import.meta.url));
  const file = [besideBuild, resolve(packageRoot(), 'dist/validators', name)].find((f) => existsSync(f));
  if (!file) return null;
  const mod = require(file) as { default: ValidateFunction; schemaSha256: string };
  return mod.schemaSha256 === createHash('sha256').update(text).digest('hex') ? mod.default : null;
}

function compileSchema(text: string): ValidateFunction {
  // ajv is loaded only when a schema has no precompiled validator
  if (!ajv) {
    const AjvClass = (require('ajv') as { Ajv: typeof Ajv }).Ajv;
    ajv = new AjvClass(SCHEMA_AJV_OPTIONS);
  }
  return ajv.compile(JSON.parse(text));
}
