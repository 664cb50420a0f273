import { createLogger } from '../../core/logger.js';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import type { Cube } from '../../cube/cube.js';
import { ORG_TYPES } from '../../dataset/fields.js';
import { CsvRecordParser, type CsvItem } from '../csv/csv-record-parser.js';
import { judgeAggregateHeader } from '../header/judge-header.js';
import { TableFinder, type TableStart } from '../header/table-finder.js';
import { tableDelimiter, tableLayout, type TableLayout } from '../header/table-layout.js';
import { lineText, trailerKind, type TableLine } from '../header/table-lines.js';
import { addCounts } from '../add-counts.js';
import { countKinds } from '../count-kinds.js';
import { csvLimits, csvProblemReject, headerProblemError } from '../csv/csv-problem.js';
import type { RowCounts } from '../ingest-files.js';
import { WARNINGS_KEPT_PER_CODE } from '../record-handler.js';
import type { ReadOptions } from '../read-options.js';
import type { RowAccounting } from '../row-accounting.js';
import { activityFieldAliases, loadFieldsOfActivity } from '../load-fields-of-activity.js';
import { RejectStore } from '../reject-store.js';
import { emptySourceInfo, readSource, type SourceInfo } from '../read-source.js';
import { regionResolver } from '../../domain/regions/region-resolver.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { buildValueMap } from '../values/build-value-map.js';
import { isMissing, normalizeText } from '../../domain/normalize-text.js';
import { buildAggregateCube } from './build-aggregate-cube.js';
import { fillDown } from './fill-down.js';
import { aggregateHeaderFailed, checkHeader } from './check-aggregate-header.js';
import { checkTotals, type TotalRow } from './check-totals.js';
import { ALL, convertAggregateRow, type AggregateEntry, type AggregateRowContext } from './convert-aggregate-row.js';
import { mapAggregateHeader, type AggregateHeader } from './map-aggregate-header.js';
import { wholeAreaMatcher, wholeAreaRegions } from './whole-area.js';
import { feedWorkbook, openWorkbookInput } from '../xlsx/workbook-input.js';
import { rowWhere } from '../xlsx/row-label.js';
import { loadChinaGazetteer } from '../regions/load-china-gazetteer.js';

/** Options of {@link ingestAggregate}. */
export interface AggregateIngestOptions extends ReadOptions {
  /** Core governance field codes (default: those of data/fields-of-activity.json). */
  governanceFields?: ReadonlySet<string>;
}

/**
 * How the rows for the whole area (`total`, `合计`, `全省`, the regions file's own name) were
 * used: `none` there were none; `checks` the table also has rows by region, so they only
 * check them; `single-region` the regions file has one region, which they are;
 * `pseudo-region` the table has no region breakdown, so the whole area is analysed as one
 * region (see {@link wholeAreaRegions}).
 */
export type WholeAreaUse = 'none' | 'checks' | 'single-region' | 'pseudo-region';

/** What reading an aggregated table gives the rest of the pipeline (the counterpart of IngestResult). */
export interface AggregateIngestResult extends RowAccounting {
  /** No organization rows: analyses that need them say they were skipped. */
  dataset: null;
  /** The region × year × type (× field) cube, filled directly from the table. */
  cube: Cube;
  /** The regions the cube's regions refer to (a one-region file for a pseudo-region). */
  regions: RegionsFile;
  wholeArea: WholeAreaUse;
  sources: (SourceInfo & { delimiter: string; header: AggregateHeader; counts: RowCounts; table?: TableLayout })[];
  /** Columns present in some input, canonical names. */
  present: string[];
  /** Blank region or year cells filled with the value above (merged cells), when there were any. */
  filled?: number;
}

/** Total-row warnings also logged (stderr) one by one; the rest are counted in one line. */
const TOTALS_LOGGED = 20;

