/** Messages of the ingest stage about Excel workbooks (what is wrong, where, how to fix it). */

const mib = (n: number): string =>
  n < 1 << 20 ? `${Math.round((n / 1024) * 10) / 10} KiB` : `${Math.round((n / (1 << 20)) * 10) / 10} MiB`;

/** The workbook is not a readable ZIP, or one of its parts is broken. */
export const xlsxCorrupt = (file: string, reason: string): string =>
  `${file}: the workbook cannot be read (${reason}). Open it in Excel, WPS or LibreOffice and save it again as .xlsx, or save the sheet as CSV (UTF-8).`;

/** A part inflates past its cap (a zip bomb, or a workbook larger than soqa reads). */
export const xlsxTooLarge = (
  file: string,
  { part, what }: { part: string; what: string },
  cap: number,
  size: number,
): string =>
  `${file}: ${part} expands to ${size > cap ? `more than ${mib(cap)}` : mib(size)} (at least ${mib(size)}), past the limit of ${mib(cap)} for ${what}; reading stopped. ` +
  `If the workbook is genuine, save the sheet as CSV (soqa streams CSV of any size), or raise the limit with the environment variable SOQA_XLSX_MAX_BYTES (bytes).`;

/** An old binary .xls (BIFF, OLE2 container) or an encrypted .xlsx. */
export const xlsOldFormat = (file: string): string =>
  `${file} is an old binary Excel workbook (.xls, BIFF8) or a password-protected workbook (both are OLE2 files), which soqa does not read. ` +
  `Open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV (UTF-8), without a password, or convert it with: libreoffice --headless --convert-to xlsx "${file}"`;

/** A file named .xlsx/.xls whose bytes are not a workbook. */
export const xlsxNotWorkbook = (file: string, looksLike: string): string =>
  `${file} is named like an Excel workbook but its bytes are ${looksLike}. ` +
  `If it is a CSV or tab-separated text, rename it to .csv; if it came from a website's "export to Excel" button, open it in Excel, WPS or LibreOffice and save it as .xlsx.`;

/** A ZIP file that is not an .xlsx workbook: a binary .xlsb, an OpenDocument .ods, or another archive. */
export const zipNotXlsx = (file: string, kind: 'xlsb' | 'ods' | 'other' = 'other'): string =>
  `${file} is ${kind === 'xlsb' ? 'an Excel binary workbook (.xlsb)' : kind === 'ods' ? 'an OpenDocument spreadsheet (.ods)' : 'a ZIP archive but not an Excel .xlsx workbook (it has no xl/workbook.xml)'}, which soqa does not read. ` +
  `Open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook) or CSV (UTF-8)${kind === 'other' ? '; an .xlsx file zipped again must be unzipped first' : ''}.`;

/** `--sheet` names a sheet the workbook does not have. */
export const sheetNotFound = (file: string, wanted: string, sheets: string[]): string =>
  `${file} has no sheet ${JSON.stringify(wanted)}. Its sheets are: ${sheets.map((s, i) => `${i + 1} ${JSON.stringify(s)}`).join(', ')}. Pass --sheet with one of these names or numbers.`;

/** No sheet has a header row that maps the required columns. */
export const noTableSheet = (file: string, sheets: string[], rows: number): string =>
  `${file}: none of its sheets (${sheets.map((s) => JSON.stringify(s)).join(', ')}) has a header row mapping the required columns within its first ${rows} rows; reading the first sheet. Pass --sheet NAME to choose another.`;

/** A cell reference past Excel's own limits (1,048,576 rows, 16,384 columns). */
export const xlsxBadCell = (file: string, sheet: string, ref: string): string =>
  `${file}, sheet ${JSON.stringify(sheet)}: the cell reference ${ref} is past Excel's limits (1,048,576 rows × 16,384 columns) or out of order; the workbook is damaged or was not written by a spreadsheet program. Save it again from Excel, WPS or LibreOffice.`;
