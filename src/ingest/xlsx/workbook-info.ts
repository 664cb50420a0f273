import { posix } from 'node:path';
import type { ZipArchive } from './zip-archive.js';
import { xmlEvents, type XmlHandlers } from './xml-events.js';
import { numberKind, type NumberKind } from './number-formats.js';

/** One sheet of a workbook, in workbook order. */
export interface SheetRef {
  name: string;
  /** The worksheet part (e.g. `xl/worksheets/sheet1.xml`); empty for a chart sheet or a missing part. */
  part: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
}

/** What soqa needs of a workbook besides its sheets' cells. */
export interface WorkbookInfo {
  sheets: SheetRef[];
  /** Dates count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
  /** How the number of each cell style (`s` attribute) shows: index = style number. */
  styleKinds: NumberKind[];
  /** The shared-strings part, or '' when there is none. */
  sharedStringsPart: string;
}

/**
 * Run an XML part through handlers to its end.
 *
 * @param zip the archive
 * @param part the part's name
 * @param handlers element and text callbacks
 * @throws SoqaError from the archive; Error on malformed XML
 * @example
 * await parsePart(zip, 'xl/workbook.xml', { open: (name, a) => name === 'sheet' && names.push(a.name) });
 */
export async function parsePart(zip: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of xmlEvents(zip.read(part), handlers));
}

/** Relationship id → target part, resolved against the folder of `from`. */
async function relationships(zip: ZipArchive, from: string): Promise<Map<string, { target: string; type: string }>> {
  const dir = posix.dirname(from);
  const relsPart = posix.join(dir, '_rels', `${posix.basename(from)}.rels`);
  const out = new Map<string, { target: string; type: string }>();
  if (!zip.has(relsPart)) return out;
  await parsePart(zip, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(dir, a.Target));
      out.set(a.Id, { target, type: a.Type ?? '' });
    },
  });
  return out;
}

/**
 * Read a workbook's structure: its sheets (names, parts, visibility), date system, the
 * number format of every cell style, and where its shared strings are.
 *
 * @param zip the opened archive
 * @returns the workbook's structure
 * @throws SoqaError E_XLSX_CORRUPT, E_XLSX_TOO_LARGE (from the archive); Error on malformed XML
 * @example
 * const wb = await workbookInfo(zip); wb.sheets.map((s) => s.name); // => ['名录', 'Sheet2']
 */
export async function workbookInfo(zip: ZipArchive): Promise<WorkbookInfo> {
  const root = await relationships(zip, '');
  const doc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPart = doc && zip.has(doc.target) ? doc.target : 'xl/workbook.xml';
  const rels = await relationships(zip, wbPart);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parsePart(zip, wbPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.get(rid);
      const isSheet = rel !== undefined && rel.type.endsWith('/worksheet') && zip.has(rel.target);
      sheets.push({ name: a.name ?? '', part: isSheet ? rel.target : '', state: a.state ?? 'visible' });
    },
  });
  const relOf = (suffix: string, fallback: string): string => {
    const r = [...rels.values()].find((x) => x.type.endsWith(suffix));
    const part = r?.target ?? fallback;
    return zip.has(part) ? part : '';
  };
  const stylesPart = relOf('/styles', posix.join(posix.dirname(wbPart), 'styles.xml'));
  return {
    sheets,
    date1904,
    styleKinds: stylesPart ? await styleKinds(zip, stylesPart) : [],
    sharedStringsPart: relOf('/sharedStrings', posix.join(posix.dirname(wbPart), 'sharedStrings.xml')),
  };
}

/** The number kind of each cell style (`cellXfs`), from its numFmtId and the custom formats. */
async function styleKinds(zip: ZipArchive, part: string): Promise<NumberKind[]> {
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, part, {
    open(name, a) {
      if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => numberKind(id, codes.get(id)));
}

/**
 * Read the shared-string table (the text of every `<si>`, rich-text runs joined, phonetic
 * runs `<rPh>` left out).
 *
 * @param zip the archive
 * @param part the shared-strings part
 * @param maxBytes the most decompressed bytes the table may take (it is held in memory)
 * @returns the strings by index
 * @throws SoqaError E_XLSX_TOO_LARGE past `maxBytes`
 */
export async function sharedStrings(zip: ZipArchive, part: string, maxBytes: number): Promise<string[]> {
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  const chunks = zip.read(part, { bytes: maxBytes, what: 'the shared strings (held in memory)' });
  for await (const _ of xmlEvents(chunks, {
    open(name) {
      if (name === 'si') cur = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 'si') {
        out.push((cur ?? []).join(''));
        cur = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT && cur) cur.push(t);
    },
  }));
  return out;
}
