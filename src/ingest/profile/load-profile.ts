import { existsSync, readdirSync } from 'node:fs';
import { resolve, dirname, isAbsolute } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { readJsonConfig, resolveConfigPath } from '../read-json-config.js';
import type { Profile } from './profile.js';
import { extendProfile } from './extend-profile.js';
import { FIELD_BY_NAME, ORG_TYPES, STATUSES } from '../../dataset/fields.js';
import { loadFieldsOfActivity } from '../load-fields-of-activity.js';
import { AGGREGATE_COLUMNS, AGGREGATE_MEASURE_BY_NAME } from '../aggregate/aggregate-columns.js';

/** Names of the profiles shipped in `config/profiles/`. */
export function builtInProfiles(): string[] {
  return readdirSync(resolve(packageRoot(), 'config', 'profiles'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Load a profile by built-in name (`default`, `cn-registry`…) or by file path, validated
 * against schemas/profile.schema.json.
 *
 * @param nameOrPath built-in profile name or path to a JSON file (default `default`)
 * @returns the profile, with `source` set to its absolute path
 * @throws SoqaError E_UNKNOWN_PROFILE, or the config errors of `readJsonConfig` (exit 3)
 * @example
 * loadProfile('default').id; // => 'default'
 */
export function loadProfile(nameOrPath = 'default'): Profile {
  return loadProfileFrom(nameOrPath, process.cwd(), []);
}

/** Load a profile and the chain of profiles it extends (`seen`: paths already on the chain). */
function loadProfileFrom(nameOrPath: string, base: string, seen: string[]): Profile {
  const builtIn = /^[a-z0-9-]+$/.test(nameOrPath) ? resolveConfigPath('profiles', nameOrPath) : null;
  const path =
    builtIn ?? resolveConfigPath('profiles', isAbsolute(nameOrPath) ? nameOrPath : resolve(base, nameOrPath));
  if (!path) throw new SoqaError('E_UNKNOWN_PROFILE', msg.unknownProfile(nameOrPath, builtInProfiles()));
  if (seen.includes(path))
    throw new SoqaError(
      'E_CONFIG_SCHEMA',
      msg.configSchema(path, 'profile.schema.json', [`/extends makes a cycle: ${[...seen, path].join(' → ')}`]),
      { file: path },
    );
  let profile = readJsonConfig<Profile>(path, 'profile.schema.json');
  const defaultPath = resolve(packageRoot(), 'config', 'profiles', 'default.json');
  const parent = profile.extends === undefined ? (path === defaultPath ? null : 'default') : profile.extends;
  if (parent !== null) profile = extendProfile(loadProfileFrom(parent, dirname(path), [...seen, path]), profile);
  else delete profile.extends;
  profile.columns ??= {};
  const problems = profileFieldProblems(profile);
  if (problems.length)
    throw new SoqaError('E_CONFIG_SCHEMA', msg.configSchema(path, 'profile.schema.json', problems), {
      file: path,
    });
  profile.source = path;
  return profile;
}

/**
 * What the schema cannot check: every field named in `columns`, `values` and `derive` is a
 * canonical field, and the canonical values of `type`, `status` and `field` exist.
 *
 * @param profile a schema-valid profile
 * @returns one line per problem, in the form of schema errors (`/columns/foo …`)
 * @example
 * profileFieldProblems({ id: 'x', columns: { staf: ['人数'] } }); // => ['/columns/staf is not a soqa field …']
 */
export function profileFieldProblems(profile: Profile): string[] {
  const problems: string[] = [];
  const known = (section: string, names: string[]) => {
    for (const n of names)
      if (!FIELD_BY_NAME.has(n))
        problems.push(`/${section}/${n} is not a soqa field (see docs/DATA.md for the canonical names)`);
  };
  // columns may also name the columns of aggregated tables (count, count_total, the derived measures)
  for (const n of Object.keys(profile.columns))
    if (!FIELD_BY_NAME.has(n) && !AGGREGATE_COLUMNS.includes(n) && !AGGREGATE_MEASURE_BY_NAME.has(n))
      problems.push(`/columns/${n} is not a soqa field (see docs/DATA.md for the canonical names)`);
  known('values', Object.keys(profile.values ?? {}));
  known('derive', Object.keys(profile.derive ?? {}));
  for (const [field, spec] of Object.entries(profile.derive ?? {}))
    (Array.isArray(spec) ? spec : [spec]).forEach((rule, i) => {
      if (rule.pattern === undefined) return;
      try {
        new RegExp(rule.pattern, 'iu');
      } catch (e) {
        problems.push(
          `/derive/${field}${Array.isArray(spec) ? `/${i}` : ''}/pattern is not a valid regular expression: ${(e as Error).message}`,
        );
      }
    });
  const codes: Record<string, readonly string[]> = {
    type: ORG_TYPES,
    status: STATUSES,
    field: loadFieldsOfActivity().map((f) => f.code),
  };
  for (const [field, allowed] of Object.entries(codes))
    for (const code of Object.keys(profile.values?.[field] ?? {}))
      if (!allowed.includes(code))
        problems.push(`/values/${field}/${code} is not a ${field} code (known: ${allowed.join(', ')})`);
  return problems;
}

/** The profile `regions` value (and default) that asks for the regions file to be detected from the data. */
export const AUTO_REGIONS = 'auto';

/**
 * Whether the regions file of a run is to be detected from the data: `--regions` not
 * given and the profile says `"regions": "auto"` (or nothing).
 *
 * @param profile the loaded profile
 * @param override the `--regions` value
 * @returns true to detect
 * @example
 * regionsAreDetected(loadProfile('default'), undefined); // => true
 */
export function regionsAreDetected(profile: Profile, override?: string): boolean {
  return override === undefined && (profile.regions ?? AUTO_REGIONS) === AUTO_REGIONS;
}

/**
 * Resolve the regions reference a profile names into a file path (`auto` → inner-mongolia,
 * the file a run falls back to when detection finds none).
 *
 * @param profile the loaded profile
 * @param override a `--regions` value (built-in id or path) that wins over the profile
 * @returns absolute path of the regions JSON
 * @throws SoqaError E_UNKNOWN_REGIONS (exit 3)
 */
export function regionsPathFor(profile: Profile, override?: string): string {
  const named = override ?? profile.regions ?? AUTO_REGIONS;
  // "auto": detected from the data by the commands that read data (see regionsAreDetected); inner-mongolia otherwise
  const ref = named === AUTO_REGIONS ? 'inner-mongolia' : named;
  const dir = resolve(packageRoot(), 'data', 'regions');
  const builtIn = resolve(dir, `${ref}.json`);
  if (/^[a-z0-9-]+$/.test(ref) && existsSync(builtIn)) return builtIn;
  const base = override || !profile.source ? process.cwd() : dirname(profile.source);
  const p = isAbsolute(ref) ? ref : resolve(base, ref);
  if (existsSync(p)) return p;
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  throw new SoqaError('E_UNKNOWN_REGIONS', msg.unknownRegions(ref, names));
}

/**
 * Ids of the built-in regions files (`data/regions/*.json`), sorted.
 *
 * @returns the ids
 * @example
 * builtInRegionsIds(); // => ['china', 'china-counties', 'china-prefectures', 'china-provinces', 'inner-mongolia', 'us-states']
 */
export function builtInRegionsIds(): string[] {
  return readdirSync(resolve(packageRoot(), 'data', 'regions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
