import { q } from './format.js';

/**
 * Messages about configuration files: profiles, regions, the indicator framework and the warning rules.
 */

export const configRead = (path: string, reason: string): string =>
  `cannot read configuration file ${path}: ${reason}. Check the path (it is relative to the current directory).`;

export const configJson = (path: string, reason: string): string =>
  `configuration file ${path} is not valid JSON: ${reason}. Fix the syntax (a JSON linter shows the exact spot).`;

export const configSchema = (path: string, schema: string, problems: string[]): string =>
  `configuration file ${path} does not match schemas/${schema}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these fields; docs/ describes each one.`;

export const unknownProfile = (name: string, builtIn: string[]): string =>
  `profile ${q(name)} is neither a built-in profile (${builtIn.join(', ')}) nor an existing file. Run \`soqa profiles\` to list profiles, or pass a path to a profile JSON file.`;

export const unknownRegions = (name: string, builtIn: string[]): string =>
  `regions ${q(name)} is neither a built-in regions file (${builtIn.join(', ')}) nor an existing file. Pass --regions path/to/regions.json.`;

/** `--framework` names neither a built-in framework nor a file. */
export const unknownFramework = (name: string, builtIn: string[]): string =>
  `framework ${q(name)} is neither a built-in framework (${builtIn.join(', ')}) nor an existing file. Pass --framework path/to/framework.json (see config/framework/default.json and docs/METHODS.md).`;

/** A framework file whose content is inconsistent beyond its schema (ids, layers, fields). */
export const frameworkProblem = (where: string, problem: string): string => `${where}: ${problem}`;

/** `--rules` names no built-in rules file and no existing file. */
export const unknownRules = (name: string, builtIn: readonly string[]): string =>
  `rules ${q(name)} not found: not a built-in rules file (${builtIn.join(', ')}) and no such file. Pass a built-in name or the path of a JSON file like config/rules/default.json (schema: schemas/rules.schema.json).`;

/** A schema-valid rules file that is inconsistent. */
export const rulesInvalid = (where: string, problems: readonly string[]): string =>
  `${where} is not a usable rules file:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the file (see config/rules/default.json and docs/METHODS.md, "Risk warnings").`;
