import { normalizeText } from '../../domain/normalize-text.js';
import type { Region, RegionsFile } from '../../domain/regions/regions.js';
import { WHOLE_AREA_TOKENS } from './aggregate-columns.js';

/** Region code of the whole-area rows of a table that has no region breakdown, unless the regions file has a `code`. */
export const WHOLE_AREA_FALLBACK_CODE = 'all';

/**
 * Build a test for region cells that mean the whole area of the regions file: `total`,
 * `合计`, `全省`, `全区`… (see WHOLE_AREA_TOKENS), or the file's own `code` and names
 * (`150000`, `内蒙古自治区`, `内蒙古`, `Inner Mongolia Autonomous Region`). A cell that names a
 * region of the file is never a whole-area cell (the resolver is asked first).
 *
 * @param regions the regions file
 * @returns a predicate on a region cell
 * @example
 * isWholeArea(im)('全区'); // => true
 */
export function wholeAreaMatcher(regions: RegionsFile): (cell: string) => boolean {
  const keys = new Set(WHOLE_AREA_TOKENS);
  const add = (s: string | undefined) => {
    const k = s === undefined ? '' : normalizeText(s).toLowerCase();
    if (k) keys.add(k);
  };
  add(regions.code);
  add(regions.name?.zh);
  add(regions.name?.en);
  add(regions.name?.zh?.replace(/(省|自治区|市|特别行政区)$/, ''));
  add(regions.name?.zh?.replace(/(维吾尔|壮族|回族)?自治区$/, ''));
  // a file of all China (china-provinces, -prefectures, -counties): 全国 is the national total
  if (regions.code === 'CN') for (const k of ['全国', '全国合计', '中国', '中华人民共和国']) add(k);
  return (cell) => keys.has(normalizeText(cell).toLowerCase());
}

/**
 * The regions of a run whose table has only whole-area rows while the regions file has
 * several regions: one pseudo-region for the whole area, with the file's code (or `all`),
 * its name, and the sum of the regions' populations (and areas, when every region has one).
 * Its zone is `periphery` (a single unit has no core); it has no neighbours.
 *
 * @param regions the regions file
 * @returns a regions file with that one region (same id)
 * @example
 * wholeAreaRegions(im).regions[0]; // => { code: '150000', zh: '内蒙古自治区', population: 24049155, … }
 */
export function wholeAreaRegions(regions: RegionsFile): RegionsFile {
  const list = regions.regions;
  const code = regions.code && !list.some((r) => r.code === regions.code) ? regions.code : WHOLE_AREA_FALLBACK_CODE;
  const region: Region = {
    code,
    zh: regions.name?.zh ?? '全部地区',
    en: regions.name?.en ?? 'whole area',
    population: list.reduce((s, r) => s + r.population, 0),
    zone: 'periphery',
    tags: ['whole-area'],
    neighbours: [],
  };
  if (list.every((r) => typeof r.area === 'number')) region.area = list.reduce((s, r) => s + (r.area as number), 0);
  return { ...regions, regions: [region] };
}
