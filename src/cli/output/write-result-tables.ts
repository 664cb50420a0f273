import type { Results } from '../../results/results.js';
import { sectionTables } from '../../results/section-tables.js';
import { SPATIAL_REGIONS_COLUMNS, spatialRegionsTable } from '../../results/spatial-regions-table.js';
import { outPath } from './prepare-out-dir.js';
import { toSafeCsv } from './to-safe-csv.js';
import { writeAtomic } from './write-atomic.js';

/**
 * Write the tables behind the sections of results.json into the staged output folder's
 * `tables/` (UTF-8 with BOM, formulas neutralised by {@link toSafeCsv}): the counts by year ×
 * region × type, `spatial-regions.csv` and every table of `sectionTables` (docs/RESULTS.md
 * "Tables"). A table whose section is missing is not written.
 *
 * @param results the results
 * @param outDir the staged output folder (from `prepareOutDir`)
 * @returns the file names written under `tables/`, in order
 * @throws {SoqaError} when a file cannot be written (from `writeAtomic`)
 * @example
 * writeResultTables(results, outDir); // => ['counts-by-year-region-type.csv', 'spatial-regions.csv', …]
 */
export function writeResultTables(results: Results, outDir: string): string[] {
  const tables = [
    {
      file: 'counts-by-year-region-type.csv',
      columns: ['year', 'region', 'type', 'count'],
      rows: results.counts.byYearRegionType as unknown as Record<string, unknown>[],
    },
  ];
  const regionRows = spatialRegionsTable(results);
  if (regionRows.length)
    tables.push({ file: 'spatial-regions.csv', columns: [...SPATIAL_REGIONS_COLUMNS], rows: regionRows });
  tables.push(...sectionTables(results));
  for (const t of tables) writeAtomic(outPath(outDir, `tables/${t.file}`), toSafeCsv(t.columns, t.rows));
  return tables.map((t) => t.file);
}