/**
 * Read one or more aggregated (yearbook-style) CSV tables straight into the cube: one row
 * per region × year × type (× field) with a count and any totals (long layout), or one row
 * per region × year (× field) with a count column per type (wide layout). Rows are checked
 * like organization rows (known regions and types, plausible years, numbers that are not
 * negative and are whole where they count, duplicates of the same region × year × type ×
 * field rejected with the line of the first); every row ends up accepted or in `rejects`.
 * Total rows and columns (`合计`, a whole-area row beside rows by region) are checked
 * against the rows under them and never used (docs/DATA.md, "Aggregated tables").
 *
 * @param paths input files (`-` for stdin)
 * @param options profile, regions, encoding and delimiter overrides, logger
 * @returns the cube, regions, per-source information, rejects, warnings and counts
 * @throws SoqaError E_EMPTY_INPUT, E_MISSING_COLUMN, E_DUPLICATE_COLUMN, E_AGGREGATE_LAYOUT,
 *   E_BAD_HEADER, E_INPUT_READ (exit 2)
 * @example
 * const r = await ingestAggregate(['yearbook.csv'], { profile, regions });
 * r.counts.read === r.counts.accepted + r.counts.rejected; // => true
 */
export async function ingestAggregate(
  paths: string[],
  options: AggregateIngestOptions,
): Promise<AggregateIngestResult> {
  const log = options.logger ?? createLogger();
  const { profile, regions } = options;
  const fieldAliases = activityFieldAliases();
  for (const [code, list] of Object.entries(profile.values?.field ?? {}))
    fieldAliases[code] = [...(fieldAliases[code] ?? []), ...list];
  const fieldsOfActivity = loadFieldsOfActivity();
  const governance =
    options.governanceFields ?? new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
  const typeMap = buildValueMap(ORG_TYPES, profile.values?.type);
  const fieldMap = buildValueMap(
    fieldsOfActivity.map((f) => f.code),
    fieldAliases,
  );
  const valueAliases = Object.fromEntries(
    Object.entries(profile.values ?? {})
      .filter(([f]) => f === 'region' || f === 'year')
      .map(([f, m]) => [
        f,
        new Map(
          Object.entries(m).flatMap(([code, list]) => list.map((a) => [normalizeText(a).toLowerCase(), code] as const)),
        ),
      ]),
  );
  const resolveRegion = regionResolver(regions, loadChinaGazetteer);
  const isWholeArea = wholeAreaMatcher(regions);
  const years = profile.years ?? { min: 1949, max: 2035 };
  const open = options.openSource ?? readSource;

  const rejectStore = new RejectStore(options.rejectsKept, options.spillRejects);
  const result: AggregateIngestResult = {
    dataset: null,
    cube: undefined as unknown as Cube,
    regions,
    wholeArea: 'none',
    sources: [],
    counts: { read: 0, accepted: 0, rejected: 0, blank: 0 },
    rejects: rejectStore.kept,
    warnings: [],
    rejectCounts: {},
    warningCounts: {},
    missingCounts: {},
    present: [],
  };
  const seen = new Map<string, string>();
  const accepted: { entry: AggregateEntry; file: string; line: number }[] = [];
  const given = new Set<string>();
  let hasFieldColumn = false;
  const present = new Set<string>();

  for (const path of paths) {
    const info = emptySourceInfo();
    const counts: RowCounts = { read: 0, accepted: 0, rejected: 0, blank: 0 };
    let parser: CsvRecordParser | null = null;
    let header: AggregateHeader | null = null;
    let headerWidth = 0;
    let ctx: AggregateRowContext | null = null;
    let delimiter = options.delimiter ?? '';
    let columns: { name: string; index: number }[] = [];

    const reject = (line: number, p: { code: string; column: string; value: string; reason: string }) => {
      counts.rejected++;
      result.rejectCounts[p.code] = (result.rejectCounts[p.code] ?? 0) + 1;
      rejectStore.push({ file: info.name, line, ...p });
    };
    let finder: TableFinder | null = null;
    let table: TableStart | null = null;
    const trailers: TableLine[] = [];
    /** The region and year of the row above (merged cells exported as blanks are filled with them). */
    const above: { region: string; year: string } = { region: '', year: '' };
    let filled = 0;
    const begin = (start: TableStart): void => {
      finder = null;
      table = start;
      const h = mapAggregateHeader(start.header, profile, start.unit);
      checkHeader(h, start.header, info);
      header = h;
      headerWidth = start.header.length;
      counts.blank += start.blank;
      if (start.skipped.length) counts.skipped = (counts.skipped ?? 0) + start.skipped.length;
      if (h.wideMeasures.length) log.warn('W_WIDE_TOTALS_IGNORED', msg.wideTotalsIgnored(info.name, h.wideMeasures));
      for (const extra of h.ignored)
        if (!h.wideMeasures.includes(extra)) log.info('I_IGNORED_COLUMN', msg.ignoredColumn(info.name, extra));
      for (const m of h.measures) given.add(m.name);
      hasFieldColumn ||= h.field >= 0;
      for (const p of h.present) present.add(p);
      columns = columnsOf(h);
      ctx = {
        header: h,
        headers: start.header,
        resolveRegion,
        isWholeArea,
        typeMap,
        fieldMap,
        valueAliases,
        years,
        regionsId: regions.id,
      };
      handle(start.rest);
    };
    const handle = (items: CsvItem[]) => {
      for (const item of items) {
        if (item.kind !== 'record') {
          if (!header && finder) {
            const start = (finder as TableFinder).flush();
            if (start) begin(start);
          }
          if (!header) throw headerProblemError(item, info.name, info.encoding, options);
          counts.read++;
          reject(item.line, csvProblemReject(item, options, headerWidth));
          continue;
        }
        if (!header) {
          finder ??= new TableFinder(
            (cells) => judgeAggregateHeader(cells, profile),
            options.headerRow,
            (best, hint) => aggregateHeaderFailed(best, hint, profile, info),
            info.name,
          );
          const start = finder.push(item);
          if (start) begin(start);
          continue;
        }
        if (item.fields.length === 1 && item.fields[0].trim() === '') {
          counts.blank++;
          continue;
        }
        const note = trailerKind(item.fields, false);
        if (note) {
          trailers.push({ line: item.line, kind: note, text: lineText(item.fields) });
          counts.skipped = (counts.skipped ?? 0) + 1;
          continue;
        }
        filled += fillDown(item.fields, header, above);
        counts.read++;
        if ((counts.read & 0xffff) === 0) options.onProgress?.(result.counts.read + counts.read);
        const r = convertAggregateRow(item.fields, ctx!);
        if (r.rejects.length) {
          const first = r.rejects[0];
          const more =
            r.rejects.length > 1
              ? ` (and ${r.rejects.length - 1} more: ${r.rejects
                  .slice(1)
                  .map((p) => p.column || p.code)
                  .join(', ')})`
              : '';
          reject(item.line, { ...first, reason: first.reason + more });
          continue;
        }
        const keys = r.entries.map(entryKey);
        const dup = keys.findIndex((k) => seen.has(k));
        if (dup >= 0) {
          const e = r.entries[dup];
          reject(item.line, {
            code: 'R_DUPLICATE',
            column: hasFieldColumn ? 'region, year, type, field' : 'region, year, type',
            value: describeKey(e),
            reason: `duplicates ${seen.get(keys[dup])}`,
          });
          continue;
        }
        for (const k of keys) seen.set(k, rowWhere(info, item.line));
        for (const w of r.warnings) {
          const n = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
          if (n <= WARNINGS_KEPT_PER_CODE) result.warnings.push({ file: info.name, line: item.line, ...w });
        }
        counts.accepted++;
        for (const c of columns)
          if (isMissing(normalizeText(item.fields[c.index])))
            result.missingCounts[c.name] = (result.missingCounts[c.name] ?? 0) + 1;
        for (const entry of r.entries) accepted.push({ entry, file: info.name, line: item.line });
      }
    };

    // an Excel workbook: its sheet's rows are the records (lines = row numbers)
    const workbook = await openWorkbookInput(path, info, { ...options, logger: log }, 'aggregate');
    if (workbook) {
      await feedWorkbook(workbook, handle, counts, log);
      info.mergedCellsFilled = workbook.stats.filled;
    } else {
      for await (const text of open(path, info, options.encoding, options.maxInputBytes)) {
        if (!parser) {
          if (!delimiter) delimiter = tableDelimiter(text);
          parser = new CsvRecordParser({ delimiter, ...csvLimits(options) });
        }
        handle(parser.push(text));
      }
      if (!parser) parser = new CsvRecordParser({ delimiter: delimiter || ',' });
      handle(parser.end());
    }
    if (!header && finder) {
      const start = (finder as TableFinder).end();
      if (start) begin(start);
    }
    if (!header) throw new SoqaError('E_EMPTY_INPUT', msg.emptyInput(info.name), { file: info.name });
    if (info.replacementChars > 0)
      log.warn('W_DECODE', msg.decodeReplacement(info.name, info.replacementChars, info.encoding));
    const h = header as AggregateHeader;
    const layout = tableLayout(table, trailers, h.units.units, filled);
    if (layout?.lines.length) log.info('I_TABLE_LINES', msg.tableLinesSkipped(info.name, countKinds(layout.lines)));
    if (filled) {
      result.filled = (result.filled ?? 0) + filled;
      log.warn(
        'W_FILLED_DOWN',
        msg.filledDown(
          info.name,
          filled,
          ['region', 'year'].filter((d) => h[d as 'region'] >= 0),
        ),
      );
    }
    result.sources.push({ ...info, delimiter, header: h, counts, ...(layout ? { table: layout } : {}) });
    addCounts(result.counts, counts);
  }

  // whole-area rows: checks beside rows by region, else the data of one (pseudo-)region
  const byRegion = accepted.some((a) => a.entry.region !== ALL);
  const wholeArea = accepted.filter((a) => a.entry.region === ALL);
  if (wholeArea.length && !byRegion) {
    if (regions.regions.length === 1) {
      result.wholeArea = 'single-region';
    } else {
      result.regions = wholeAreaRegions(regions);
      result.wholeArea = 'pseudo-region';
      const r = result.regions.regions[0];
      log.warn(
        'W_WHOLE_AREA_ONLY',
        msg.wholeAreaOnly(regions.id, regions.regions.length, r.code, r.zh, r.en, r.population) +
          (result.rejectCounts.R_UNKNOWN_REGION
            ? msg.wholeAreaBreakdownRejected(result.rejectCounts.R_UNKNOWN_REGION)
            : ''),
      );
    }
    const code = result.regions.regions[0].code;
    for (const a of wholeArea) a.entry.region = code;
  } else if (wholeArea.length) result.wholeArea = 'checks';

  const data: AggregateEntry[] = [];
  const totals: TotalRow[] = [];
  for (const a of accepted) {
    const e = a.entry;
    if (e.region === ALL || e.type === ALL || e.field === ALL) totals.push(a);
    else data.push(e);
  }
  const totalProblems = checkTotals(data, totals);
  for (const w of totalProblems) {
    const n = (result.warningCounts[w.code] = (result.warningCounts[w.code] ?? 0) + 1);
    if (n <= WARNINGS_KEPT_PER_CODE) result.warnings.push(w);
  }
  // published totals that disagree with their rows are findings the reader must see, on every command
  for (const w of totalProblems.slice(0, TOTALS_LOGGED))
    log.warn(w.code, msg.totalProblem(w.file, w.line, w.column, w.reason));
  if (totalProblems.length > TOTALS_LOGGED)
    log.warn('W_TOTAL_MISMATCH', msg.moreTotalProblems(totalProblems.length - TOTALS_LOGGED));
  result.cube = buildAggregateCube(data, given, { governanceFields: governance, hasFieldColumn });
  result.present = [...present];
  for (const p of present) result.missingCounts[p] ??= 0;
  const spill = rejectStore.spill();
  if (spill) result.rejectSpill = spill;
  return result;
}

const entryKey = (e: AggregateEntry): string => `${e.region}\u0001${e.year}\u0001${e.type}\u0001${e.field}`;
const describeKey = (e: AggregateEntry): string =>
  [e.region, e.year, e.type, ...(e.field ? [e.field] : [])].map((v) => (v === ALL ? 'total' : String(v))).join(' ');

/** The columns whose empty cells are counted as missing, with their canonical names. */
function columnsOf(h: AggregateHeader): { name: string; index: number }[] {
  const list: { name: string; index: number }[] = [];
  for (const d of ['region', 'year', 'type', 'field'] as const) if (h[d] >= 0) list.push({ name: d, index: h[d] });
  if (h.count >= 0) list.push({ name: 'count', index: h.count });
  for (const c of h.typeColumns) list.push({ name: `count:${c.type}`, index: c.index });
  if (h.countTotal >= 0) list.push({ name: 'count_total', index: h.countTotal });
  for (const m of h.measures) list.push({ name: m.name, index: m.index });
  for (const m of h.reporting) list.push({ name: `n_${m.name}`, index: m.index });
  return list;
}
