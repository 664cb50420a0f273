import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RowsContext } from '../../../src/analyses/analysis-context.js';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { MemoryOrgRows } from '../../../src/ingest/rows/memory-org-rows.js';
import { rowsInput } from '../../../src/dataset/org-rows.js';
import { createLogger } from '../../../src/core/logger.js';
import { cubeFromDataset } from '../../../src/cube/cube-from-dataset.js';
import { ingestFiles, type IngestResult } from '../../../src/ingest/ingest-files.js';
import { loadFieldsOfActivity } from '../../../src/ingest/load-fields-of-activity.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import { generateSample, toCsvLine } from '../../../src/sample/index.js';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';
import { loadChinaGazetteer } from '../../../src/ingest/regions/load-china-gazetteer.js';
import { sharedSample } from '../../support/shared-samples.js';

/**
 * The generated sample (the built-in synthetic Inner Mongolia panel generator) as CSV text.
 *
 * @param orgs organizations in the last year
 * @param seed generator seed
 * @returns the CSV text, header first
 */
export function sampleCsv(orgs: number, seed: number): string {
  const regionsJson = JSON.parse(readFileSync(resolve('data/regions/inner-mongolia.json'), 'utf8'));
  let csv = '';
  for (const row of generateSample({ orgs, seed, regions: regionsJson })) csv += `${toCsvLine(row)}\n`;
  return csv;
}

/** A context over a sample's rows held in memory, with the rows as a dataset too (for the tests' look-ups). */
export type SampleContext = RowsContext & { dataset: Dataset };

/**
 * An analysis context over a small generated sample (the built-in synthetic Inner Mongolia
 * panel generator, calibrated to the seed papers), ingested through the real pipeline.
 *
 * @param orgs organizations in the last year
 * @param seed generator seed
 * @returns the context (seed 1 for permutations, no extra options)
 */
export async function sampleContext(orgs = 3000, seed = 20240601): Promise<SampleContext> {
  return (await sampleRun(orgs, seed)).ctx;
}

/**
 * The same sample run, with the ingest result and profile id next to the context (what
 * buildResults needs besides the analyses).
 *
 * @param orgs organizations in the last year
 * @param seed generator seed
 * @returns context, ingest result and profile id
 */
export async function sampleRun(
  orgs = 3000,
  seed = 20240601,
): Promise<{ ctx: SampleContext; ingest: IngestResult; profileId: string }> {
  // the global setup (test/support/global-setup.ts) generated the 2000-organization sample once for the run
  const csv = (orgs === 2000 && seed === 20240601 ? sharedSample('csv2000') : null) ?? sampleCsv(orgs, seed);
  const dir = mkdtempSync(join(tmpdir(), 'soqa-sample-'));
  try {
    const path = join(dir, 'sample.csv');
    writeFileSync(path, csv);
    const profile = loadProfile('default');
    const regions = loadRegions(regionsPathFor(profile));
    const log = createLogger();
    const ingest = await ingestFiles([path], { profile, regions, logger: log });
    const fieldsOfActivity = loadFieldsOfActivity();
    const cube = cubeFromDataset(ingest.dataset, {
      governanceFields: new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code)),
    });
    return {
      ctx: {
        cube,
        rows: rowsInput(new MemoryOrgRows(ingest.dataset)) as RowsContext['rows'],
        dataset: ingest.dataset,
        regions,
        fieldsOfActivity,
        gazetteer: loadChinaGazetteer,
        options: { seed: 1, config: analysisConfig(), extra: {} },
        log,
      },
      ingest,
      profileId: profile.id,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
