import type { TableLayout } from '../ingest/header/table-layout.js';
import type { RegionsDetection } from '../domain/regions/regions.js';
import type { CountsSection } from '../analyses/counts.js';
import type { QualitySummary } from './quality-summary.js';
import type { AnalysesSections } from '../analyses/analyses-sections.js';

/** Provenance of one input file. */
export interface InputProvenance {
  file: string;
  sha256: string;
  bytes: number;
  gzip: boolean;
  encoding: string;
  delimiter: string;
  /** An Excel workbook: the sheet read (its rows' lines are the sheet's row numbers). */
  sheet?: string;
  /** An Excel workbook: cells of merged ranges below the header filled with the range's value. */
  mergedCellsFilled?: number;
  rows: { read: number; accepted: number; rejected: number; blank: number; skipped?: number };
  /** Where the table sat and what was read around it (only when the header is not a plain first line). */
  table?: TableLayout;
}

/**
 * results.json: the contract between computing and rendering (schemas/results.schema.json).
 * Same input and options give a byte-identical file.
 */
export interface Results {
  schemaVersion: 1;
  soqa: { version: string };
  /** Set when the input is synthetic demonstration data. */
  notice: { synthetic: boolean; en: string; zh: string } | null;
  provenance: {
    inputs: InputProvenance[];
    rows: { read: number; accepted: number; rejected: number; blank: number; skipped?: number };
    shape: 'panel' | 'registry' | 'aggregate';
    profile: string;
    regions: {
      id: string;
      populationYear: number | null;
      count: number;
      /** Province the regions file was narrowed to (`--within`, or detection). */
      within?: string;
      /** How the file was detected when `--regions` was not given. */
      detected?: RegionsDetection;
    };
    options: Record<string, string | number | boolean | null>;
  };
  quality: QualitySummary;
  counts: CountsSection;
  regions: { code: string; zh: string; en: string; population: number; zone: 'core' | 'periphery'; tags: string[] }[];
  /** Each analysis's section, typed from the analysis ({@link AnalysesSections}). */
  analyses: AnalysesSections;
}
