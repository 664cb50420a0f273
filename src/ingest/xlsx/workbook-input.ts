import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { CsvItem } from '../csv/csv-record-parser.js';
import { detectInputKind, type InputKind } from '../aggregate/detect-input-kind.js';
import { mapAggregateHeader } from '../aggregate/map-aggregate-header.js';
import { planDerivedFields, withDerivedFields } from '../derive/plan-derived-fields.js';
import { mapHeaders } from '../header/map-headers.js';
import type { Profile } from '../profile/profile.js';
import type { SourceInfo } from '../read-source.js';
import type { RowCounts } from '../record-handler.js';
import { maxXlsxBytesFromEnv, openWorkbook, type OpenedSheet } from './open-workbook.js';
import * as msg from '../../core/messages/xlsx.js';

/** What the first bytes of an input say it is. */
export type InputFormat = 'xlsx' | 'ole2' | 'text';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORKBOOK_NAME = /\.(xlsx|xlsm|xltx|xltm|xls|xlt|et)$/i;

/**
 * Tell a workbook from text by its first bytes (not its name): a ZIP local header is an
 * .xlsx workbook, an OLE2 header an old .xls (or an encrypted .xlsx); anything else is text
 * for the CSV reader. Standard input is always text.
 *
 * @param path file path, or `-`
 * @returns the format, and the first bytes read (for messages)
 * @example
 * (await sniffInput('名录.xlsx')).format; // => 'xlsx'
 */
export async function sniffInput(path: string): Promise<{ format: InputFormat; head: Buffer }> {
  if (path === '-') return { format: 'text', head: Buffer.alloc(0) };
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return { format: 'text', head: Buffer.alloc(0) }; // readSource reports the error
  }
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    if (b.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', head: b };
    if (b.subarray(0, 8).equals(OLE2)) return { format: 'ole2', head: b };
    return { format: 'text', head: b };
  } catch {
    return { format: 'text', head: Buffer.alloc(0) }; // a folder, a device: readSource reports it
  } finally {
    await fh.close();
  }
}

/**
 * Whether a row of cells is a header row that maps the required columns of `kind`
 * (`any`: of the kind its header says, as `--input-kind` detection does), with the
 * profile's header mapping and derived fields (nothing is mapped twice).
 *
 * @param cells the row's cells
 * @param profile the input profile
 * @param kind organization rows, an aggregated table, or either
 * @returns true for a header row
 * @example
 * mapsRequiredColumns(['统一社会信用代码', '名称', '类型', '地区'], profile, 'organizations'); // => true
 */
export function mapsRequiredColumns(cells: string[], profile: Profile, kind: InputKind | 'any'): boolean {
  if (cells.every((c) => c.trim() === '')) return false;
  const k = kind === 'any' ? detectInputKind(cells, profile) : kind;
  if (k === 'aggregate') return mapAggregateHeader(cells, profile).missingRequired.length === 0;
  const mapped = mapHeaders(cells, profile);
  return withDerivedFields(mapped, planDerivedFields(profile, cells, mapped), cells).missingRequired.length === 0;
}

/** Options of {@link openWorkbookInput}. */
export interface WorkbookInputOptions {
  profile: Profile;
  /** `--sheet NAME|N`. */
  sheet?: string;
  /** Decompressed bytes allowed (default `SOQA_XLSX_MAX_BYTES`, else 1 GiB). */
  maxXlsxBytes?: number;
  /** `--max-input-bytes`: caps a workbook's decompressed XML too, when it is the lower limit. */
  maxInputBytes?: number;
  logger?: Logger;
  /** A workbook already opened on its sheet: taken as it is for its path (once; `taken` is then set). */
  prepared?: { path: string; opened: OpenedSheet; info: SourceInfo; taken?: boolean };
}

/**
 * The hook where an input's type is chosen: open it as a workbook when its bytes are one
 * (whatever its name), refuse an old .xls and a file named like a workbook that is text,
 * and return null for everything the CSV reader reads (standard input included).
 *
 * @param path the input path
 * @param info the source information (filled for a workbook)
 * @param options profile, sheet, byte budget, logger
 * @param kind what the header must map: organization rows, an aggregated table, or either
 * @returns the opened sheet, or null for text
 * @throws SoqaError E_XLS_UNSUPPORTED, E_XLSX_NOT_WORKBOOK, and those of openWorkbook (exit 2)
 * @example
 * const wb = await openWorkbookInput('名录.xlsx', info, { profile }, 'organizations');
 */
