import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Read one numeric column of a CSV file (header row first). Blank cells become NaN.
 *
 * @param file absolute path
 * @param column header name
 * @param skip lines to drop before the header (e.g. 1 for stl_hom.txt's `78,4`; default 0)
 * @returns the column as numbers, in file order
 * @throws Error when the column is missing or a cell is not a number
 */
export function readCsvColumn(file: string, column: string, skip = 0): number[] {
  const text = readFileSync(file, 'utf8').split(/\r?\n/).slice(skip).join('\n');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (!parsed.meta.fields?.includes(column)) {
    throw new Error(`${file}: no column ${column} (have ${parsed.meta.fields?.join(', ')})`);
  }
  return parsed.data.map((row, i) => {
    const cell = (row[column] ?? '').trim();
    if (cell === '') return Number.NaN;
    const v = Number(cell);
    if (Number.isNaN(v)) throw new Error(`${file}: row ${i + 1} column ${column} is not a number: ${cell}`);
    return v;
  });
}
