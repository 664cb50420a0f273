import type { InputEncoding } from '../decode/detect-encoding.js';
import { CsvRecordParser } from '../csv/csv-record-parser.js';
import { detectDelimiter } from '../csv/detect-delimiter.js';
import { mapHeaders } from '../header/map-headers.js';
import { normalizeHeader } from '../header/normalize-header.js';
import type { Profile } from '../profile/profile.js';
import { emptySourceInfo, readSource } from '../read-source.js';
import { sampleKey, type RegionSample } from './detect-regions.js';

/** Rows read for regions detection. */
export const SAMPLE_ROWS = 20_000;
/** Records searched for the header row (title lines above it are skipped). */
const HEADER_SEARCH = 30;

/**
 * Read the region cells (and credit codes) of the first rows of an input, for
 * {@link chooseRegions}: the header is the first of the first 30 records that has a
 * region column under the profile's aliases; then up to `limit` records are read. The
 * source is closed as soon as enough is read. Any problem (unreadable, binary, no region
 * column) gives an empty sample: the run then reads the input with the default regions
 * file, and its own ingest reports the problem.
 *
 * @param path input file (not standard input, which cannot be read twice)
 * @param profile the input profile (header aliases)
 * @param options forced encoding and delimiter, and the number of rows (default 20,000)
 * @returns distinct (credit-code division, region text) with counts
 * @example
 * const s = await sampleRegionCells('orgs.csv', profile);
 * [...s.values()].reduce((a, b) => a + b, 0); // => rows sampled
 */
export async function sampleRegionCells(
  path: string,
  profile: Profile,
  options: { encoding?: InputEncoding; delimiter?: string; limit?: number } = {},
): Promise<RegionSample> {
  const sample: RegionSample = new Map();
  const limit = options.limit ?? SAMPLE_ROWS;
  const source = readSource(path, emptySourceInfo(), options.encoding);
  let parser: CsvRecordParser | null = null;
  let found = false;
  let regionCol = -1;
  let idCol = -1;
  let records = 0;
  let rows = 0;
  const take = (fields: string[]): boolean => {
    records++;
    if (!found) {
      const fieldOf = mapHeaders(fields, profile).fieldOf;
      regionCol = fieldOf.indexOf('region');
      idCol = fieldOf.indexOf('org_id');
      // a profile that derives the region (cn-registry: from the credit code, else 登记管理机关)
      const rules = profile.derive?.region ? [profile.derive.region].flat() : [];
      if (regionCol < 0)
        for (const r of rules) {
          const from = r.from ?? '';
          const c = from === 'org_id' ? -1 : fields.findIndex((h) => normalizeHeader(h) === normalizeHeader(from));
          if (c >= 0) regionCol = c;
        }
      found = regionCol >= 0 || (idCol >= 0 && rules.some((r) => r.from === 'org_id'));
      return found || records < HEADER_SEARCH;
    }
    const text = regionCol >= 0 ? (fields[regionCol] ?? '').trim() : '';
    const key = sampleKey(text, idCol >= 0 ? fields[idCol]?.trim() : undefined);
    if (key === '\t') return true;
    sample.set(key, (sample.get(key) ?? 0) + 1);
    return ++rows < limit;
  };
  try {
    outer: for await (const chunk of source) {
      if (!parser) {
        const i = chunk.search(/[\r\n]/);
        parser = new CsvRecordParser({
          delimiter: options.delimiter || detectDelimiter(i < 0 ? chunk : chunk.slice(0, i)),
        });
      }
      for (const item of parser.push(chunk)) if (item.kind === 'record' && !take(item.fields)) break outer;
    }
    if (parser && rows < limit && found) for (const item of parser.end()) if (item.kind === 'record') take(item.fields);
  } catch {
    return new Map();
  } finally {
    await source.return(undefined);
  }
  return found ? sample : new Map();
}
