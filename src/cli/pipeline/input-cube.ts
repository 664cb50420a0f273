import type { Cube } from '../../cube/cube.js';
import { cubeFromDataset } from '../../cube/cube-from-dataset.js';
import type { AnyIngestResult } from '../../ingest/ingest-input.js';

/**
 * The cube of an input: organization rows are aggregated into it; an aggregated table
 * filled it while it was read.
 *
 * @param ingest the ingest result
 * @param governanceFields core governance field codes (for the derived governance_field)
 * @returns the region × year × type × field cube
 * @example
 * inputCube(ingest, governance).source; // => 'aggregate' for a yearbook table
 */
export function inputCube(ingest: AnyIngestResult, governanceFields: ReadonlySet<string>): Cube {
  return ingest.dataset === null ? ingest.cube : cubeFromDataset(ingest.dataset, { governanceFields });
}
