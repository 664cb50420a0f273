import { FIELDS, REQUIRED_FIELDS } from '../dataset/fields.js';
import type { AnyIngestResult } from '../ingest/ingest-input.js';
import { note, type AnalysisNote } from '../analyses/analysis-note.js';
import * as msg from '../core/messages/index.js';

/** The data-quality section of results.json. */
export interface QualitySummary {
  rows: { read: number; accepted: number; rejected: number; blank: number; skipped?: number };
  rejectsByReason: Record<string, number>;
  warningsByCode: Record<string, number>;
  duplicates: number;
  creditCodes: { checksumFailures: number; typeMismatches: number; regionMismatches: number; lowercase: number };
  /** Share of accepted rows with an empty value, per input field present. */
  missingRate: Record<string, number>;
  columns: { present: string[]; absent: string[]; ignored: string[] };
  /** Accepted organizations' rows by type and the qualifier of their type label (公募/非公募, 法人/个体/合伙), when any label had one. */
  typeQualifiers?: Record<string, Record<string, number>>;
  /** Aggregated tables: which organization-level checks do not apply; any input: cells filled down, units converted, lines around the table. */
  notes?: AnalysisNote[];
}

/** The section's notes: an aggregated table's, merged cells filled, units converted, lines around the table. */
function withNotes(r: AnyIngestResult): { notes?: AnalysisNote[] } {
  const notes: AnalysisNote[] = [];
  if (r.dataset === null) notes.push(note('N_AGGREGATE_INPUT', (l) => msg.noteAggregateQuality(l)));
  const filled = r.dataset === null ? (r.filled ?? 0) : 0;
  if (filled) notes.push(note('N_FILLED_DOWN', (l) => msg.noteFilledDown(l, filled)));
  const tables = r.sources.map((s) => s.table).filter((t) => t !== undefined);
  const money = tables.flatMap((t) => t.units.filter((u) => u.factor !== 1));
  if (money.length) notes.push(note('N_UNITS', (l) => msg.noteUnits(l, money)));
  const kinds: Record<string, number> = {};
  for (const t of tables) for (const x of t.lines) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
  if (Object.keys(kinds).length) notes.push(note('N_TABLE_LINES', (l) => msg.noteTableLines(l, kinds)));
  return notes.length ? { notes } : {};
}

const sortNested = (o: Record<string, Record<string, number>>): Record<string, Record<string, number>> =>
  Object.fromEntries(
    Object.entries(o)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortObj(v)]),
  );

const sortObj = (o: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Summarise ingest's accounting for results.json and `soqa validate`.
 *
 * @param r the ingest result (organization rows or an aggregated table)
 * @returns counts by reason and code, credit-code findings, missing rates, columns
 * @example
 * qualitySummary(r).rows.read === r.counts.accepted + r.counts.rejected; // => true
 */
export function qualitySummary(r: AnyIngestResult): QualitySummary {
  const present = r.dataset === null ? r.present : r.dataset.present;
  const w = r.warningCounts;
  const accepted = r.counts.accepted;
  return {
    rows: { ...r.counts },
    rejectsByReason: sortObj(r.rejectCounts),
    warningsByCode: sortObj(w),
    duplicates: r.rejectCounts.R_DUPLICATE ?? 0,
    creditCodes: {
      checksumFailures: w.W_CODE_CHECKSUM ?? 0,
      typeMismatches: w.W_CODE_TYPE ?? 0,
      regionMismatches: w.W_CODE_REGION ?? 0,
      lowercase: w.W_CODE_LOWERCASE ?? 0,
    },
    missingRate: Object.fromEntries(present.map((f) => [f, accepted ? (r.missingCounts[f] ?? 0) / accepted : 0])),
    columns: {
      present,
      absent: FIELDS.map((f) => f.name).filter((f) => !present.includes(f) && !REQUIRED_FIELDS.includes(f)),
      ignored: [...new Set(r.sources.flatMap((s) => s.header.ignored))],
    },
    ...(r.dataset !== null && r.typeQualifiers ? { typeQualifiers: sortNested(r.typeQualifiers) } : {}),
    ...withNotes(r),
  };
}
