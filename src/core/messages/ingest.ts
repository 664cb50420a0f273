/**
 * Messages of the ingest stage: reading input files, finding the table, aggregated tables, rejected rows.
 */

export const inputRead = (path: string, reason: string): string =>
  `cannot read input ${path}: ${reason}. Check that the file exists and is readable.`;

export const emptyInput = (file: string): string =>
  `${file} is empty: it has no header row. Export the table again with its header, or check that you passed the right file.`;

export const badHeader = (file: string, line: number, kind: string): string =>
  `${file}, line ${line}: the header row cannot be read (${kind === 'unterminated-quote' ? 'it has a quote that is never closed' : kind === 'record-too-long' ? 'it is too long' : 'a header cell is too long'}). Fix the header line; soqa needs it to map columns.`;

/** The header row has more columns than soqa reads. */
export const tooManyColumns = (file: string, line: number, limit: number): string =>
  `${file}, line ${line}: the header row has more than ${limit.toLocaleString('en-US')} columns, more than soqa reads. Export only the columns you need (or check that the delimiter is right: pass --delimiter).`;

/** An input path is a folder. */
export const inputIsDirectory = (path: string): string =>
  `cannot read input ${path}: it is a folder, not a file. Pass the CSV file(s) inside it, e.g. ${path.replace(/\/+$/, '')}/*.csv.`;

/** The decompressed input passed --max-input-bytes. */
export const inputTooLarge = (path: string, limit: number, gzip: boolean): string =>
  `${path}: the input is larger than --max-input-bytes ${limit}${gzip ? ' once decompressed' : ''}; reading stopped. Raise --max-input-bytes if the file is genuine, or check it (a gzip that expands this much may be a decompression bomb).`;

export const missingColumn = (
  file: string,
  missing: string[],
  found: string[],
  { encoding, garbled }: { encoding: string; garbled: boolean },
): string =>
  `${file}: required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found.\n` +
  `  headers found: ${found
    .slice(0, 40)
    .map((h) => JSON.stringify(h))
    .join(', ')}${found.length > 40 ? `, … (${found.length} in all)` : ''}\n` +
  `  Rename the column, or add its header as an alias in a profile (--profile; see docs/PROFILES.md).` +
  (garbled
    ? `\n  Some headers could not be decoded as ${encoding}: the file may use another encoding; try ${otherEncodings(encoding)}.`
    : '');

/** `--encoding` values to suggest instead of `encoding`. */
const otherEncodings = (encoding: string): string =>
  ['gb18030', 'utf-8', 'utf-16le']
    .filter((e) => e !== encoding)
    .map((e) => `--encoding ${e}`)
    .join(' or ');

/** The header row holds control characters (NUL…): the input is not CSV text. */
export const binaryInput = (file: string, encoding: string): string =>
  `${file}, line 1: the header row holds control characters (such as NUL bytes), so this is not CSV text as read (${encoding}). ` +
  `If it is an Excel .xlsx workbook, pass it as a file (soqa reads .xlsx directly, but not from standard input); another binary file (an old .xls, a PDF) must be saved as .xlsx or CSV (UTF-8 or GBK) first; if it is UTF-16 text read with the wrong --encoding, leave out --encoding or pass --encoding utf-16le.`;

/** `--encoding` was forced but the bytes look like another encoding. */
export const encodingMismatch = (file: string, forced: string, detected: string): string =>
  `${file}: read as ${forced} because of --encoding, but its bytes look like ${detected}; names and labels may be garbled. Leave out --encoding to detect it, or pass --encoding ${detected}.`;

export const duplicateColumn = (file: string, dups: { field: string; headers: string[] }[]): string =>
  `${file}: ${dups.map((d) => `columns ${d.headers.map((h) => JSON.stringify(h)).join(' and ')} both map to ${d.field}`).join('; ')}. Remove or rename one of them so each field has one column.`;

/** Input files of one run disagree on having a year column (panel vs registry list). */
export const mixedShapes = (file: string, hasYear: boolean, other: string): string =>
  `${file} ${hasYear ? 'has' : 'has no'} year column but ${other} ${hasYear ? 'has none' : 'has one'}: files read together must all be annual-report panels (with a year column) or all registry lists (without). Analyse them separately, or add the year column to the registry list.`;

export const ignoredColumn = (file: string, header: string): string =>
  `${file}: column ${JSON.stringify(header)} matches no soqa field and is ignored (add it to a profile to use it).`;

