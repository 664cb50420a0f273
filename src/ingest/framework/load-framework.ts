import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { DERIVED_FIELDS } from '../../cube/derived-fields.js';
import { knownMeasureFields } from '../../cube/known-measure-fields.js';
import { specFields } from '../../domain/framework/spec-fields.js';
import { checkConfigObject, readJsonConfig, resolveConfigPath } from '../read-json-config.js';
import type { Framework } from '../../domain/framework/framework.js';

const SCHEMA = 'framework.schema.json';

/** Names of the frameworks shipped in `config/framework/`. */
export function builtInFrameworks(): string[] {
  return readdirSync(resolve(packageRoot(), 'config', 'framework'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Load an indicator framework by built-in name (`default`) or file path, validated against
 * schemas/framework.schema.json and checked for consistency (unique ids, declared layers,
 * known fields).
 *
 * @param nameOrPath built-in framework name or path to a JSON file (default `default`)
 * @returns the framework, with `path` set to its absolute path
 * @throws SoqaError E_UNKNOWN_FRAMEWORK, E_CONFIG_* (schema, listing each failing field) or
 *   E_FRAMEWORK_INVALID (listing each problem), all exit 3
 * @example
 * loadFramework().indicators.length; // => 23
 */
export function loadFramework(nameOrPath = 'default'): Framework {
  const path = resolveConfigPath('framework', nameOrPath);
  if (!path) throw new SoqaError('E_UNKNOWN_FRAMEWORK', msg.unknownFramework(nameOrPath, builtInFrameworks()));
  const framework = readJsonConfig<Framework>(path, SCHEMA);
  throwIfProblems(path, frameworkProblems(framework));
  framework.path = path;
  return framework;
}

/**
 * Check a framework object that did not come from a file (library callers passing
 * `options.config.framework`): the same schema and consistency checks as {@link loadFramework}.
 *
 * @param data the candidate framework
 * @param label how to name it in messages (default `options.config.framework`)
 * @returns the framework, typed
 * @throws SoqaError E_CONFIG_SCHEMA or E_FRAMEWORK_INVALID (exit 3)
 * @example
 * checkFramework(JSON.parse(text)).id; // => 'default'
 */
export function checkFramework(data: unknown, label = 'options.config.framework'): Framework {
  const framework = checkConfigObject<Framework>(data, SCHEMA, label);
  throwIfProblems(label, frameworkProblems(framework));
  return framework;
}

function throwIfProblems(where: string, problems: string[]): void {
  if (problems.length)
    throw new SoqaError('E_FRAMEWORK_INVALID', msg.configSchema(where, SCHEMA, problems), {
      file: where,
    });
}

/**
 * Consistency problems the schema cannot express, each prefixed with its JSON pointer.
 *
 * @param fw a schema-valid framework
 * @returns problems (empty when fine)
 * @example
 * frameworkProblems(loadFramework()); // => []
 */
export function frameworkProblems(fw: Framework): string[] {
  const problems: string[] = [];
  const known = new Set(knownMeasureFields());
  const layerIds = new Set<string>();
  fw.layers.forEach((l, i) => {
    if (layerIds.has(l.id)) problems.push(msg.frameworkProblem(`/layers/${i}/id`, `layer ${l.id} is listed twice`));
    layerIds.add(l.id);
  });
  const ids = new Set<string>();
  fw.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    if (ids.has(ind.id)) problems.push(msg.frameworkProblem(`${at}/id`, `indicator id ${ind.id} is used twice`));
    ids.add(ind.id);
    if (!layerIds.has(ind.layer))
      problems.push(msg.frameworkProblem(`${at}/layer`, `layer ${ind.layer} is not declared in "layers"`));
    for (const { pointer, field, countAllowed } of specFields(ind.compute)) {
      if (field === 'count' && countAllowed) continue;
      if (!known.has(field)) {
        problems.push(
          msg.frameworkProblem(
            `${at}/compute/${pointer}`,
            `unknown field ${JSON.stringify(field)}${field === 'count' ? ' (count is allowed only as a single numerator or growth "of")' : ''}; use a numeric soqa field (docs/DATA.md) or a derived field (${DERIVED_FIELDS.filter(
              (d) => !d.rowOnly,
            )
              .map((d) => d.name)
              .join(', ')})`,
          ),
        );
      }
    }
  });
  return problems;
}
