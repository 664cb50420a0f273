import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src/core/logger.js';
import type { Cube } from '../../../src/cube/cube.js';
import { cubeFromDataset } from '../../../src/cube/cube-from-dataset.js';
import type { Dataset } from '../../../src/dataset/dataset.js';
import { ingestFiles } from '../../../src/ingest/ingest-files.js';
import { loadFieldsOfActivity } from '../../../src/ingest/load-fields-of-activity.js';
import type { ActivityField } from '../../../src/domain/activity-field.js';
import { loadProfile, regionsPathFor } from '../../../src/ingest/profile/load-profile.js';
import { loadRegions } from '../../../src/ingest/regions/load-regions.js';
import type { RegionsFile } from '../../../src/domain/regions/regions.js';
import { generateSample, toCsvLine } from '../../../src/sample/index.js';

/** A generated sample, ingested and aggregated the way `soqa analyze` does it. */
export interface SampleCube {
  cube: Cube;
  dataset: Dataset;
  regions: RegionsFile;
  fieldsOfActivity: ActivityField[];
}

/**
 * Generate the synthetic Inner Mongolia panel (src/sample), write it to a temporary CSV, ingest
 * it with the default profile and build the cube.
 *
 * @param orgs organizations in the last year
 * @param years first and last year
 * @param seed generator seed
 * @returns cube, dataset, regions and fields of activity
 */
export async function sampleCube(orgs: number, years: [number, number], seed = 20240601): Promise<SampleCube> {
  const profile = loadProfile('default');
  const regions = loadRegions(regionsPathFor(profile));
  const lines: string[] = [];
  for (const row of generateSample({ orgs, years, seed, regions })) lines.push(toCsvLine(row));
  const dir = mkdtempSync(join(tmpdir(), 'soqa-indicators-'));
  const file = join(dir, 'sample.csv');
  try {
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ingest = await ingestFiles([file], { profile, regions, logger: createLogger() });
    const fieldsOfActivity = loadFieldsOfActivity();
    const governance = new Set(fieldsOfActivity.filter((f) => f.governance).map((f) => f.code));
    const cube = cubeFromDataset(ingest.dataset, { governanceFields: governance });
    return { cube, dataset: ingest.dataset, regions, fieldsOfActivity };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
