import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { SoqaError } from '../../core/soqa-error.js';
import type { CsvRecord } from '../csv/csv-record-parser.js';
import type { SourceInfo } from '../read-source.js';
import { fillableRanges, mergeRanges } from './merge-ranges.js';
import { sheetRows } from './sheet-rows.js';
import { sharedStrings, workbookInfo, type SheetRef, type WorkbookInfo } from './workbook-info.js';
import * as msg from '../../core/messages/xlsx.js';
import { DEFAULT_MAX_XLSX_BYTES, ZipArchive } from './zip-archive.js';

/** Rows of a sheet searched for its header row. */
export const HEADER_SEARCH_ROWS = 30;

/** Options of {@link openWorkbook}. */
export interface WorkbookOptions {
  /** `--sheet`: a sheet name, or its 1-based number when no sheet has that name. Default: the first sheet with a recognisable table. */
  sheet?: string;
  /** Decompressed bytes allowed (default `SOQA_XLSX_MAX_BYTES`, else 1 GiB); the shared strings get a quarter. */
  maxBytes?: number;
  /** Whether a row of cells is a header row that maps the required columns (the sheet's table starts there). */
  isHeader: (cells: string[]) => boolean;
  /** Called once with a note (no sheet had a recognisable table; merged cells filled). */
  onNote?: (code: string, message: string) => void;
}

/** A workbook opened on one sheet, ready to be read as records. */
export interface OpenedSheet {
  /** The chosen sheet's name. */
  sheet: string;
  /** Every sheet's name, in workbook order. */
  sheets: string[];
  /** Row number of the header row found in the first 30 rows (0 when none maps the required columns). */
  headerRow: number;
  /** Cells of the header row (of row 1 when none was found). */
  headerCells: string[];
  /** Merged cells filled so far (complete after the records are read). */
  stats: { filled: number };
  /** The sheet's records from row 1 (call once). Closes the file at the end. */
  records(): AsyncGenerator<CsvRecord[]>;
  /** Close the file (when the records are not read to the end). */
  close(): void;
}

/**
 * The byte budget from `SOQA_XLSX_MAX_BYTES` (a whole number of bytes), else 1 GiB.
 *
 * @param value the variable's value (default: the environment's)
 * @returns the budget in bytes
 * @throws SoqaError E_BAD_OPTION (exit 3) for anything but a positive whole number
 * @example
 * maxXlsxBytesFromEnv('2147483648'); // => 2147483648
 */
export function maxXlsxBytesFromEnv(value = process.env.SOQA_XLSX_MAX_BYTES): number {
  if (value === undefined || value === '') return DEFAULT_MAX_XLSX_BYTES;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new SoqaError(
      'E_BAD_OPTION',
      `SOQA_XLSX_MAX_BYTES (environment) must be a whole number of bytes (e.g. 2147483648 for 2 GiB), got ${JSON.stringify(value)}.`,
    );
  return Number(value);
}

/**
 * Open an .xlsx workbook and choose its sheet: the one `--sheet` names (by name, else by
 * number), or else the first visible sheet whose first 30 rows hold a header row that maps
 * the required columns (`isHeader`), or else the first sheet (the header checks then say
 * what is missing). Fills `info` (name, SHA-256 and size of the file). Merged ranges below
 * the header row are filled down their first column (see `fillableRanges`).
 *
 * @param path the file
 * @param info the source information to fill
 * @param options sheet, byte budget, header test
 * @returns the opened sheet
 * @throws SoqaError E_SHEET_NOT_FOUND (lists the sheets), E_XLSX_CORRUPT, E_XLSX_TOO_LARGE, E_XLSX_BAD_CELL (exit 2)
 * @example
 * const s = await openWorkbook('名录.xlsx', info, { isHeader: (c) => c.includes('统一社会信用代码') });
 * for await (const batch of s.records()) handle(batch);
 */
