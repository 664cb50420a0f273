import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { ChinaGazetteer, Division } from '../../domain/regions/china-gazetteer.js';
import type { RegionsFile } from '../../domain/regions/regions.js';

let cached: ChinaGazetteer | null = null;

/**
 * The divisions of the built-in `china-provinces`, `china-prefectures` and `china-counties`
 * files (read once per process, on first use): names, short names and aliases of provinces
 * and prefectures, names of counties, and each division's parent.
 *
 * @param dir folder of the regions files (default: the package's `data/regions`)
 * @returns the gazetteer
 * @throws Error when a built-in file is missing (a broken installation)
 * @example
 * loadChinaGazetteer().byName.get('南山区'); // => ['230404', '440305']
 */
export function loadChinaGazetteer(dir = resolve(packageRoot(), 'data', 'regions')): ChinaGazetteer {
  if (cached) return cached;
  const read = (id: string) => JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as RegionsFile;
  const byCode = new Map<string, Division>();
  const byName = new Map<string, string[]>();
  let maxNameLength = 0;
  const name = (key: string, code: string) => {
    const list = byName.get(key);
    if (!list) byName.set(key, [code]);
    else if (!list.includes(code)) list.push(code);
    if (key.length > maxNameLength) maxNameLength = key.length;
  };
  const levels = [
    ['china-provinces', 'province'],
    ['china-prefectures', 'prefecture'],
    ['china-counties', 'county'],
  ] as const;
  for (const [id, level] of levels)
    for (const r of read(id).regions) {
      if (byCode.has(r.code)) continue; // a county-level city that is its own prefecture-level unit
      byCode.set(r.code, { code: r.code, zh: r.zh, level, ...(level === 'province' ? {} : { parent: r.parent }) });
      name(r.zh, r.code);
      // one-character abbreviations (粤) are whole-text aliases only, never part of a longer name
      for (const a of r.aliases ?? []) if (a.length > 1 && !/民政/.test(a)) name(a, r.code);
    }
  for (const list of byName.values()) list.sort();
  cached = { byCode, byName, maxNameLength };
  return cached;
}