export const decodeReplacement = (file: string, n: number, encoding: string): string =>
  `${file}: ${n} character${n === 1 ? '' : 's'} could not be decoded as ${encoding}; rows containing them were rejected. If the file uses another encoding, pass --encoding (gb18030, utf-8, utf-16le).`;

/** The regions file given to the sample generator cannot be used. */
export const sampleRegionsInvalid = (problem: string): string =>
  `sample: the regions file ${problem}; pass a regions JSON such as data/regions/inner-mongolia.json (a "regions" array of {code, zh, population, zone}).`;

/** A wide table (a count column per type) also has total columns, which cannot be split by type. */
export const wideTotalsIgnored = (file: string, headers: readonly string[]): string =>
  `${file}: ${headers.map((h) => JSON.stringify(h)).join(', ')} ${headers.length === 1 ? 'is a total' : 'are totals'} over all types of a row, but this table has one count column per type (wide layout) and soqa's cube needs totals by type: ${headers.length === 1 ? 'it is' : 'they are'} ignored. To use ${headers.length === 1 ? 'it' : 'them'}, give the table one row per region × year × type with a count column (long layout; docs/DATA.md, "Aggregated tables").`;

/** The table has only whole-area rows while the regions file has several regions: one pseudo-region. */
export const wholeAreaOnly = (
  regionsId: string,
  regions: number,
  { code, zh, en, population }: { code: string; zh: string; en: string; population: number },
): string =>
  `the table has only rows for the whole area (no region breakdown) while the regions file ${regionsId} has ${regions} regions: it is analysed as one region ${code} ${zh} (${en}) with the file's total population ${population.toLocaleString('en-US')}. If the table covers another area, pass its regions file (--regions; e.g. --regions china for national figures).`;

/** Added to {@link wholeAreaOnly} when rows by region were rejected: the breakdown existed. */
export const wholeAreaBreakdownRejected = (rejected: number): string =>
  ` Note: ${rejected} row${rejected > 1 ? 's' : ''} of the table were rejected because their region is not in the regions file (R_UNKNOWN_REGION): the table may well have a breakdown by region that soqa could not place. See the rejects, and fix the region names (or the regions file) to use it.`;

/** A table has both a type (or count) column and count columns named after the types. */
export const aggregateLayoutConflict = (
  file: string,
  conflicting: readonly string[],
  typeHeaders: readonly string[],
): string =>
  `${file}: has count columns named after types (${typeHeaders.map((h) => JSON.stringify(h)).join(', ')}: the wide layout) and also ${conflicting.map((h) => JSON.stringify(h)).join(' and ')} (the long layout's type and count columns). Use one layout: one row per region × year × type with a count column, or one count column per type.`;

/** A required column of an aggregated table is missing. */
export const aggregateMissingColumn = (
  file: string,
  missing: readonly string[],
  found: readonly string[],
  { encoding, garbled }: { encoding: string; garbled: boolean },
): string =>
  `${file}: this aggregated table has no ${missing.map((m) => (m === 'type' ? 'type column (or one count column per type: 社会团体, 民办非企业单位, 基金会)' : m === 'count' ? 'count column (count, 组织数, 数量…)' : `${m} column`)).join(', no ')}.\n` +
  `  headers found: ${found
    .slice(0, 40)
    .map((h) => JSON.stringify(h))
    .join(', ')}${found.length > 40 ? `, … (${found.length} in all)` : ''}\n` +
  `  Rename the column, or add its header as an alias in a profile (--profile; see docs/DATA.md, "Aggregated tables"). For organization rows, pass --input-kind organizations.` +
  (garbled
    ? `\n  Some headers could not be decoded as ${encoding}: the file may use another encoding; try --encoding gb18030 or --encoding utf-8.`
    : '');

/** A published total (合计, a whole-area row) disagrees with its rows, or has none (logged as well as listed in warnings.csv). */
export const totalProblem = (file: string, line: number, column: string, reason: string): string =>
  `${file} line ${line}: ${column} ${reason}.`;

/** More total-row warnings than are logged one by one. */
export const moreTotalProblems = (n: number): string =>
  `… and ${n} more total${n === 1 ? '' : 's'} that disagree with their rows (all are listed in warnings.csv of soqa analyze, or by soqa validate).`;

/** A column's unit contradicts its field (a % in a count column). */
export const unitMismatch = (
  file: string,
  conflicts: readonly { header: string; field: string; reason: string }[],
): string =>
  `${file}: ${conflicts.map((c) => `column ${JSON.stringify(c.header)} (${c.field}) ${c.reason}`).join('; ')}.\n` +
  `  soqa does not guess what such a column holds. Fix the header's unit, or map the column to the field it really holds (--profile; see docs/PROFILES.md).`;