export async function openWorkbookInput(
  path: string,
  info: SourceInfo,
  options: WorkbookInputOptions,
  kind: InputKind | 'any',
): Promise<OpenedSheet | null> {
  const pre = options.prepared;
  if (pre && pre.path === path && !pre.taken) {
    pre.taken = true;
    Object.assign(info, pre.info);
    return pre.opened;
  }
  const { format, head } = await sniffInput(path);
  const name = basename(path);
  if (format === 'ole2') throw new SoqaError('E_XLS_UNSUPPORTED', msg.xlsOldFormat(name), { file: name });
  if (format === 'text') {
    if (WORKBOOK_NAME.test(name))
      throw new SoqaError('E_XLSX_NOT_WORKBOOK', msg.xlsxNotWorkbook(name, looksLike(head)), {
        file: name,
      });
    return null;
  }
  if (!WORKBOOK_NAME.test(name))
    options.logger?.info(
      'I_XLSX_BY_CONTENT',
      `${name} is named ${extname(name) || 'without an extension'} but is an Excel workbook (ZIP); read as .xlsx.`,
    );
  const opened = await openWorkbook(path, info, {
    sheet: options.sheet,
    maxBytes:
      options.maxXlsxBytes ??
      (options.maxInputBytes !== undefined ? Math.min(options.maxInputBytes, maxXlsxBytesFromEnv()) : undefined),
    isHeader: (cells) => mapsRequiredColumns(cells, options.profile, kind),
    onNote: (code, text) => options.logger?.warn(code, text),
  });
  info.sheet = opened.sheet;
  return opened;
}

/** What the first bytes of a text file look like, for the message. */
function looksLike(head: Buffer): string {
  const t = head.toString('latin1').trimStart().slice(0, 200).toLowerCase();
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || t.includes('<table'))
    return 'an HTML page (a web table saved with an .xls name)';
  if (t.startsWith('<?xml')) return 'XML (perhaps an "XML Spreadsheet 2003" file)';
  if (head.length === 0) return 'empty';
  return 'text (perhaps CSV or tab-separated)';
}

/**
 * Whether {@link feedWorkbook} drops the rows above the header row the sheet chooser found
 * (counting them as blank lines) instead of handing them on. Needed while the record
 * handler takes its first record as the header; once the handler finds the table itself
 * (titles, unit lines such as `单位：万元` that set units, two-row headers: issue 20 item 2),
 * set this to false so those rows reach it, with their sheet row numbers as lines.
 */
export const SKIP_ROWS_ABOVE_HEADER = false;

/**
 * Read an opened sheet into a record handler as the CSV reader would: records with the
 * sheet's row numbers as their lines. With {@link SKIP_ROWS_ABOVE_HEADER}, rows above the
 * header row found (titles, unit lines, blank rows) are counted with the blank lines and
 * not handed on, so the header is the first record the handler sees; with no header row
 * found, leading blank rows are skipped the same way and the first row is taken as the
 * header (its checks say what is missing).
 *
 * @param opened the sheet
 * @param handle the handler's `handle`
 * @param counts the file's row counts (blank lines)
 * @param log logger (merged cells filled)
 * @example
 * await feedWorkbook(opened, (items) => handler.handle(items), handler.counts, log);
 */
export async function feedWorkbook(
  opened: OpenedSheet,
  handle: (items: CsvItem[]) => void,
  counts: RowCounts,
  log?: Logger,
): Promise<void> {
  const skipBelow = opened.headerRow;
  let started = !SKIP_ROWS_ABOVE_HEADER;
  for await (const batch of opened.records()) {
    if (started) {
      handle(batch);
      continue;
    }
    const from = batch.findIndex((r) =>
      skipBelow > 0 ? r.line >= skipBelow : !(r.fields.length === 1 && r.fields[0].trim() === ''),
    );
    counts.blank += from < 0 ? batch.length : from;
    if (from < 0) continue;
    started = true;
    handle(from === 0 ? batch : batch.slice(from));
  }
  if (opened.stats.filled > 0)
    log?.info(
      'I_MERGED_FILLED',
      `${opened.sheet}: ${opened.stats.filled} cells of merged ranges below the header were filled with the range's value, as Excel shows them.`,
    );
}
