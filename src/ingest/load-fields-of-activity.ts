import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import type { ActivityField } from '../domain/activity-field.js';

let cached: ActivityField[] | null = null;

/**
 * The field-of-activity classification shipped in `data/fields-of-activity.json`.
 *
 * @returns the fields, in file order (read once per process)
 * @example
 * loadFieldsOfActivity().find((f) => f.code === 'ecology')?.zh; // => '生态环境'
 */
export function loadFieldsOfActivity(): ActivityField[] {
  if (!cached)
    cached = JSON.parse(readFileSync(resolve(packageRoot(), 'data', 'fields-of-activity.json'), 'utf8'))
      .fields as ActivityField[];
  return cached;
}

/**
 * Aliases for the `field` column: each code's zh and en labels (zh labels with `/` give
 * one alias per part).
 *
 * @returns code → aliases
 */
export function activityFieldAliases(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of loadFieldsOfActivity()) out[f.code] = [...f.zh.split('/'), f.en];
  return out;
}