/** Appended to a missing-column error when no row of the first ones could be the header. */
export const headerNotFound = (tried: readonly { line: number; text: string }[], limit: number): string =>
  `\n  soqa looked for the header in the first ${limit} rows and none maps the required columns; rows tried: ${tried
    .slice(0, 4)
    .map((t) => `line ${t.line} ${JSON.stringify(t.text.slice(0, 40))}`)
    .join(', ')}${tried.length > 4 ? `, … (${tried.length} rows)` : ''}.\n` +
  `  If the header is further down, or spread over rows soqa did not combine, pass --header-row N (the line of the header).`;

/** `--header-row N` names a line the input does not start a row on. */
export const headerRowMissing = (file: string, line: number): string =>
  `${file}: --header-row ${line}: no row starts on line ${line} (the input is shorter, or the line is inside a quoted cell). Pass the line number of the header row as an editor shows it.`;

/** Title, unit, total and note lines soqa skipped, one log line per file. */
export const tableLinesSkipped = (file: string, counts: Readonly<Record<string, number>>): string =>
  `${file}: skipped ${Object.entries(counts)
    .map(([k, n]) => `${n} ${k} line${n > 1 ? 's' : ''}`)
    .join(', ')} around the table (not rows: listed in results.json provenance and the data-quality appendix).`;

/** Merged cells of a yearbook table exported as blanks were filled with the value above. */
export const filledDown = (file: string, cells: number, columns: readonly string[]): string =>
  `${file}: ${cells} blank ${columns.join('/')} cell${cells > 1 ? 's' : ''} read as "same as above" (merged cells of a yearbook table exported as blanks) and filled with the value of the row above.`;

/** The fix to suggest for a reject code (the reason of each row says the rest). */
const REJECT_FIXES: Readonly<Record<string, string>> = {
  R_UNKNOWN_REGION:
    'the region cell names no region of the regions file: for a national table pass --regions china; for another province pass its regions file; for other spellings add them to a profile (values.region, docs/PROFILES.md)',
  R_UNKNOWN_TYPE:
    'add the labels to a profile as type aliases; a profile of five lines extends the default one (docs/PROFILES.md)',
  R_UNKNOWN_STATUS: 'add the labels to a profile as status aliases (docs/PROFILES.md)',
  R_UNKNOWN_FIELD: 'add the labels to a profile as field aliases (docs/PROFILES.md)',
  R_FIELD_COUNT:
    'rows have another number of cells than the header: check the delimiter (--delimiter), quotes, and lines above or below the table (--header-row)',
  R_REQUIRED_MISSING:
    'a required cell is empty: fill it, or map another column to the field with a profile (docs/PROFILES.md)',
  R_BAD_NUMBER: 'write the numbers as digits (1,234, 12.5万元 and (1,234) are read; 约58 is not)',
  R_BAD_DATE: 'write dates as 2024-06-01, 2024年6月1日, 202406 or 2024',
  R_YEAR_RANGE: 'check the year column, or set "years" in a profile',
  R_DUPLICATE: 'the same organization (and year) appears twice: keep one row',
  R_UNDECODABLE: 'the text could not be decoded: pass --encoding gb18030 or --encoding utf-8',
};

/**
 * What a command prints when most rows were rejected: the top reasons with their count, one
 * example line each and the fix.
 *
 * @param read rows read
 * @param rejected rows rejected
 * @param counts rejects by code
 * @param examples the rejected rows kept
 * @returns the text (several lines)
 */
export const rejectDigest = (
  read: number,
  rejected: number,
  counts: Readonly<Record<string, number>>,
  examples: readonly { file: string; line: number; code: string; column: string; value: string; reason: string }[],
): string => {
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3);
  const lines = top.map(([code, n]) => {
    const e = examples.find((x) => x.code === code);
    const where = e
      ? `\n      e.g. ${e.file} line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${JSON.stringify(e.value.slice(0, 80))} ${e.reason}`
      : '';
    const fix = REJECT_FIXES[code] ?? 'see the reason of each row in rejects.csv or `soqa validate`';
    return `  ${code}: ${n} row${n > 1 ? 's' : ''}${where}\n      fix: ${fix}`;
  });
  return `${rejected} of ${read} rows were rejected. Most common reasons:\n${lines.join('\n')}`;
};
