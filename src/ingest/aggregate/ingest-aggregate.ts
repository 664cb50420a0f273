import { createLogger, type Logger } from '../../core/logger.js';
import * as msg from '../../core/messages/index.js';
import type { Cube } from '../../cube/cube.js';
import { ORG_TYPES } from '../../dataset/fields.js';
import { WARNINGS_KEPT_PER_CODE } from '../record-handler.js';
import { activityFieldAliases, loadFieldsOfActivity } from '../load-fields-of-activity.js';
import { RejectStore } from '../reject-store.js';
import { regionResolver } from '../../domain/regions/region-resolver.js';
import type { RegionsFile } from '../../domain/regions/regions.js';
import { buildValueMap } from '../values/build-value-map.js';
import { normalizeText } from '../../domain/normalize-text.js';
import { buildAggregateCube } from './build-aggregate-cube.js';
import { checkTotals, type TotalRow } from './check-totals.js';
import { ALL, type AggregateEntry } from './convert-aggregate-row.js';
import { wholeAreaMatcher, wholeAreaRegions } from './whole-area.js';
import { loadChinaGazetteer } from '../regions/load-china-gazetteer.js';
import type { AggregateIngestOptions, AggregateIngestResult } from './aggregate-ingest-result.js';
import {
  AggregateFileReader,
  type AcceptedEntry,
  type AggregateLookups,
  type AggregateRun,
} from './aggregate-file-reader.js';

export type { AggregateIngestOptions, AggregateIngestResult, WholeAreaUse } from './aggregate-ingest-result.js';

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
  const lookups = aggregateLookups(options);
  const rejectStore = new RejectStore(options.rejectsKept, options.spillRejects);
  const run: AggregateRun = {
    result: {
      dataset: null,
      cube: undefined as unknown as Cube,
      regions: options.regions,
      wholeArea: 'none',
      sources: [],
      counts: { read: 0, accepted: 0, rejected: 0, blank: 0 },
      rejects: rejectStore.kept,
      warnings: [],
      rejectCounts: {},
      warningCounts: {},
      missingCounts: {},
      present: [],
    },
    rejectStore,
    seen: new Map(),
    accepted: [],
    given: new Set(),
    hasFieldColumn: false,
    present: new Set(),
  };
  for (const path of paths) {
    const reader = new AggregateFileReader(run, { ...options, logger: log }, lookups);
    await reader.read(path);
    reader.finish();
  }
  const { result } = run;
  settleWholeArea(result, run.accepted, options.regions, log);
  const data = checkAggregateTotals(result, run.accepted, log);
  result.cube = buildAggregateCube(data, run.given, {
    governanceFields: lookups.governance,
    hasFieldColumn: run.hasFieldColumn,
  });
  result.present = [...run.present];
  for (const p of run.present) result.missingCounts[p] ??= 0;
  const spill = rejectStore.spill();
  if (spill) result.rejectSpill = spill;
  return result;
}

/** The lookups of aggregated rows (types, fields, aliases, regions, years) and the governance fields. */
function aggregateLookups(options: AggregateIngestOptions): AggregateLookups {
  const { profile, regions } = options;
  const fieldAliases = activityFieldAliases();
  for (const [code, list] of Object.entries(profile.values?.field ?? {}))
    fieldAliases[code] = [...(fieldAliases[code] ?? []), ...list];
  const fieldsOfActivity = loadFieldsOfActivity();
  const governance =
    options.governanceFields ?? new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
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
  return {
    typeMap: buildValueMap(ORG_TYPES, profile.values?.type),
    fieldMap: buildValueMap(
      fieldsOfActivity.map((f) => f.code),
      fieldAliases,
    ),
    valueAliases,
    resolveRegion: regionResolver(regions, loadChinaGazetteer),
    isWholeArea: wholeAreaMatcher(regions),
    years: profile.years ?? { min: 1949, max: 2035 },
    regionsId: regions.id,
    governance,
  };
}

/** Whole-area rows: checks beside rows by region, else the data of one (pseudo-)region. */
function settleWholeArea(
  result: AggregateIngestResult,
  accepted: readonly AcceptedEntry[],
  regions: RegionsFile,
  log: Logger,
): void {
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
        msg.wholeAreaOnly(regions.id, regions.regions.length, r) +
          (result.rejectCounts.R_UNKNOWN_REGION
            ? msg.wholeAreaBreakdownRejected(result.rejectCounts.R_UNKNOWN_REGION)
            : ''),
      );
    }
    const code = result.regions.regions[0].code;
    for (const a of wholeArea) a.entry.region = code;
  } else if (wholeArea.length) result.wholeArea = 'checks';
}

/** Check the total rows against the rows under them (warnings); returns the data rows (the totals are never used). */
function checkAggregateTotals(
  result: AggregateIngestResult,
  accepted: readonly AcceptedEntry[],
  log: Logger,
): AggregateEntry[] {
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
  return data;
}
