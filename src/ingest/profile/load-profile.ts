import { existsSync, readdirSync } from 'node:fs';
import { resolve, dirname, isAbsolute } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { SoqaError } from '../../core/soqa-error.js';
import { EXIT } from '../../core/exit-codes.js';
import * as msg from '../../core/messages.js';
import { readJsonConfig } from '../read-json-config.js';
import type { Profile } from './profile.js';

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
  const builtIn = resolve(packageRoot(), 'config', 'profiles', `${nameOrPath}.json`);
  let path: string;
  if (/^[a-z0-9-]+$/.test(nameOrPath) && existsSync(builtIn)) path = builtIn;
  else if (existsSync(nameOrPath)) path = resolve(nameOrPath);
  else throw new SoqaError('E_UNKNOWN_PROFILE', msg.unknownProfile(nameOrPath, builtInProfiles()), EXIT.BAD_OPTIONS);
  const profile = readJsonConfig<Profile>(path, 'profile.schema.json');
  profile.source = path;
  return profile;
}

/**
 * Resolve the regions reference a profile names into a file path.
 *
 * @param profile the loaded profile
 * @param override a `--regions` value (built-in id or path) that wins over the profile
 * @returns absolute path of the regions JSON
 * @throws SoqaError E_UNKNOWN_REGIONS (exit 3)
 */
export function regionsPathFor(profile: Profile, override?: string): string {
  const ref = override ?? profile.regions ?? 'inner-mongolia';
  const dir = resolve(packageRoot(), 'data', 'regions');
  const builtIn = resolve(dir, `${ref}.json`);
  if (/^[a-z0-9-]+$/.test(ref) && existsSync(builtIn)) return builtIn;
  const base = override || !profile.source ? process.cwd() : dirname(profile.source);
  const p = isAbsolute(ref) ? ref : resolve(base, ref);
  if (existsSync(p)) return p;
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  throw new SoqaError('E_UNKNOWN_REGIONS', msg.unknownRegions(ref, names), EXIT.BAD_OPTIONS);
}