export async function openWorkbook(path: string, info: SourceInfo, options: WorkbookOptions): Promise<OpenedSheet> {
  const name = basename(path);
  Object.assign(info, { path, name, encoding: 'utf-8', encodingReason: 'xlsx', gzip: false });
  const [hash, size] = await Promise.all([sha256(path), stat(path).then((s) => s.size)]);
  info.sha256 = hash;
  info.bytes = size;
  const maxBytes = options.maxBytes ?? maxXlsxBytesFromEnv();
  const zip = await ZipArchive.open(path, name, maxBytes);
  try {
    if (zip.has('xl/workbook.bin') || zip.has('content.xml') || !zip.has('xl/workbook.xml')) {
      const kind = zip.has('xl/workbook.bin') ? 'xlsb' : zip.has('content.xml') ? 'ods' : 'other';
      // a workbook part elsewhere (named in _rels/.rels) is still read
      if (kind !== 'other' || !zip.has('[Content_Types].xml'))
        throw new SoqaError('E_XLSX_NOT_WORKBOOK', msg.zipNotXlsx(name, kind), { file: name });
    }
    const wb = await xmlStep(name, () => workbookInfo(zip));
    const strings = wb.sharedStringsPart
      ? await xmlStep(name, () => sharedStrings(zip, wb.sharedStringsPart, Math.floor(maxBytes / 4)))
      : [];
    const names = wb.sheets.map((s) => s.name);
    const readable = wb.sheets.filter((s) => s.part);
    const rowsOf = (sheet: SheetRef, fill: ReturnType<typeof fillableRanges> = [], stats?: { filled: number }) =>
      sheetRows(zip, { file: name, sheet, workbook: wb, strings, fill, stats });
    let chosen: { sheet: SheetRef; headerRow: number; headerCells: string[] } | null = null;
    if (options.sheet !== undefined) {
      const sheet = pickSheet(wb, options.sheet);
      if (!sheet || !sheet.part)
        throw new SoqaError('E_SHEET_NOT_FOUND', msg.sheetNotFound(name, options.sheet, names), {
          file: name,
        });
      chosen = { sheet, ...(await findHeader(name, rowsOf(sheet), options.isHeader)) };
    } else {
      for (const sheet of readable.filter((s) => s.state === 'visible')) {
        const found = await findHeader(name, rowsOf(sheet), options.isHeader);
        if (found.headerRow > 0) {
          chosen = { sheet, ...found };
          break;
        }
      }
      if (!chosen) {
        const sheet = readable[0];
        if (!sheet) throw new SoqaError('E_XLSX_NOT_WORKBOOK', msg.zipNotXlsx(name), { file: name });
        if (readable.length > 1)
          options.onNote?.('I_NO_TABLE_SHEET', msg.noTableSheet(name, names, HEADER_SEARCH_ROWS));
        chosen = { sheet, ...(await findHeader(name, rowsOf(sheet), options.isHeader)) };
      }
    }
    const { sheet, headerRow, headerCells } = chosen;
    const merges = await mergeRanges(zip, sheet.part);
    const fill = fillableRanges(merges, headerRow);
    const stats = { filled: 0 };
    let closed = false;
    const close = (): void => {
      if (!closed) zip.close();
      closed = true;
    };
    return {
      sheet: sheet.name,
      sheets: names,
      headerRow,
      headerCells,
      stats,
      close,
      records: async function* () {
        try {
          yield* xmlSteps(name, rowsOf(sheet, fill, stats));
        } finally {
          close();
        }
      },
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** `--sheet` by exact name, then by name ignoring case and surrounding spaces, then as a 1-based number. */
function pickSheet(wb: WorkbookInfo, wanted: string): SheetRef | undefined {
  const exact = wb.sheets.find((s) => s.name === wanted);
  if (exact) return exact;
  const key = wanted.trim().toLowerCase();
  const loose = wb.sheets.find((s) => s.name.trim().toLowerCase() === key);
  if (loose) return loose;
  if (/^\d+$/.test(wanted.trim())) return wb.sheets[Number(wanted.trim()) - 1];
  return undefined;
}

/** The header row within a sheet's first rows (and its cells), or 0 and the first row's cells. */
async function findHeader(
  file: string,
  rows: AsyncGenerator<CsvRecord[]>,
  isHeader: (cells: string[]) => boolean,
): Promise<{ headerRow: number; headerCells: string[] }> {
  let first: string[] | null = null;
  try {
    for await (const batch of xmlSteps(file, rows))
      for (const r of batch) {
        if (r.line > HEADER_SEARCH_ROWS) return { headerRow: 0, headerCells: first ?? [] };
        if (first === null && !(r.fields.length === 1 && r.fields[0] === '')) first = r.fields;
        if (isHeader(r.fields)) return { headerRow: r.line, headerCells: r.fields };
      }
  } finally {
    await rows.return(undefined);
  }
  return { headerRow: 0, headerCells: first ?? [] };
}

/** Turn an XML parse error into a message that names the file. */
async function xmlStep<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof SoqaError) throw e;
    throw new SoqaError('E_XLSX_CORRUPT', msg.xlsxCorrupt(file, (e as Error).message), { file });
  }
}

async function* xmlSteps<T>(file: string, gen: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* gen;
  } catch (e) {
    if (e instanceof SoqaError) throw e;
    throw new SoqaError('E_XLSX_CORRUPT', msg.xlsxCorrupt(file, (e as Error).message), { file });
  }
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (b) => h.update(b))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}
