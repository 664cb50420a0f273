import { normalizeText } from '../values/normalize-text.js';
import type { RegionsFile } from './regions.js';

/**
 * Build a function that turns a region cell into a region code of the regions file:
 * the code itself; a 12-digit statistical division code (first 6 digits); a county code
 * whose league/city (first 4 digits + `00`) is in the file (rolled up); or a zh/en name
 * or alias (e.g. `呼和浩特市`, `呼和浩特`, `Hohhot`).
 *
 * @param regions the regions file
 * @returns resolver returning the code, or null when the value names no known region
 * @example
 * regionResolver(im)('150621'); // => '150600'  (Ejin Horo rolls up to Ordos)
 */
export function regionResolver(regions: RegionsFile): (raw: string) => string | null {
  const byKey = new Map<string, string>();
  const add = (k: string, code: string) => {
    const key = normalizeText(k).toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, code);
  };
  for (const r of regions.regions) {
    add(r.code, r.code);
    add(r.zh, r.code);
    add(r.en, r.code);
    add(r.zh.replace(/(市|盟|地区|自治州|省|自治区)$/, ''), r.code);
    for (const a of r.aliases ?? []) add(a, r.code);
  }
  const cache = new Map<string, string | null>();
  return (raw: string) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const t = normalizeText(raw).toLowerCase();
    let code = byKey.get(t) ?? null;
    if (!code && /^\d{12}$/.test(t)) code = byKey.get(t.slice(0, 6)) ?? null;
    const six = /^\d{6}/.test(t) ? t.slice(0, 6) : null;
    if (!code && six) code = byKey.get(six) ?? byKey.get(`${six.slice(0, 4)}00`) ?? null;
    if (cache.size < 100_000) cache.set(raw, code);
    return code;
  };
}
