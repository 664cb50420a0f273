import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { FIELD_BY_NAME, NUMERIC_KINDS } from '../../dataset/fields.js';
import { checkConfigObject, readJsonConfig, resolveConfigPath } from '../read-json-config.js';
import type { RulesFile } from '../../domain/rules/rules.js';

const SCHEMA = 'rules.schema.json';

/** Names of the rules files shipped in `config/rules/`. */
export function builtInRules(): string[] {
  return readdirSync(resolve(packageRoot(), 'config', 'rules'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Load a rules file by built-in name (`default`) or path, validated against
 * schemas/rules.schema.json and checked for consistency.
 *
 * @param nameOrPath built-in name or path to a JSON file (default `default`)
 * @returns the rules, with `path` set to the absolute path
 * @throws SoqaError E_UNKNOWN_RULES, E_CONFIG_* (schema, listing each failing field) or
 *   E_RULES_INVALID (listing each problem), all exit 3
 * @example
 * loadRules().rules.length; // => 9
 */
export function loadRules(nameOrPath = 'default'): RulesFile {
  const path = resolveConfigPath('rules', nameOrPath);
  if (!path) throw new SoqaError('E_UNKNOWN_RULES', msg.unknownRules(nameOrPath, builtInRules()));
  const rules = readJsonConfig<RulesFile>(path, SCHEMA);
  throwIfProblems(path, rulesProblems(rules));
  rules.path = path;
  return rules;
}

/**
 * Check a rules object that did not come from a file (library callers passing
 * `options.config.rules`): the same schema and consistency checks as {@link loadRules}.
 *
 * @param data the candidate rules
 * @param label how to name it in messages
 * @returns the rules, typed
 * @throws SoqaError E_CONFIG_SCHEMA or E_RULES_INVALID (exit 3)
 */
export function checkRules(data: unknown, label = 'options.config.rules'): RulesFile {
  const rules = checkConfigObject<RulesFile>(data, SCHEMA, label);
  throwIfProblems(label, rulesProblems(rules));
  return rules;
}

function throwIfProblems(where: string, problems: string[]): void {
  if (problems.length) throw new SoqaError('E_RULES_INVALID', msg.rulesInvalid(where, problems));
}

/**
 * What is inconsistent in a schema-valid rules file: a rule listed twice, an action class
 * not declared under `actions`, band A below band B, all transparency weights 0, a
 * transparency field that is not a numeric soqa field.
 *
 * @param r the rules
 * @returns one line per problem (empty when consistent)
 */
export function rulesProblems(r: RulesFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of r.rules) {
    if (seen.has(rule.id)) problems.push(`rule ${rule.id} is listed more than once`);
    seen.add(rule.id);
    if (!(rule.action in r.actions))
      problems.push(
        `rule ${rule.id}: action ${JSON.stringify(rule.action)} is not declared under "actions" (${Object.keys(r.actions).join(', ')})`,
      );
  }
  if (r.grades.bands.A < r.grades.bands.B)
    problems.push(`grades.bands: A (${r.grades.bands.A}) is below B (${r.grades.bands.B})`);
  const w = r.transparency.weights;
  if (w.completeness + w.disclosure + w.online + w.continuity <= 0)
    problems.push('transparency.weights: at least one weight must be positive');
  for (const f of r.transparency.fields) {
    const def = FIELD_BY_NAME.get(f);
    if (!def || !NUMERIC_KINDS.has(def.kind) || f === 'year')
      problems.push(`transparency.fields: ${JSON.stringify(f)} is not a numeric soqa field (docs/DATA.md)`);
  }
  return problems;
}
