import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { readJsonConfig } from '../read-json-config.js';
import type { RegionsFile } from '../../domain/regions/regions.js';

/**
 * Read and check a regions file: schema-valid, unique codes, neighbours that exist and
 * are symmetric.
 *
 * @param path absolute path of the regions JSON
 * @returns the regions file with `source` set
 * @throws SoqaError E_CONFIG_* (schema), E_REGIONS_INVALID (duplicate code, unknown or
 *   one-way neighbour), exit 3
 * @example
 * loadRegions(regionsPathFor(loadProfile())).regions.length; // => 12
 */
export function loadRegions(path: string): RegionsFile {
  const file = readJsonConfig<RegionsFile>(path, 'regions.schema.json');
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const r of file.regions) {
    if (codes.has(r.code)) problems.push(`region code ${r.code} appears twice`);
    codes.add(r.code);
  }
  const nb = new Map(file.regions.map((r) => [r.code, new Set(r.neighbours ?? [])]));
  for (const r of file.regions) {
    for (const n of r.neighbours ?? []) {
      if (!codes.has(n)) problems.push(`region ${r.code} lists neighbour ${n}, which is not in the file`);
      else if (!nb.get(n)!.has(r.code))
        problems.push(`region ${r.code} lists ${n} as a neighbour but ${n} does not list ${r.code}`);
    }
  }
  if (problems.length)
    throw new SoqaError('E_REGIONS_INVALID', msg.configSchema(path, 'regions.schema.json', problems), { file: path });
  file.source = path;
  return file;
}
