import type { Cube } from '../cube/cube.js';
import { indentedJsonParts } from './indented-json-parts.js';
import type { AnyIngestResult } from '../ingest/ingest-input.js';
import type { RegionsFile } from '../domain/regions/regions.js';
import { countsSection } from '../analyses/counts.js';
import type { AnalysesSections } from '../analyses/analyses-sections.js';
import { qualitySummary } from './quality-summary.js';
import type { Results } from './results.js';
import * as msg from '../core/messages/index.js';

/** Everything {@link buildResults} needs. */
export interface BuildResultsInput {
  version: string;
  /** Organization rows, or an aggregated table (`dataset: null`; shape `aggregate`). */
  ingest: AnyIngestResult;
  cube: Cube;
  regions: RegionsFile;
  profileId: string;
  /** Options that change the numbers (never output paths), recorded for provenance. */
  options: Record<string, string | number | boolean | null>;
  synthetic: boolean;
  analyses?: AnalysesSections;
}

/**
 * Assemble results.json from the pipeline's parts.
 *
 * @param input version, ingest result, cube, regions, profile id, options, analyses
 * @returns the results object (serialise with {@link serializeResults})
 * @example
 * buildResults({ version: '0.1.0', ingest, cube, regions, profileId: 'default', options: {}, synthetic: true });
 */
export function buildResults(input: BuildResultsInput): Results {
  const { ingest, cube, regions } = input;
  return {
    schemaVersion: 1,
    soqa: { version: input.version },
    notice: input.synthetic ? { synthetic: true, en: msg.syntheticNotice('en'), zh: msg.syntheticNotice('zh') } : null,
    provenance: {
      inputs: ingest.sources.map((s) => ({
        file: s.name,
        sha256: s.sha256,
        bytes: s.bytes,
        gzip: s.gzip,
        encoding: s.encoding,
        delimiter: s.delimiter,
        ...(s.sheet !== undefined ? { sheet: s.sheet, mergedCellsFilled: s.mergedCellsFilled ?? 0 } : {}),
        rows: { ...s.counts },
        ...(s.table ? { table: s.table } : {}),
      })),
      rows: { ...ingest.counts },
      shape: ingest.dataset === null ? 'aggregate' : ingest.dataset.shape,
      profile: input.profileId,
      regions: {
        id: regions.id,
        populationYear: regions.populationYear ?? null,
        count: regions.regions.length,
        ...(regions.within ? { within: regions.within } : {}),
        ...(regions.detected ? { detected: regions.detected } : {}),
      },
      options: input.options,
    },
    quality: qualitySummary(ingest),
    counts: countsSection(cube),
    regions: regions.regions.map((r) => ({
      code: r.code,
      zh: r.zh,
      en: r.en,
      population: r.population,
      zone: r.zone ?? 'periphery',
      tags: r.tags ?? [],
    })),
    analyses: input.analyses ?? {},
  };
}

/**
 * Serialise results deterministically: two-space JSON, object keys in insertion order
 * (fixed by the builders), non-finite numbers as null, trailing newline.
 *
 * @param r results
 * @returns the file text
 * @example
 * serializeResults(r).endsWith('\n'); // => true
 */
export function serializeResults(r: Results): string {
  // JSON.stringify writes NaN and ±Infinity as null
  return `${JSON.stringify(r, null, 2)}\n`;
}

/**
 * {@link serializeResults}'s text in parts (their concatenation is the same text), for
 * writing a large results.json without holding its whole text in memory.
 *
 * @param r results
 * @returns the parts, in order
 * @example
 * [...serializeResultsParts(r)].join('') === serializeResults(r); // => true
 */
export function* serializeResultsParts(r: Results): Generator<string> {
  yield* indentedJsonParts(r);
  yield '\n';
}
