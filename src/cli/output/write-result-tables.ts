import type { Results } from '../../results/results.js';
import { sectionTableMakers, type SectionTable } from '../../results/section-tables.js';
import { SPATIAL_REGIONS_COLUMNS, spatialRegionsTable } from '../../results/spatial-regions-table.js';
import { outPath } from './prepare-out-dir.js';
import { safeCsvParts } from './to-safe-csv.js';
import { writeAtomic } from './write-atomic.js';

/**
 * Write the tables behind the sections of results.json into the staged output folder's
 * `tables/` (UTF-8 with BOM, formulas neutralised by {@link toSafeCsv}): the counts by year ×
 * region × type, `spatial-regions.csv` and every table of `sectionTables` (docs/RESULTS.md
 * "Tables"). A table whose section is missing is not written. Each section's rows are made
 * when its tables are written, and each table's text is written in parts ({@link safeCsvParts}).
 *
 * @param results the results
 * @param outDir the staged output folder (from `prepareOutDir`)
 * @returns the file names written under `tables/`, in order
 * @throws {SoqaError} when a file cannot be written (from `writeAtomic`)
 * @example
 * writeResultTables(results, outDir); // => ['counts-by-year-region-type.csv', 'spatial-regions.csv', …]
 */
export function writeResultTables(results: Results, outDir: string): string[] {
  const written: string[] = [];
  const write = (t: SectionTable): void => {
    writeAtomic(outPath(outDir, `tables/${t.file}`), safeCsvParts(t.columns, t.rows));
    written.push(t.file);
  };
  write({
    file: 'counts-by-year-region-type.csv',
    columns: ['year', 'region', 'type', 'count'],
    rows: results.counts.byYearRegionType as unknown as Record<string, unknown>[],
  });
  const regionRows = spatialRegionsTable(results);
  if (regionRows.length)
    write({ file: 'spatial-regions.csv', columns: [...SPATIAL_REGIONS_COLUMNS], rows: regionRows });
  // one section's rows at a time, each table's text in parts
  for (const make of sectionTableMakers(results)) make().forEach(write);
  return written;
}
