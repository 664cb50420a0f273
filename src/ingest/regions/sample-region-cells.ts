import type { InputEncoding } from '../decode/detect-encoding.js';
import { CsvRecordParser } from '../csv/csv-record-parser.js';
import { detectDelimiter } from '../csv/detect-delimiter.js';
import { mapHeaders } from '../header/map-headers.js';
import { normalizeHeader } from '../header/normalize-header.js';
import type { Profile } from '../profile/profile.js';
import { emptySourceInfo, readSource } from '../read-source.js';
import { sampleKey, type RegionSample } from './detect-regions.js';
import { openWorkbookInput, sniffInput } from '../xlsx/workbook-input.js';

/** Rows read for regions detection. */
export const SAMPLE_ROWS = 20_000;
/** Records searched for the header row (title lines above it are skipped). */
const HEADER_SEARCH = 30;

/** Options of {@link sampleRegionCells}. */
export interface SampleRegionOptions {
  /** Forced text encoding (CSV). */
  encoding?: InputEncoding;
  /** Forced delimiter (CSV). */
  delimiter?: string;
  /** `--sheet NAME|N` (workbooks). */
  sheet?: string;
  /** `--max-input-bytes` (workbooks: caps the decompressed XML read). */
  maxInputBytes?: number;
  /** Rows sampled (default 20,000). */
  limit?: number;
}

/**
 * Read the region cells (and credit codes) of the first rows of an input, for
 * {@link chooseRegions}: the header is the first of the first 30 records that has a
 * region column under the profile's aliases; then up to `limit` records are read. A CSV
 * file is read as text, an Excel workbook (by its bytes, whatever its name) from the sheet
 * the ingest would read (`--sheet`, else the first with a recognisable table). The source
 * is closed as soon as enough is read. Any problem (unreadable, binary, no region column,
 * a damaged workbook) gives an empty sample: the run then reads the input with the default
 * regions file, and its own ingest reports the problem.
 *
 * @param path input file (not standard input, which cannot be read twice)
 * @param profile the input profile (header aliases)
 * @param options forced encoding and delimiter, the sheet, and the number of rows (default 20,000)
 * @returns distinct (credit-code division, region text) with counts
 * @throws never (problems give an empty sample)
 * @example
 * const s = await sampleRegionCells('orgs.csv', profile);
 * [...s.values()].reduce((a, b) => a + b, 0); // => rows sampled
 */
export async function sampleRegionCells(
  path: string,
  profile: Profile,
  options: SampleRegionOptions = {},
): Promise<RegionSample> {
  const sampler = new RegionSampler(profile, options.limit ?? SAMPLE_ROWS);
  try {
    const { format } = await sniffInput(path);
    if (format === 'xlsx') await sampleWorkbook(path, profile, options, sampler);
    else if (format === 'text') await sampleText(path, options, sampler);
  } catch {
    return new Map();
  }
  return sampler.result();
}

/** Feed the records of a CSV file to the sampler until it has enough. */
async function sampleText(path: string, options: SampleRegionOptions, sampler: RegionSampler): Promise<void> {
  const source = readSource(path, emptySourceInfo(), options.encoding);
  let parser: CsvRecordParser | null = null;
  try {
    for await (const chunk of source) {
      if (!parser) {
        const i = chunk.search(/[\r\n]/);
        parser = new CsvRecordParser({
          delimiter: options.delimiter || detectDelimiter(i < 0 ? chunk : chunk.slice(0, i)),
        });
      }
      for (const item of parser.push(chunk)) if (item.kind === 'record' && !sampler.take(item.fields)) return;
    }
    if (parser) for (const item of parser.end()) if (item.kind === 'record' && !sampler.take(item.fields)) return;
  } finally {
    await source.return(undefined);
  }
}

/** Feed the rows of a workbook's sheet (the one the ingest reads) to the sampler until it has enough. */
async function sampleWorkbook(
  path: string,
  profile: Profile,
  options: SampleRegionOptions,
  sampler: RegionSampler,
): Promise<void> {
  const opened = await openWorkbookInput(
    path,
    emptySourceInfo(),
    { profile, sheet: options.sheet, maxInputBytes: options.maxInputBytes },
    'organizations',
  );
  if (!opened) return;
  try {
    for await (const batch of opened.records()) for (const r of batch) if (!sampler.take(r.fields)) return;
  } finally {
    opened.close();
  }
}

/**
 * The sampling of {@link sampleRegionCells}, record by record: the header first (the first
 * of 30 records with a region column, or the columns a profile derives the region from),
 * then the (credit-code division, region text) of each row.
 */
class RegionSampler {
  private readonly sample: RegionSample = new Map();
  private found = false;
  private regionCol = -1;
  private idCol = -1;
  private records = 0;
  private rows = 0;

  constructor(
    private readonly profile: Profile,
    private readonly limit: number,
  ) {}

  /** Take one record; false when no more are wanted. */
  take(fields: string[]): boolean {
    this.records++;
    if (!this.found) return this.header(fields);
    const text = this.regionCol >= 0 ? (fields[this.regionCol] ?? '').trim() : '';
    const key = sampleKey(text, this.idCol >= 0 ? fields[this.idCol]?.trim() : undefined);
    if (key === '\t') return true;
    this.sample.set(key, (this.sample.get(key) ?? 0) + 1);
    return ++this.rows < this.limit;
  }

  /** The sample (empty when no header was found). */
  result(): RegionSample {
    return this.found ? this.sample : new Map();
  }

  private header(fields: string[]): boolean {
    const { profile } = this;
    const fieldOf = mapHeaders(fields, profile).fieldOf;
    this.regionCol = fieldOf.indexOf('region');
    this.idCol = fieldOf.indexOf('org_id');
    // a profile that derives the region (cn-registry: from the credit code, else 登记管理机关)
    const rules = profile.derive?.region ? [profile.derive.region].flat() : [];
    if (this.regionCol < 0)
      for (const r of rules) {
        const from = r.from ?? '';
        const c = from === 'org_id' ? -1 : fields.findIndex((h) => normalizeHeader(h) === normalizeHeader(from));
        if (c >= 0) this.regionCol = c;
      }
    this.found = this.regionCol >= 0 || (this.idCol >= 0 && rules.some((r) => r.from === 'org_id'));
    return this.found || this.records < HEADER_SEARCH;
  }
}
