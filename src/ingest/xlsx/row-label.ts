/** The parts of a source a row's label needs. */
export interface LabelledSource {
  name: string;
  /** Set for an Excel workbook: the sheet read. */
  sheet?: string;
}

/**
 * How a row is named in rejects.csv and warnings.csv (the `line` column): the line number
 * for a CSV file, `SHEET!row N` for a row of a workbook's sheet (N = the row number Excel
 * shows), so the user can find it in the file they have.
 *
 * @param source the file (its sheet, for a workbook)
 * @param line the line, or the sheet's row number
 * @returns the label
 * @example
 * rowLabel({ name: 'a.csv' }, 12); // => 12
 * rowLabel({ name: 'b.xlsx', sheet: '名录' }, 12); // => '名录!row 12'
 */
export function rowLabel(source: LabelledSource, line: number): number | string {
  return source.sheet === undefined ? line : `${source.sheet}!row ${line}`;
}

/**
 * A row named in a message: `a.csv line 12`, or `b.xlsx 名录!row 12` for a workbook.
 *
 * @param source the file (its sheet, for a workbook)
 * @param line the line, or the sheet's row number
 * @returns the text
 * @example
 * rowWhere({ name: 'b.xlsx', sheet: '名录' }, 5); // => 'b.xlsx 名录!row 5'
 */
export function rowWhere(source: LabelledSource, line: number): string {
  return source.sheet === undefined ? `${source.name} line ${line}` : `${source.name} ${source.sheet}!row ${line}`;
}

/**
 * Problem rows (rejects, warnings) with their `line` written as {@link rowLabel} says, for
 * the CSV files soqa writes: rows of CSV inputs are unchanged.
 *
 * @param rows the rows, each naming its file
 * @param sources the run's sources
 * @returns the rows to write (the same objects when no source is a workbook)
 * @example
 * labelProblemRows(ingest.rejects, ingest.sources)[0].line; // => '名录!row 12'
 */
export function labelProblemRows<T extends { file: string; line: number }>(
  rows: T[],
  sources: LabelledSource[],
): (Omit<T, 'line'> & { line: number | string })[] {
  const sheets = new Map(sources.filter((s) => s.sheet !== undefined).map((s) => [s.name, s]));
  if (sheets.size === 0) return rows;
  return rows.map((r) => {
    const s = sheets.get(r.file);
    return s ? { ...r, line: rowLabel(s, r.line) } : r;
  });
}
