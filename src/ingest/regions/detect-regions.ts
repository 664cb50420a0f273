import { wholeAreaMatcher } from '../aggregate/whole-area.js';
import { regionResolver } from '../../domain/regions/region-resolver.js';
import type { RegionsDetection, RegionsFile } from '../../domain/regions/regions.js';
import { loadChinaGazetteer } from './load-china-gazetteer.js';

/** Share of rows a regions file must place to be chosen. */
export const DETECT_THRESHOLD = 0.95;

/** The region cells of the rows read for detection: distinct (region text, division of the credit code) with counts. */
export type RegionSample = Map<string, number>;

/** Key of one sampled row in a {@link RegionSample}. */
export function sampleKey(region: string, orgId: string | undefined): string {
  const div = orgId && orgId.length === 18 && /^[0-9A-Za-z]{2}\d{6}/.test(orgId) ? orgId.slice(2, 8) : '';
  return `${div}\t${region}`;
}

export type { RegionsDetection };

/**
 * Choose the regions file of a run when `--regions` is not given: try the built-in files
 * from the one with the fewest units (the smallest file) up and take the first that places at least 95% of
 * the sampled rows, by name at any level, code, or the credit code's division code (rows
 * naming the whole area — 合计, 全区, 全国 in a China file — count neither way, unless the file
 * has a unit of that name, as `china` has 全国; a table of such rows only detects nothing). When that is
 * `china-provinces` but most placed rows name a prefecture or county, `china-prefectures`
 * is taken instead (if it places 95% too), so that detail is not rolled away; a
 * prefecture choice whose rows all lie in one province is narrowed to it (`within`).
 * Pure: the files are given. Each distinct text is resolved once per file.
 *
 * @param sample sampled rows, keyed by {@link sampleKey}
 * @param candidates the built-in regions files, each loaded only when tried
 * @param threshold share to reach (default 0.95)
 * @returns the choice, or null when no file places enough rows (or nothing was sampled)
 * @example
 * chooseRegions(new Map([['\t广东省', 3], ['\t深圳市', 2]]), candidates)?.id; // => 'china-provinces'
 */
export function chooseRegions(
  sample: RegionSample,
  candidates: readonly RegionsCandidate[],
  threshold = DETECT_THRESHOLD,
): RegionsDetection | null {
  let rows = 0;
  for (const n of sample.values()) rows += n;
  if (rows === 0) return null;
  const ordered = [...candidates].sort((a, b) => a.size - b.size || a.id.localeCompare(b.id));
  const tried: { id: string; share: number }[] = [];
  for (const c of ordered) {
    const file = c.load();
    let s = score(sample, file);
    const share = (x: { placed: number; whole: number }) => (rows > x.whole ? x.placed / (rows - x.whole) : 0);
    tried.push({ id: file.id, share: share(s) });
    if (share(s) < threshold) continue;
    let chosen = file;
    if (file.id === 'china-provinces' && s.finer > s.placed / 2) {
      const pref = candidates.find((f) => f.id === 'china-prefectures')?.load();
      const ps = pref ? score(sample, pref) : null;
      if (pref && ps && share(ps) >= threshold) {
        tried.push({ id: pref.id, share: share(ps) });
        chosen = pref;
        s = ps;
      }
    }
    const within = chosen.id === 'china-prefectures' && s.provinces.size === 1 ? [...s.provinces][0] : undefined;
    return { id: chosen.id, rows, share: share(s), ...(within ? { within } : {}), tried };
  }
  return null;
}

/** A built-in regions file offered to {@link chooseRegions}: loaded only when its turn comes. */
export interface RegionsCandidate {
  id: string;
  /** Order of trial, smallest first: the number of units, or the file's size as a stand-in. */
  size: number;
  load: () => RegionsFile;
}

/**
 * Rows a file places; rows naming the whole area (合计, 全区, 全国 in a China file), which count
 * neither way; rows naming a division below province level; provinces of the placed units.
 */
function score(sample: RegionSample, file: RegionsFile) {
  const resolve = regionResolver(file, loadChinaGazetteer);
  const whole = wholeAreaMatcher(file);
  const provinceOf = new Map(file.regions.map((r) => [r.code, r.province ?? '']));
  let placed = 0;
  let wholeRows = 0;
  let finer = 0;
  const provinces = new Set<string>();
  for (const [key, n] of sample) {
    const tab = key.indexOf('\t');
    const div = key.slice(0, tab);
    const text = key.slice(tab + 1);
    let unit = text ? resolve(text) : null;
    if (unit === null && text && whole(text)) {
      wholeRows += n;
      continue;
    }
    if (unit === null && div && (text === '' || /[\u3400-\u9fff]/.test(text))) unit = resolve.division(div);
    if (unit === null) continue;
    placed += n;
    if (resolve.match(text).named.some((d) => /^\d{6}$/.test(d) && !d.endsWith('0000'))) finer += n;
    provinces.add(provinceOf.get(unit) ?? '');
  }
  provinces.delete('');
  return { placed, whole: wholeRows, finer, provinces };
}
