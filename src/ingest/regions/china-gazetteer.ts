import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { RegionsFile } from './regions.js';

/** One division of mainland China (province, prefecture or county level). */
export interface Division {
  code: string;
  zh: string;
  level: 'province' | 'prefecture' | 'county';
  /** Code one level up (a county's prefecture-level unit, a prefecture's province); absent for provinces. */
  parent?: string;
}

/** Every division of the built-in China files, by code and by name. */
export interface ChinaGazetteer {
  byCode: Map<string, Division>;
  /** Name or alias (normalised) → codes of the divisions it names (several for 南山区). */
  byName: Map<string, string[]>;
  /** Longest name in `byName`, in characters (bounds the segmentation of full names). */
  maxNameLength: number;
}

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
 * chinaGazetteer().byName.get('南山区'); // => ['230404', '440305']
 */
export function chinaGazetteer(dir = resolve(packageRoot(), 'data', 'regions')): ChinaGazetteer {
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

/**
 * The chain of a division up to its province, the division first.
 *
 * @param g the gazetteer
 * @param code a division code
 * @returns the codes, e.g. `['150627', '150600', '150000']`; `[code]` when unknown
 * @example
 * ancestry(chinaGazetteer(), '440305'); // => ['440305', '440300', '440000']
 */
export function ancestry(g: ChinaGazetteer, code: string): string[] {
  const out = [code];
  let d = g.byCode.get(code);
  while (d?.parent && out.length < 4) {
    out.push(d.parent);
    d = g.byCode.get(d.parent);
  }
  return out;
}

/**
 * A division's name with its parents, for messages: `440305 南山区 (广东省深圳市)`.
 *
 * @param g the gazetteer
 * @param code a division code
 * @returns the label
 * @example
 * divisionLabel(chinaGazetteer(), '230404'); // => '230404 南山区 (黑龙江省鹤岗市)'
 */
export function divisionLabel(g: ChinaGazetteer, code: string): string {
  const [self, ...up] = ancestry(g, code).map((c) => g.byCode.get(c)?.zh ?? c);
  return up.length ? `${code} ${self} (${up.reverse().join('')})` : `${code} ${self}`;
}
